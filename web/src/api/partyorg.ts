// Party org module: the tree, coverage, committee posts, instructors and
// liaisons, mass organisations, warnings (src/modules/partyorg on the server).
import { http } from './http'
import type { Id } from './account'
import type { PartyOrgType } from '@/utils/dict'

export interface PartyOrg {
  id: Id
  parent_id: Id | null
  parent_name: string | null
  name: string
  type: PartyOrgType
  type_name: string
  /** 'leading' for 工委 / 行业党委 */
  role: string | null
  formation: string | null
  formation_name: string | null
  temporary: boolean
  end_date: string | null
  area_id: Id | null
  area_name: string | null
  founded_on: string
  dissolved_on: string | null
  /** dissolved on or before today */
  dissolved: boolean
  term_start: string | null
  term_years: number | null
  /** term_start + term_years (R-ORG-5) */
  term_end: string | null
  weak: boolean
  declared_members: number | null
  declared_full_members: number | null
  path: string
  depth: number
  /** live children */
  children: number
  /** orgs covered today */
  covered_orgs: number
  created_at: string
  updated_at: string
}

/** The detail answer: the record with today's links and warnings. */
export interface PartyOrgDetail extends PartyOrg {
  coverage: CoverageLink[]
  committee: CommitteePost[]
  assignments: Assignment[]
  mass_orgs: MassOrg[]
  warnings: Warning[]
}

/** Fields of a create or an edit; absent = unchanged, null = cleared. parent_id only on create. */
export type PartyOrgInput = Partial<{
  parent_id: Id | null
  name: string
  type: PartyOrgType
  role: string | null
  formation: string | null
  temporary: boolean
  end_date: string | null
  area_id: Id | null
  founded_on: string
  term_start: string | null
  term_years: number | null
  weak: boolean
  declared_members: number | null
  declared_full_members: number | null
}>

export interface CoverageLink {
  id: Id
  org_id: Id
  org_name: string
  org_uscc: string
  party_org_id: Id
  party_org_name: string
  formation: string | null
  formation_name: string | null
  valid_from: string
  valid_to: string | null
}

export interface CommitteePost {
  id: Id
  party_org_id: Id
  post: string
  post_name: string
  person_name: string
  valid_from: string
  valid_to: string | null
}

export interface Assignment {
  id: Id
  person_name: string
  /** masked: 138****5678 */
  phone: string
  role: 'instructor' | 'liaison'
  role_name: string
  org_id: Id
  org_name: string
  valid_from: string
  valid_to: string | null
}

export interface MassOrg {
  id: Id
  org_id: Id
  org_name: string
  type: 'union' | 'youth_league' | 'womens_federation'
  type_name: string
  founded_on: string | null
  dissolved_on: string | null
}

/** A warning computed from the records, with its rule id (R-ORG-1..6). */
export interface Warning {
  rule: string
  code: string
  message: string
}

/** A warning in scope, with what it is about: a party org, or an org (R-ORG-1). */
export interface ScopedWarning extends Warning {
  party_org_id: Id | null
  party_org_name: string | null
  org_id: Id | null
  org_name: string | null
}

/** R-ORG-1 应建未建: an org with 3+ full members and no party org of its own. */
export interface ShouldBuildOrg {
  id: Id
  name: string
  uscc: string
  declared_members: number | null
  registered_on: string | null
  closed_on: string | null
  warning: Warning
}

interface Items<T> {
  items: T[]
  total: number
}

export interface PartyOrgQuery {
  parent_id?: Id
  type?: string
  formation?: string
  q?: string
  include_dissolved?: boolean
  page?: number
  size?: number
}

// The tree: every party org in the caller's scope (unpaged unless page/size given).
export const listPartyOrgs = (q: PartyOrgQuery = {}) =>
  http.get<Items<PartyOrg> & { page: number; size: number }>('/party-orgs', {
    ...q,
    include_dissolved: q.include_dissolved ? 1 : undefined,
  })
export const getPartyOrg = (id: Id) => http.get<PartyOrgDetail>(`/party-orgs/${id}`)
export const createPartyOrg = (p: PartyOrgInput) => http.post<PartyOrg>('/party-orgs', p, true)
export const updatePartyOrg = (id: Id, p: PartyOrgInput) => http.patch<PartyOrg>(`/party-orgs/${id}`, p, true)
/** Re-parents it with its subtree (audited). */
export const movePartyOrg = (id: Id, parent_id: Id | null) =>
  http.post<PartyOrg>(`/party-orgs/${id}/move`, { parent_id })
/** Refused while live children remain; ends its coverage links and posts that day. */
export const dissolvePartyOrg = (id: Id, dissolved_on: string) =>
  http.post<PartyOrg>(`/party-orgs/${id}/dissolve`, { dissolved_on })

// Coverage (组织覆盖).
export const listCoverage = (partyOrgId: Id, include_ended = false) =>
  http.get<Items<CoverageLink>>(`/party-orgs/${partyOrgId}/coverage`, { include_ended: include_ended ? 1 : undefined })
/** The answer carries R-ORG-2 warnings when a joint branch now covers more than 5 units. */
export const addCoverage = (partyOrgId: Id, org_id: Id, valid_from: string) =>
  http.post<CoverageLink & { warnings: Warning[] }>(`/party-orgs/${partyOrgId}/coverage`, { org_id, valid_from }, true)
/** valid_to is the first day the link no longer counts. */
export const endCoverage = (id: Id, valid_to: string) => http.post<CoverageLink>(`/coverage/${id}/end`, { valid_to })

// Committee posts (班子成员).
export const listCommittee = (partyOrgId: Id, include_ended = false) =>
  http.get<Items<CommitteePost>>(`/party-orgs/${partyOrgId}/committee`, { include_ended: include_ended ? 1 : undefined })
export const addCommitteePost = (partyOrgId: Id, p: { post: string; person_name: string; valid_from: string }) =>
  http.post<CommitteePost>(`/party-orgs/${partyOrgId}/committee`, p, true)
export const endCommitteePost = (id: Id, valid_to: string) =>
  http.post<CommitteePost>(`/committee-posts/${id}/end`, { valid_to })

export interface WorkQuery {
  org_id?: Id
  /** those of the orgs this party org covers */
  party_org_id?: Id
  include_ended?: boolean
}
const work = (q: WorkQuery) => ({ ...q, include_ended: q.include_ended ? 1 : undefined })

// Instructors and liaisons (党建指导员、联络员).
export const listAssignments = (q: WorkQuery & { role?: string }) => http.get<Items<Assignment>>('/assignments', work(q))
export const addAssignment = (a: { person_name: string; phone: string; role: string; org_id: Id; valid_from: string }) =>
  http.post<Assignment>('/assignments', a, true)
export const endAssignment = (id: Id, valid_to: string) => http.post<Assignment>(`/assignments/${id}/end`, { valid_to })

// Mass organisations (群团组织).
export const listMassOrgs = (q: WorkQuery & { type?: string }) => http.get<Items<MassOrg>>('/mass-orgs', work(q))
export const addMassOrg = (m: { org_id: Id; type: string; founded_on: string | null }) =>
  http.post<MassOrg>('/mass-orgs', m, true)
export const dissolveMassOrg = (id: Id, dissolved_on: string) =>
  http.post<MassOrg>(`/mass-orgs/${id}/dissolve`, { dissolved_on })

// Warnings (预警).
export const partyOrgWarnings = (id: Id) => http.get<{ items: Warning[] }>(`/party-orgs/${id}/warnings`)
export const listWarnings = (q: { rule?: string; page?: number; size?: number } = {}) =>
  http.get<Items<ScopedWarning> & { page: number; size: number }>('/warnings', q)
export const listShouldBuild = () => http.get<Items<ShouldBuildOrg>>('/warnings/should-build')
