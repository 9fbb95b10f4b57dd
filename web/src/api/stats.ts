// Statistics module (src/modules/stats on the server): the figures of
// STATS.md as of a date for a scope, their breakdowns and quarter series, the
// records behind each figure (paged, exportable), the summary sentences and
// the report workbook. Rates come with their counts and the percent as the
// server computed it (a string, never recomputed here).
import { download, request } from './http'
import type { Id } from './account'
import type { Job } from './platform'

/** {"numerator": 83, "denominator": 120, "percent": "69.17"}; percent null when the denominator is 0. */
export interface Rate {
  numerator: number
  denominator: number
  percent: string | null
}

export interface StatsScope {
  type: 'all' | 'area' | 'party_org'
  id: Id | null
  name: string
}

export interface Coverage {
  date: string
  scope: StatsScope
  orgs: number
  covered: number
  covered_single: number
  covered_joint: number
  covered_attached: number
  covered_other: number
  covered_by_formation: Record<string, number>
  work_reached: number
  organisation_coverage_rate: Rate
  work_coverage_rate: Rate
  should_build: number
  party_orgs: number
  colours: { red: number; yellow: number; blue: number }
  stale: number
  overdue_reelections: number
}

export type BreakdownBy = 'area' | 'kind' | 'sub_kind' | 'industry' | 'above_scale'

export interface BreakdownRow {
  /** "area:5" for areas; the column's value otherwise ("" = 未填写) */
  key: string
  name: string
  orgs: number
  covered: number
  work_reached: number
  should_build: number
  organisation_coverage_rate: Rate
  work_coverage_rate: Rate
  /** by=area only */
  party_orgs?: number
}

export interface Breakdown {
  date: string
  scope: StatsScope
  by: BreakdownBy
  rows: BreakdownRow[]
}

export interface Structure {
  date: string
  scope: StatsScope
  by_type: Record<string, number>
  by_formation: Record<string, number>
}

export interface SeriesPoint {
  date: string
  orgs: number
  covered: number
  party_orgs: number
  organisation_coverage_rate: Rate
  work_coverage_rate: Rate
}

export interface Series {
  scope: StatsScope
  points: SeriesPoint[]
}

export interface Summary {
  date: string
  scope: StatsScope
  sentences: string[]
}

/** A record behind an org figure. */
export interface OrgRecord {
  id: Id
  name: string
  uscc: string
  kind: string
  kind_name: string
  sub_kind: string
  industry: string
  area_name: string
  declared_members: number | null
  verified_on: string | null
  colour: string
  covered_by: string
}

/** A record behind a party org figure. */
export interface PartyOrgRecord {
  id: Id
  name: string
  type: string
  type_name: string
  formation: string
  formation_name: string
  parent_name: string
  founded_on: string
  dissolved_on: string | null
  term_start: string | null
}

export interface Records<T = OrgRecord | PartyOrgRecord> {
  date: string
  scope: StatsScope
  figure: string
  items: T[]
  total: number
  page: number
  size: number
}

/** What every figure is asked for: the date (YYYY-MM-DD) and the scope key ("area:5", "party_org:3"; absent = one's own). */
export interface StatsQuery {
  date?: string
  scope?: string
}

/**
 * The records' query. The filters narrow the figure's rows: kind, sub_kind,
 * industry, above_scale ("1" / "0") for org figures; type, formation for
 * party org figures. sub_kind and industry "none" select the unfilled ones
 * (a breakdown's 未填写 cell); empty or undefined leaves a filter out.
 */
export interface RecordsQuery extends StatsQuery {
  figure: string
  /** founded / dissolved: the start of the period (exclusive) */
  from?: string
  page?: number
  size?: number
  kind?: string
  sub_kind?: string
  industry?: string
  above_scale?: string
  type?: string
  formation?: string
}

type Params = Record<string, string | number | undefined>

function qs(params: Params): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.append(k, String(v))
  const s = p.toString()
  return s ? '?' + s : ''
}

const base = (q: StatsQuery): Params => ({ date: q.date, scope: q.scope })
const get = <T>(path: string, params: Params) => request<T>(path + qs(params))

export const getCoverage = (q: StatsQuery) => get<Coverage>('/stats/coverage', base(q))
export const getBreakdown = (q: StatsQuery, by: BreakdownBy) => get<Breakdown>('/stats/breakdown', { ...base(q), by })
export const getStructure = (q: StatsQuery) => get<Structure>('/stats/structure', base(q))
export const getSeries = (q: StatsQuery, quarters = 8) => get<Series>('/stats/series', { ...base(q), quarters })
export const getSummary = (q: StatsQuery) => get<Summary>('/stats/summary', base(q))

const filterKeys = ['kind', 'sub_kind', 'industry', 'above_scale', 'type', 'formation'] as const

function recordParams(q: RecordsQuery): Params {
  const p: Params = { figure: q.figure, ...base(q), from: q.from }
  for (const k of filterKeys) p[k] = q[k]
  return p
}

export const listRecords = <T = OrgRecord | PartyOrgRecord>(q: RecordsQuery) =>
  get<Records<T>>('/stats/records', { ...recordParams(q), page: q.page, size: q.size })

/** The figure's records as .xlsx (every row, the same query without paging). */
export const exportRecords = (q: RecordsQuery, fallbackName: string) =>
  download('/stats/records/export' + qs(recordParams(q)), fallbackName)

export interface ReportResult {
  /** "/api/v1/stats/report/{id}" */
  download: string
  [key: string]: unknown
}

/** Starts the report workbook: a background job (202). */
export const startReport = (q: { date: string; scope?: string }) =>
  request<{ job: Job<ReportResult> }>('/stats/report', { method: 'POST', body: q })

/** Fetches a finished report (the job's result.download, an /api/v1 path) and saves it. */
export function downloadReport(path: string, fallbackName: string) {
  return download(path.replace(/^\/api\/v1/, ''), fallbackName)
}

// ---- Members (src/modules/member/service_stats.cpp) and the recruitment pipeline (src/modules/recruit) ----

/** Member structure on a date: GET /stats/members. Every count is a figure of `figures` that /stats/member-records opens. */
export interface MemberStructure {
  date: string
  scope: StatsScope
  members: number
  status: { full: number; probationary: number }
  gender: { male: number; female: number }
  ethnicity: { han: number; minority: number; unknown: number; by_name: { name: string; count: number }[] }
  /** postgraduate, bachelor, college, secondary, junior, unknown */
  education: Record<string, number>
  /** le35, 36_45, 46_55, 56_60, 61_plus */
  age: Record<string, number>
  /** lt5, 5_10, 10_20, 20_30, 30_plus (years since admission) */
  membership_years: Record<string, number>
  /** age_le35, bachelor_or_above, college_or_above (and any other share the server adds) */
  shares: Record<string, Rate>
  /** every count above by its figure key (members, full, female, edu_bachelor, age_le35, tenure_lt5, …) */
  figures: Record<string, number>
}

/** Member flows in (from, to]: GET /stats/member-flows. */
export interface MemberFlows {
  from: string
  to: string
  scope: StatsScope
  transferred_in: number
  transferred_out: number
  admitted: number
  confirmed: number
  deceased: number
  left: number
}

/** A member behind a figure (the ID number only masked). */
export interface MemberRecord {
  /** the person's id: a row key, never shown */
  id: Id
  name: string
  gender: string
  birth_date: string
  id_number_mask: string
  ethnicity: string | null
  education: string | null
  party_org_id: Id
  party_org_name: string
  /** structure figures: the admission date; flows: the day of the move */
  date: string | null
  /** transfers: the party org or unit on the other side */
  other: string | null
  /** full / probationary, when the server gives it */
  status?: string
}

export interface MemberRecordsQuery extends StatsQuery {
  figure: string
  /** flow figures: the start of the period (exclusive); `date` is its end */
  from?: string
  page?: number
  size?: number
}

export interface MemberRecords {
  figure: string
  date: string
  from: string | null
  scope: StatsScope
  items: MemberRecord[]
  total: number
  page: number
  size: number
}

/** Recruitment pipeline on a date: GET /stats/recruitment. `overdue` is only given for today. */
export interface RecruitmentPipeline {
  date: string
  applicant: number
  activist: number
  candidate: number
  probationary: number
  total: number
  overdue: number | null
}

/** A record behind a pipeline stage (GET /stats/recruitment/records). */
export interface RecruitRecord {
  id: Id
  person_id: Id
  name: string
  gender: string
  birth_date: string
  id_number_mask: string
  party_org_id: Id
  party_org_name: string
  stage: string
  stage_name: string
  applied_on: string
  overdue: boolean
  due_on: string | null
  next_step: { code: string; name: string } | null
}

export interface RecruitRecords {
  stage: string
  date: string
  items: RecruitRecord[]
  total: number
  page: number
  size: number
}

/**
 * The dashboard's member figures are asked for quietly: a role or scope that
 * has none (a refusal) leaves the section empty instead of raising a message
 * on every load; the caller shows why.
 */
const quietGet = <T>(path: string, params: Params) => request<T>(path + qs(params), { quiet: true })

export const getMemberStructure = (q: StatsQuery) => quietGet<MemberStructure>('/stats/members', base(q))

/** Flows from the day after `from` up to `to` (the dashboard: the year up to its date). */
export const getMemberFlows = (q: { scope?: string; from?: string; to?: string }) =>
  quietGet<MemberFlows>('/stats/member-flows', { scope: q.scope, from: q.from, to: q.to })

export const listMemberRecords = (q: MemberRecordsQuery) =>
  get<MemberRecords>('/stats/member-records', {
    figure: q.figure,
    ...base(q),
    from: q.from,
    page: q.page,
    size: q.size,
  })

export const getRecruitment = (q: StatsQuery) => quietGet<RecruitmentPipeline>('/stats/recruitment', base(q))

export const listRecruitmentRecords = (q: StatsQuery & { stage: string; page?: number; size?: number }) =>
  get<RecruitRecords>('/stats/recruitment/records', { stage: q.stage, ...base(q), page: q.page, size: q.size })
