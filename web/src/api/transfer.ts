// Transfers of organisational relations (组织关系转接, /api/v1/transfers on the
// server: src/modules/member/routes.cpp transfer_routes). A transfer inside the
// system is started by the sending party org and answered (接收 / 退回) by the
// receiving one; 转入 from and 转出 to outside the system are recorded at once.
import { http, type Page } from './http'
import type { Id } from './account'

export type TransferKind = 'internal' | 'in' | 'out'
export type TransferStatus = 'pending' | 'accepted' | 'rejected' | 'cancelled' | 'done'
/** incoming: the receiving side is in my scope; outgoing: the sending side; all: either */
export type TransferBox = 'incoming' | 'outgoing' | 'all'

export interface Transfer {
  id: Id
  person_id: Id
  person_name: string
  kind: TransferKind
  kind_name: string
  /** null for a transfer in from outside */
  from_party_org_id: Id | null
  from_party_org_name: string | null
  /** null for a transfer out to outside */
  to_party_org_id: Id | null
  to_party_org_name: string | null
  /** the other side outside the system (转入 / 转出) */
  external_name: string | null
  /** 介绍信编号 */
  letter_no: string | null
  status: TransferStatus
  status_name: string
  started_on: string
  answered_on: string | null
  /** 退回原因 */
  reason: string | null
  note: string | null
  started_by: string
  answered_by: string | null
  /** pending longer than the setting transfer.overdue_days */
  overdue: boolean
}

export interface TransferQuery {
  page: number
  size: number
  box?: TransferBox
  status?: TransferStatus | ''
  overdue?: boolean
  person_id?: Id | ''
}

export const listTransfers = (q: TransferQuery) =>
  http.get<Page<Transfer>>('/transfers', { ...q, overdue: q.overdue ? 1 : undefined })
export const getTransfer = (id: Id) => http.get<Transfer>(`/transfers/${id}`)

/** 发起转接 to another party org of the system; the member stays where he is until it is accepted. */
export const startTransfer = (t: { person_id: Id; to_party_org_id: Id; started_on: string; note?: string | null }) =>
  http.post<Transfer>('/transfers', t, true)
/** A party org a transfer may go to. */
export interface TransferDestination {
  id: Id
  name: string
  /** committee / general_branch / branch (never a party group) */
  type: string
  /** '' for the top party org */
  parent_name: string
}

/**
 * Where a transfer may go: every live party org of the system but party
 * groups, by name fragment — beyond the sender's own scope (member.transfer).
 */
export const transferDestinations = (q: { q?: string; page?: number; size?: number }) =>
  http.get<Page<TransferDestination>>('/transfers/destinations', { page: q.page ?? 1, size: q.size ?? 20, q: q.q })
/** 接收: the membership moves to the receiving party org from `date`. Only the receiving side may. */
export const acceptTransfer = (id: Id, date: string) => http.post<Transfer>(`/transfers/${id}/accept`, { date }, true)
/** 退回 with a reason; the member stays with the sending party org. */
export const rejectTransfer = (id: Id, reason: string, date: string) =>
  http.post<Transfer>(`/transfers/${id}/reject`, { reason, date }, true)
/** 撤回 a pending transfer (the sending side). */
export const cancelTransfer = (id: Id) => http.post<Transfer>(`/transfers/${id}/cancel`, {})

/** The member fields of 转入 (as POST /members takes them) and the other side's letter. */
export interface TransferInInput {
  name: string
  id_number: string
  ethnicity?: string | null
  education?: string | null
  phone?: string | null
  party_org_id: Id
  status: 'full' | 'probationary'
  admitted_on: string
  confirmed_on?: string | null
  /** the party org outside the system the member comes from */
  from_name: string
  letter_no?: string | null
  /** 转入日期: the membership here counts from it */
  date: string
}

/** 转入 from outside the system: creates (or brings back) the member. */
export const transferIn = (t: TransferInInput) => http.post<Transfer>('/transfers/in', t, true)
/** 转出 to outside the system: ends the membership here on `date`. */
export const transferOut = (t: { person_id: Id; to_name: string; letter_no?: string | null; date: string }) =>
  http.post<Transfer>('/transfers/out', t, true)

/** A member as the pickers show one (a few fields of GET /members). */
export interface MemberBrief {
  id: Id
  name: string
  gender_name: string
  id_number_mask: string
  party_org_id?: Id
  party_org_name?: string
  status?: 'full' | 'probationary'
  status_name?: string
  current: boolean
}

/** Current members in my scope whose name matches `q` (server search), optionally of one party org's subtree. */
export const searchMembers = (q: { q?: string; party_org_id?: Id; status?: string; size?: number }) =>
  http.get<Page<MemberBrief>>('/members', { page: 1, size: q.size ?? 20, q: q.q, party_org_id: q.party_org_id, status: q.status })
