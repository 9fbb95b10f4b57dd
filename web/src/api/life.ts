// Life module: organisational life (src/modules/life on the server) — meetings
// with attendance, minutes, attachments and ratings; heart talks; online
// meetings; check-ins; compliance (R-LIFE-1..10) and its figures.
import { http, upload, type Page } from './http'
import type { Id } from './account'

export type MeetingKind =
  | 'general_assembly'
  | 'committee_meeting'
  | 'group_meeting'
  | 'party_lesson'
  | 'theme_day'
  | 'life_meeting'
  | 'member_review'
  | 'heart_talk'

/** 会议类型 with the rule that sets its frequency (RULES.md). */
export const meetingKinds: { value: MeetingKind; label: string; rule: string }[] = [
  { value: 'general_assembly', label: '支部党员大会', rule: 'R-LIFE-1' },
  { value: 'committee_meeting', label: '支部委员会', rule: 'R-LIFE-2' },
  { value: 'group_meeting', label: '党小组会', rule: 'R-LIFE-3' },
  { value: 'party_lesson', label: '党课', rule: 'R-LIFE-4' },
  { value: 'theme_day', label: '主题党日', rule: 'R-LIFE-5' },
  { value: 'life_meeting', label: '组织生活会', rule: 'R-LIFE-6' },
  { value: 'member_review', label: '民主评议党员', rule: 'R-LIFE-7' },
  { value: 'heart_talk', label: '谈心谈话', rule: 'R-LIFE-8' },
]

export type AttendanceStatus = 'present' | 'late' | 'absent'
export type AbsenceReason = 'business' | 'sick' | 'personal' | 'other'
export const absenceReasons: { value: AbsenceReason; label: string }[] = [
  { value: 'business', label: '公出' },
  { value: 'sick', label: '病假' },
  { value: 'personal', label: '事假' },
  { value: 'other', label: '其他' },
]
export type Rating = 'excellent' | 'qualified' | 'basically_qualified' | 'unqualified'
export const ratings: { value: Rating; label: string }[] = [
  { value: 'excellent', label: '优秀' },
  { value: 'qualified', label: '合格' },
  { value: 'basically_qualified', label: '基本合格' },
  { value: 'unqualified', label: '不合格' },
]

export interface Meeting {
  id: Id
  party_org_id: Id
  party_org_name: string
  group_id: Id | null
  group_name: string | null
  kind: MeetingKind
  kind_name: string
  rule: string
  /** UTC ISO */
  starts_at: string
  ends_at: string | null
  /** "2026-12-04 14:30" in Shanghai */
  starts_local: string
  ends_local: string | null
  /** the day in Shanghai */
  on_date: string
  place: string | null
  online: boolean
  topic: string
  host: string | null
  recorder: string | null
  lecturer: string | null
  by_secretary: boolean
  expected: number
  present: number
  late: number
  absent: number
  created_by: string
  created_at: string
  updated_at: string
}

export interface Attendance {
  person_id: Id
  person_name: string
  /** null: not recorded yet (expected_members) */
  status: AttendanceStatus | null
  status_name: string
  absence_reason: AbsenceReason | null
  absence_reason_name: string | null
  absence_note: string | null
  /** false for probationary members */
  voting: boolean
}

export interface Attachment {
  id: Id
  meeting_id: Id
  filename: string
  content_type: string
  size: number
  sha256: string
  created_by: string
  created_at: string
  /** GET it to download */
  url: string
}

export interface Message {
  id: Id
  meeting_id: Id
  person_id: Id
  person_name: string
  /** plain text: show as text, never as HTML */
  body: string
  at: string
  at_local: string | null
}

export interface MeetingDetail extends Meeting {
  /** sanitised HTML (safe to v-html); a closed online meeting's discussion is appended */
  minutes: string
  /** the minutes as recorded, without the appended discussion: what an edit starts from */
  stored_minutes: string
  /** online: upcoming / open / closed; otherwise held */
  state: 'held' | 'upcoming' | 'open' | 'closed'
  attendance: Attendance[]
  /** the members expected that day, while no attendance is recorded */
  expected_members: Attendance[]
  ratings: { person_id: Id; person_name: string; rating: Rating; rating_name: string }[]
  attachments: Attachment[]
  discussion: Message[]
}

export interface MeetingInput {
  kind?: MeetingKind
  party_org_id?: Id
  group_id?: Id | null
  topic?: string
  /** as typed in Shanghai: "2026-12-04 14:30" */
  starts_at?: string
  ends_at?: string | null
  place?: string | null
  online?: boolean
  host?: string | null
  recorder?: string | null
  lecturer?: string | null
  /** party lessons: given by the secretary (R-LIFE-4) */
  by_secretary?: boolean
  /** rich text; the server keeps only safe formatting */
  minutes?: string | null
  /**
   * every member of the party org that day; a committee or group meeting
   * (committee_meeting, group_meeting) only those it expected. An absence needs its reason.
   */
  attendance?: { person_id: Id; status: AttendanceStatus; absence_reason?: AbsenceReason | null; absence_note?: string | null }[]
  /** member reviews only (R-LIFE-7) */
  ratings?: { person_id: Id; rating: Rating }[]
}

export interface MeetingQuery {
  /** a stats scope (area:2, party_org:5, as /stats/life takes it): exactly that scope's meetings */
  scope?: string
  party_org_id?: Id
  kind?: MeetingKind | ''
  from?: string
  to?: string
  online?: boolean
  page?: number
  size?: number
}

export const listMeetings = (q: MeetingQuery = {}) => http.get<Page<Meeting>>('/meetings', { ...q })
/** `quiet`: the caller shows a failure itself (polling), no message pops up. */
export const getMeeting = (id: Id, quiet = false) => http.get<MeetingDetail>(`/meetings/${id}`, undefined, quiet)
export const createMeeting = (body: MeetingInput) => http.post<MeetingDetail>('/meetings', body, true)
export const updateMeeting = (id: Id, body: MeetingInput) => http.patch<MeetingDetail>(`/meetings/${id}`, body, true)
/**
 * Who a meeting of the party org on `date` (YYYY-MM-DD) expects: its members
 * that day, in the server's order, status null (life.write).
 */
export const expectedMembers = (party_org_id: Id, date: string) =>
  http.get<{ items: Attendance[]; total: number; date: string }>('/life/expected', { party_org_id, date })
export const deleteMeeting = (id: Id) => http.del<{ id: Id; deleted: boolean }>(`/meetings/${id}`)

/** Uploads a file as a meeting's attachment (PDF, Word, Excel, PowerPoint, JPG, PNG, TXT; at most 10 MB). */
export const addAttachment = (meetingId: Id, file: File) =>
  upload<Attachment>(`/meetings/${meetingId}/attachments`, file, { filename: file.name }, { quiet: true })
export const deleteAttachment = (id: Id) => http.del<{ id: Id; deleted: boolean }>(`/attachments/${id}`)

/** A member's post in an open online meeting. */
export const postMessage = (meetingId: Id, body: string) =>
  http.post<Message>(`/meetings/${meetingId}/messages`, { body }, true)

// ---- heart talks (R-LIFE-8) ----

export interface HeartTalk {
  id: Id
  party_org_id: Id
  /** the talker's committee post */
  post_id: Id | null
  talker: string
  person_id: Id
  person_name: string
  on_date: string
  summary: string | null
  created_by: string
  created_at: string
}
export const listTalks = (q: { party_org_id: Id; from?: string; to?: string; page?: number; size?: number }) =>
  http.get<Page<HeartTalk>>('/heart-talks', { ...q })
export const createTalk = (body: { party_org_id: Id; post_id: Id; person_id: Id; on_date: string; summary?: string }) =>
  http.post<HeartTalk>('/heart-talks', body, true)
export const deleteTalk = (id: Id) => http.del<{ id: Id; deleted: boolean }>(`/heart-talks/${id}`)

// ---- check-ins and the member's own page ----

export interface CheckIns {
  person_id: Id
  today: string
  checked_in_today: boolean
  /** this call recorded today's check-in (false: already checked in today) */
  recorded_now: boolean
  month_days: string[]
  month_count: number
  /** checkin.monthly_minimum */
  minimum: number
}
export const checkIn = () => http.post<CheckIns>('/check-ins', {}, true)
export const myCheckIns = (date?: string) => http.get<CheckIns>('/check-ins/me', { date }, true)
export const checkInShortfall = (party_org_id: Id, date?: string) =>
  http.get<{ items: { person_id: Id; person_name: string; count: number }[]; total: number; date: string }>(
    '/life/check-in-shortfall',
    { party_org_id, date },
  )

export interface MyLife {
  person_id: Id
  party_org_id: Id | null
  party_org_name: string
  check_ins: CheckIns
  open_online_meetings: Meeting[]
  meetings: (Meeting & { my_attendance: Attendance | null })[]
}
/** 403 not_member_account when no member is linked to the account. */
export const myLife = () => http.get<MyLife>('/me/life', undefined, true)

// ---- compliance (R-LIFE-10) ----

export type Cycle = 'month' | 'quarter' | 'year'

export interface Duty {
  rule: string
  kind: MeetingKind
  kind_name: string
  /** meetings / secretary_lessons / members_rated / members_talked */
  measure: string
  measure_name: string
  group_id: Id | null
  group_name: string | null
  /** the cycle of the duty, both days included */
  from: string
  to: string
  required: number
  held: number
  met: boolean
}

export interface Compliance {
  party_org_id: Id
  party_org_name: string
  period: { cycle: Cycle; from: string; to: string }
  existed_throughout: boolean
  complies: boolean
  duties_total: number
  duties_met: number
  duties: Duty[]
}
export const getCompliance = (party_org_id: Id, period: Cycle, date?: string) =>
  http.get<Compliance>('/life/compliance', { party_org_id, period, date })
/** This month's and this quarter's unmet duties. */
export const getReminders = (party_org_id: Id) =>
  http.get<{ month: Compliance; quarter: Compliance }>('/life/reminders', { party_org_id })

export interface MatrixCell {
  month: number
  from: string
  to: string
  /** false: nothing was owed that month */
  owed: boolean
  /** the month has not begun: nothing is due yet (尚未到期) */
  future: boolean
  complies: boolean
  duties_total: number
  duties_met: number
}
export interface MatrixRow {
  party_org_id: Id
  party_org_name: string
  months: MatrixCell[]
}
export const getMatrix = (q: { scope?: string; year?: number; page?: number; size?: number }) =>
  http.get<Page<MatrixRow> & { year: number }>('/life/matrix', { ...q })

export interface LifeFigures {
  period: { cycle: Cycle; from: string; to: string }
  /** party orgs (branches) that existed throughout the period */
  assessed: number
  complying: number
  noncompliant: number
  compliance_rate: number | null
  by_kind: { kind: MeetingKind; kind_name: string; rule: string; owed: number; met: number; rate: number | null }[]
  attendance: { expected: number; present: number; rate: number | null }
}
export const getLifeFigures = (q: { scope?: string; period?: Cycle; date?: string }) =>
  http.get<LifeFigures>('/stats/life', { ...q })
/** figure: assessed | complying | noncompliant | owed:<kind> | met:<kind> | unmet:<kind> */
export const getLifeRecords = (q: { scope?: string; period?: Cycle; date?: string; figure: string; page?: number; size?: number }) =>
  http.get<Page<Compliance>>('/stats/life/records', { ...q })
