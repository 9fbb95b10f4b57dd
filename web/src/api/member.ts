// Member module: member records and orgs with unregistered members
// (src/modules/member on the server; transfers are in transfer.ts). ID
// numbers and phones arrive masked (R-ID-4); the plain value only through
// revealMember, which the server audits. The member ledger (党员台账) goes
// through the shared ledger routes: /import/members, /export/members,
// /templates/members.
import { download, http, type Page } from './http'
import type { Id } from './account'
import type { MemberEducation, MemberEndReason, MemberGender, MemberStatus } from '@/utils/dict'

/** A member as lists show it: the person and the latest membership (absent for a person who never had one). */
export interface Member {
  id: Id
  name: string
  gender: MemberGender
  gender_name: string
  ethnicity: string | null
  birth_date: string
  /** age today (Beijing) */
  age: number
  /** 310199********1234 */
  id_number_mask: string
  education: MemberEducation | null
  education_name: string | null
  /** 138****5678 */
  phone_mask: string | null
  workplace_org_id: Id | null
  workplace_org_name: string | null
  /** 流动党员 */
  mobile: boolean
  created_at: string
  updated_at: string
  membership_id?: Id
  party_org_id?: Id
  party_org_name?: string
  status?: MemberStatus
  status_name?: string
  /** 入党日期 */
  admitted_on?: string
  /** 转正日期 */
  confirmed_on?: string | null
  /** since when in this party org */
  valid_from?: string
  /** the first day the membership no longer counts (减少) */
  valid_to?: string | null
  end_reason?: string | null
  end_reason_name?: string | null
  /** the membership is open */
  current: boolean
}

/** One period in one party org, oldest first. */
export interface Membership {
  id: Id
  party_org_id: Id
  party_org_name: string
  status: MemberStatus
  status_name: string
  admitted_on: string
  confirmed_on: string | null
  valid_from: string
  valid_to: string | null
  /** admitted / registered / transfer / transfer_in */
  start_reason: string
  end_reason: string | null
  end_reason_name: string | null
}

/** A change of the record: what, old, new, on which day, by whom (ID numbers and phones masked). */
export interface MemberHistoryEntry {
  id: Id
  /** name, id_number, education, status, party_org, registered, ended, … */
  what: string
  old_value: string | null
  new_value: string | null
  on_date: string
  by: string
  at: string
}

/** A transfer of the member as the detail carries it (the transfer pages have the full type). */
export interface MemberTransferRow {
  id: Id
  kind: string
  kind_name: string
  from_party_org_name: string | null
  to_party_org_name: string | null
  external_name: string | null
  letter_no: string | null
  status: string
  status_name: string
  started_on: string
  answered_on: string | null
  reason: string | null
  overdue: boolean
}

/** A committee post the member holds (党内职务), in the party org of the membership. */
export interface MemberPost {
  id: Id
  party_org_id: Id
  /** secretary / deputy_secretary / organisation / publicity / discipline / member */
  post: MemberPostCode
  post_name: string
  person_name: string
  person_id: Id | null
  valid_from: string
  valid_to: string | null
}
export type MemberPostCode = 'secretary' | 'deputy_secretary' | 'organisation' | 'publicity' | 'discipline' | 'member'
export const memberPostOptions: { value: MemberPostCode; label: string }[] = [
  { value: 'secretary', label: '书记' },
  { value: 'deputy_secretary', label: '副书记' },
  { value: 'organisation', label: '组织委员' },
  { value: 'publicity', label: '宣传委员' },
  { value: 'discipline', label: '纪检委员' },
  { value: 'member', label: '委员' },
]

export interface MemberDetail extends Member {
  memberships: Membership[]
  history: MemberHistoryEntry[]
  transfers: MemberTransferRow[]
  /** posts held today or from a later day; they end with the membership */
  posts: MemberPost[]
  /** the member's own account (role 党员), if linked */
  user_id: Id | null
}

/** The person fields of a create or an edit; absent = unchanged, null = cleared. */
export type MemberPersonInput = Partial<{
  name: string
  /** R-ID-1; gender and birth date follow from it */
  id_number: string
  ethnicity: string | null
  education: MemberEducation | null
  phone: string | null
  workplace_org_id: Id | null
  mobile: boolean
}>

/** 新增: a person and the membership of a party org. */
export type MemberCreateInput = MemberPersonInput & {
  name: string
  id_number: string
  party_org_id: Id
  status: MemberStatus
  admitted_on: string
  confirmed_on?: string
}

/** Server sort keys; a leading '-' reverses. Empty = by party org, then name. */
export type MemberSort = '' | 'name' | 'admitted_on' | 'birth_date' | 'party_org' | 'id'

export interface MemberQuery {
  page: number
  size: number
  /** a name fragment, or a whole 18-character ID number (searched through its keyed hash) */
  q?: string
  status?: string
  education?: string
  gender?: string
  ethnicity?: string
  /** le35, 36_45, 46_55, 56_60, 61_plus */
  age_band?: string
  /** the party org and everything below it */
  party_org_id?: Id
  mobile?: boolean | ''
  /** also members whose membership has ended */
  include_ended?: boolean
  sort?: string
}

export const listMembers = (q: MemberQuery) =>
  http.get<Page<Member>>('/members', {
    ...q,
    mobile: q.mobile === '' || q.mobile === undefined ? undefined : q.mobile,
    include_ended: q.include_ended ? 1 : undefined,
  })
export const getMember = (id: Id) => http.get<MemberDetail>(`/members/${id}`)
/** Refusals (a field's problem, 409 duplicate ID naming the record) are the caller's to show. */
export const createMember = (m: MemberCreateInput) => http.post<MemberDetail>('/members', m, true)
export const updateMember = (id: Id, m: MemberPersonInput) => http.patch<MemberDetail>(`/members/${id}`, m, true)
/** 转正 on date (R-REC-7). */
export const confirmMember = (id: Id, date: string) => http.post<MemberDetail>(`/members/${id}/confirm`, { date }, true)
/** 减少: the membership ends on date (the first day it no longer counts) for reason. */
export const endMember = (id: Id, date: string, reason: MemberEndReason) =>
  http.post<MemberDetail>(`/members/${id}/end`, { date, reason }, true)

export type RevealField = 'id_number' | 'phone'
/** The plain ID number or phone (R-ID-4); the server writes an audit row (member.reveal). */
/** 任职: a post in the party org of the open membership, from valid_from. */
export const addMemberPost = (id: Id, post: MemberPostCode, valid_from: string) =>
  http.post<MemberDetail>(`/members/${id}/posts`, { post, valid_from }, true)
/** Links the member's own account (a user of role 党员); null unlinks it (admin). */
export const linkMemberAccount = (id: Id, user_id: Id | null) =>
  http.post<MemberDetail>(`/members/${id}/account`, { user_id }, true)

export const revealMember = (id: Id, field: RevealField) =>
  http.post<{ id: Id; field: RevealField; value: string }>(`/members/${id}/reveal`, { field })

/** An org whose declared members exceed those recorded with it as workplace (未登记党员). */
export interface UnregisteredOrg {
  org_id: Id
  org_name: string
  uscc: string
  declared: number
  recorded: number
  missing: number
}

export const listUnregisteredMembers = () => http.get<{ items: UnregisteredOrg[]; total: number }>('/unregistered-members')

export const MEMBER_LEDGER_TITLE = '党员台账'

/** The member ledger as .xlsx, every member in the caller's scope with plain ID numbers and phones (audited: export.members). */
export const exportMembers = () => download('/export/members', `${MEMBER_LEDGER_TITLE}.xlsx`)
export const downloadMemberTemplate = () => download('/templates/members', `${MEMBER_LEDGER_TITLE}-模板.xlsx`)

export type { Id }
