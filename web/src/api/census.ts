// Census module: areas (属地) and 两新 orgs (src/modules/census on the server).
import { http, type Page } from './http'
import type { Id } from './account'
import type { Colour, OperatingStatus, OrgKind } from '@/utils/dict'

// ---- areas ----

export type AreaLevel = 'district' | 'street' | 'community'

export interface Area {
  id: Id
  parent_id: Id | null
  code: string
  name: string
  /** set by the server from the parent: district → street → community */
  level: AreaLevel
  path: string
  created_at: string
  updated_at: string
}

/** The level follows from the parent; only name and code change afterwards. */
export interface AreaInput {
  parent_id?: Id | null
  code?: string | null
  name?: string
}

/** R-CEN-2: open orgs and stale ones per street. */
export interface StaleSummaryRow {
  area_id: Id
  name: string
  code: string
  total: number
  stale: number
}

export interface StaleSummary {
  items: StaleSummaryRow[]
  /** the setting census.stale_months */
  stale_months: number
  /** verified before this day = stale */
  cutoff: string
}

/** Every area in the caller's scope, in path order. */
export const listAreas = () => http.get<{ items: Area[] }>('/areas')
export const createArea = (a: AreaInput) => http.post<Area>('/areas', a, true)
export const updateArea = (id: Id, a: AreaInput) => http.patch<Area>(`/areas/${id}`, a, true)
/** Refused (409) while it has sub-areas or orgs. */
export const deleteArea = (id: Id) => http.del<null>(`/areas/${id}`)
export const staleSummary = () => http.get<StaleSummary>('/areas/stale-summary')

// ---- orgs ----

export interface FiveClear {
  complete: boolean
  /** field names, e.g. "workforce" */
  missing: string[]
}

export interface Org {
  id: Id
  name: string
  uscc: string
  kind: OrgKind
  kind_name: string
  sub_kind: string | null
  industry: string | null
  industry_name: string | null
  area_id: Id
  area_name: string
  address: string | null
  registered_on: string | null
  closed_on: string | null
  operating_status: OperatingStatus
  operating_status_name: string
  workforce: number | null
  declared_members: number | null
  above_scale: boolean
  principal: string | null
  principal_is_member: boolean | null
  no_party_org_reason: string | null
  contact_name: string | null
  /** masked (138****5678); the plain number only through revealOrgPhone */
  contact_phone_mask: string | null
  has_contact_phone: boolean
  verified_on: string | null
  stale: boolean
  covered: boolean
  colour: Colour
  five_clear: FiveClear
  created_at: string
  updated_at: string
}

/** One change of the record, from the audit log (newest first). */
export interface OrgHistoryEntry {
  at: string
  login: string | null
  action: string
  detail: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null } | string | null
}

export interface OrgDetail extends Org {
  /** names of the party orgs covering it today, single-formation first */
  covered_by: string[]
  history: OrgHistoryEntry[]
}

export type SortOrder = 'asc' | 'desc'

export interface OrgQuery {
  page: number
  size: number
  q?: string
  kind?: string
  sub_kind?: string
  industry?: string
  area_id?: Id | null
  above_scale?: boolean | ''
  covered?: boolean | ''
  colour?: string
  stale?: boolean | ''
  /** operating status */
  status?: string
  /** name (pinyin order, the default), registered_on, verified_on, workforce */
  sort?: string
  order?: SortOrder
}

/** What a form sends: only the fields given change; null clears. */
export type OrgInput = Partial<{
  name: string
  uscc: string
  kind: OrgKind
  sub_kind: string | null
  industry: string | null
  area_id: Id
  address: string | null
  registered_on: string | null
  operating_status: OperatingStatus
  operating_status_name: string
  workforce: number | null
  declared_members: number | null
  above_scale: boolean
  principal: string | null
  principal_is_member: boolean | null
  no_party_org_reason: string | null
  contact_name: string | null
  contact_phone: string | null
  verified_on: string | null
}>

function orgQuery(q: OrgQuery) {
  const { area_id, ...rest } = q
  return { ...rest, area_id: area_id ?? undefined }
}

export const listOrgs = (q: OrgQuery) => http.get<Page<Org>>('/orgs', orgQuery(q))
export const getOrg = (id: Id) => http.get<OrgDetail>(`/orgs/${id}`)
export const createOrg = (o: OrgInput) => http.post<Org>('/orgs', o, true)
export const updateOrg = (id: Id, o: OrgInput) => http.patch<Org>(`/orgs/${id}`, o, true)
/** Marks the org verified today, or on `verified_on` (R-CEN-2). */
export const verifyOrg = (id: Id, verified_on?: string) =>
  http.post<Org>(`/orgs/${id}/verify`, verified_on ? { verified_on } : {})
/** 注销: ends the record on `closed_on`. */
export const closeOrg = (id: Id, closed_on: string) => http.post<Org>(`/orgs/${id}/close`, { closed_on })
/** The plain contact phone (audited on the server). */
export const revealOrgPhone = (id: Id) => http.post<{ id: Id; contact_phone: string }>(`/orgs/${id}/reveal-phone`, {})
/** R-CEN-2: the stale orgs (oldest verification first), with the same filters as listOrgs. */
export const listStaleOrgs = (q: OrgQuery) => http.get<Page<Org>>('/orgs/stale', orgQuery(q))

// ---- settings ----

export interface Setting {
  key: string
  value: number
  default: number
  is_default: boolean
  min: number
  max: number
  rule: string
  description: string
  updated_at: string | null
}

export const listSettings = () => http.get<{ items: Setting[] }>('/settings')
