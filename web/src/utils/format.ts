// Display formats: times in Asia/Shanghai as 2026-11-22 09:30:00.

const shanghai = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** An ISO time from the server (UTC) as Beijing time, `YYYY-MM-DD HH:mm:ss`; '' for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p: Record<string, string> = {}
  for (const part of shanghai.formatToParts(d)) p[part.type] = part.value
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/** Numbers grouped in thousands, as offices write them. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return ''
  return n.toLocaleString('zh-CN')
}

/** Pretty JSON for detail panes. */
export function formatJson(v: unknown): string {
  return JSON.stringify(v, null, 2)
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** Today in Beijing as YYYY-MM-DD (the server's calendar). */
export function todayIso(): string {
  return shanghaiDate.format(new Date())
}

/** A YYYY-MM-DD date as offices write it, or '—' for none. */
export function formatDate(d: string | null | undefined): string {
  return d ? d : '—'
}

/** 是 / 否 / — for a yes-no that may be unknown. */
export function yesNo(v: boolean | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return v ? '是' : '否'
}
