// What the 三会一课 and 落实情况 pages share: the members of a party org on a
// day (the attendance list a meeting carries), the kinds a meeting can be
// recorded as, the online states, and Shanghai times and months.
import type { Id } from '@/api/account'
import {
  expectedMembers,
  meetingKinds,
  type AbsenceReason,
  type AttendanceStatus,
  type Meeting,
  type MeetingDetail,
  type MeetingKind,
  type Rating,
} from '@/api/life'

/** Kinds recorded as meetings (谈心谈话 are recorded one by one in their own tab). */
export const meetingKindOptions = meetingKinds.filter((k) => k.value !== 'heart_talk')

export function kindLabel(kind: MeetingKind | string): string {
  return meetingKinds.find((k) => k.value === kind)?.label ?? kind
}

/** Tag colour per kind, the same in the list, the calendar and the drawers. */
export function kindTagType(kind: MeetingKind | string): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  switch (kind) {
    case 'general_assembly':
      return 'danger'
    case 'committee_meeting':
      return 'primary'
    case 'group_meeting':
      return 'success'
    case 'party_lesson':
      return 'warning'
    default:
      return 'info'
  }
}

export const stateNames: Record<MeetingDetail['state'], string> = {
  held: '已召开',
  upcoming: '未开始',
  open: '进行中',
  closed: '已结束',
}

/** 出席 counts those who came late. */
export const attended = (m: Pick<Meeting, 'present' | 'late'>) => m.present + m.late

/** One member's line of the attendance (and, for 民主评议党员, rating) table. */
export interface AttendanceRow {
  person_id: Id
  name: string
  /** false: probationary on that day (预备党员·无表决权) */
  voting: boolean
  /**
   * 应到: listed in the attendance. Only a committee or group meeting may
   * leave members out (see partialAttendance); other kinds list everyone.
   */
  expected: boolean
  status: AttendanceStatus
  absence_reason: AbsenceReason | ''
  absence_note: string
  rating: Rating | ''
}

/** Kinds whose attendance lists only the members expected (the committee, the group), not the whole party org. */
export const partialAttendance = (kind: MeetingKind | '' | string) => kind === 'committee_meeting' || kind === 'group_meeting'

/** A party org's member on a day, as the attendance list needs him. */
export interface DayMember {
  person_id: Id
  name: string
  voting: boolean
}

/**
 * The members of exactly this party org on `day` (GET /life/expected), in
 * the server's order, probationary ones without a vote. The server checks
 * the list again.
 */
export async function membersOn(partyOrgId: Id, day: string): Promise<DayMember[]> {
  const r = await expectedMembers(partyOrgId, day)
  return r.items.map((a) => ({ person_id: a.person_id, name: a.person_name, voting: a.voting }))
}

const shanghai = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** A moment as typed in Shanghai, "2026-12-04 14:30". */
export function shanghaiMinute(d: Date = new Date()): string {
  const p: Record<string, string> = {}
  for (const part of shanghai.formatToParts(d)) p[part.type] = part.value
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The first and last day of the month of a YYYY-MM-DD day. */
export function monthOf(day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` }
}

/** A YYYY-MM-DD day moved by n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** "2026-12-04 14:30" → "2026-12-04"; '' for none. */
export const dayOf = (local: string | null | undefined) => (local ? local.slice(0, 10) : '')
