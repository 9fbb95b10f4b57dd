// What the browser tests share besides the server, the browser and signing
// in: the API called from the page (its session cookie; a write carries the
// CSRF token), the server's calendar (Asia/Shanghai), numbers worded as the UI
// words them, and valid ID numbers to type.

/** The call in the page: status, ok, the answer's text and its JSON (null when not JSON). */
function call(page, path, method, body) {
  return page.evaluate(
    async ({ path, method, body }) => {
      const headers = { Accept: 'application/json' }
      if (method !== 'GET') {
        headers['X-CSRF-Token'] = (await (await fetch('/api/v1/session')).json()).csrf_token
        headers['Content-Type'] = 'application/json'
      }
      const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
      const text = await r.text()
      let json = null
      try {
        json = JSON.parse(text)
      } catch {
        // not JSON (an empty answer, a proxy's page)
      }
      return { status: r.status, ok: r.ok, text, json }
    },
    { path, method, body },
  )
}

/**
 * A call of the API with the page's session; a write (any method but GET)
 * sends the CSRF token and `body` as JSON. Returns `{ status, body }`, body
 * being the JSON answer (null when it is not JSON).
 */
export async function api(page, path, { method = 'GET', body } = {}) {
  const r = await call(page, path, method, body)
  return { status: r.status, body: r.json }
}

/** The same call's JSON answer; throws on an error status, naming the call and the answer. */
export async function apiOk(page, path, { method = 'GET', body } = {}) {
  const r = await call(page, path, method, body)
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
  return r.json
}

/** Today in Beijing as YYYY-MM-DD (the server's calendar). */
export function todayShanghai() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

/** "YYYY-MM-DD HH:mm" in Shanghai, of `d` (default now). */
export function shanghaiMinute(d = new Date()) {
  const p = {}
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  for (const part of f.formatToParts(d)) p[part.type] = part.value
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** A count as the UI shows it (12,345). */
export const num = (n) => n.toLocaleString('zh-CN')

/** A rate of the API as the UI shows it: its percent string with %, or — when there is none. */
export const pct = (rate) => (rate.percent === null ? '—' : `${rate.percent}%`)

/** n / d as STATS.md words a rate: two decimals, half up, from the integer counts. */
export function share(n, d) {
  if (d === 0) return '—'
  const h = (BigInt(n) * 20000n + BigInt(d)) / (BigInt(d) * 2n)
  return `${h / 100n}.${String(h % 100n).padStart(2, '0')}%`
}

/** A valid resident ID number (R-ID-1, GB 11643) of an area code, a birth date (YYYY-MM-DD or YYYYMMDD) and a sequence. */
export function idNumber(birth, seq, area = '310199') {
  const first17 = area + birth.replaceAll('-', '') + String(seq).padStart(3, '0')
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
