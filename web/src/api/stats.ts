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
