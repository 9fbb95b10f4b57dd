// The figures a drill-down opens, by the names the server uses
// (src/modules/stats/repo.cpp figure_condition, service.cpp records), and
// what a records view needs to know about each. Member figures are named in
// MemberFigures.ts.
import type { Coverage, Rate } from '@/api/stats'
import { formationOptions } from '@/utils/dict'
import { formatNumber } from '@/utils/format'

export type FigureKind = 'org' | 'party_org'

export interface Figure {
  value: string
  label: string
  kind: FigureKind
  /** founded / dissolved count a period: they need a start date */
  needsFrom?: boolean
}

export const figureOptions: Figure[] = [
  { value: 'orgs', label: '两新组织', kind: 'org' },
  { value: 'covered', label: '已建党组织覆盖（组建）', kind: 'org' },
  { value: 'covered_single', label: '单独组建覆盖', kind: 'org' },
  { value: 'covered_joint', label: '联合组建覆盖', kind: 'org' },
  { value: 'covered_attached', label: '挂靠组建覆盖', kind: 'org' },
  { value: 'covered_other', label: '其他方式覆盖', kind: 'org' },
  { value: 'not_covered', label: '未建党组织覆盖', kind: 'org' },
  { value: 'work_reached', label: '工作覆盖', kind: 'org' },
  { value: 'should_build', label: '应建未建', kind: 'org' },
  { value: 'red', label: '红色（党组织覆盖）', kind: 'org' },
  { value: 'yellow', label: '黄色（仅工作覆盖）', kind: 'org' },
  { value: 'blue', label: '蓝色（未覆盖）', kind: 'org' },
  { value: 'stale', label: '底数待核实', kind: 'org' },
  { value: 'party_orgs', label: '党组织', kind: 'party_org' },
  { value: 'founded', label: '期间新建党组织', kind: 'party_org', needsFrom: true },
  { value: 'dissolved', label: '期间撤销党组织', kind: 'party_org', needsFrom: true },
  { value: 'overdue_reelections', label: '换届逾期', kind: 'party_org' },
]

/** The figure by its server name (an unknown one is treated as an org figure). */
export function figureOf(value: string): Figure {
  return figureOptions.find((f) => f.value === value) ?? { value, label: value, kind: 'org' }
}

/** The filters a records view offers and a chart may set. */
export interface RecordFilters {
  kind?: string
  sub_kind?: string
  industry?: string
  above_scale?: string
  type?: string
  formation?: string
}

/**
 * Whose records a drill opens: org and party org figures (/stats/records, the
 * default), member figures (/stats/member-records), or a recruitment pipeline
 * stage (/stats/recruitment/records, `figure` is the stage), organisational
 * life figures (/stats/life/records, LifeFigures.ts) or the meetings of a
 * life period (/meetings, `figure` is 'meetings').
 */
export type DrillSource = 'census' | 'members' | 'recruitment' | 'life' | 'meetings'

/** A life drill's period: the cycle asked for and its days as the server gave them. */
export interface LifePeriod {
  cycle: 'month' | 'quarter' | 'year'
  from: string
  to: string
}

/** What a click on a figure asks to open. */
export interface Drill {
  figure: string
  /** absent = 'census' */
  source?: DrillSource
  /** member flows: the start of the period (exclusive); the date is its end */
  from?: string
  /** a title for the drawer, e.g. "东湖街道 · 已建党组织覆盖" */
  title?: string
  /** overrides the page's date (a point of the quarter series) */
  date?: string
  /** overrides the page's scope (a street's bar) */
  scope?: string
  filters?: RecordFilters
  /** life and meetings: the period of the figure (`date` is the day it was asked for) */
  period?: LifePeriod
}

/** Formation labels, with the server's "" for a party org without one. */
export function formationLabel(key: string): string {
  if (!key) return '未填写'
  return formationOptions.find((f) => f.value === key)?.label ?? key
}

/** "69.17%" from the server's percent string; "—" when there is none. */
export function percentText(p: string | null | undefined): string {
  return p === null || p === undefined ? '—' : `${p}%`
}

/** One KPI card (KpiGrid): its figure's value, the counts under it and what a click opens. */
export interface KpiCard {
  /** data-test suffix and the figure's JSON name */
  key: string
  title: string
  value: string
  sub: string
  /** the tooltip */
  hint: string
  /** null: the card opens nothing */
  drill: Drill | null
  tone: 'primary' | 'danger' | 'warning' | 'success' | 'info'
}

/** A count as the cards show it; "—" before the figures arrive. */
export const countText = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v))

/**
 * The 两新组织 cards from GET /stats/coverage ("—" while `c` is null), each
 * opening the records it counted. Rates show the server's percent string and
 * the counts it was made from ("69.17%", "83/120").
 */
export function coverageCards(c: Coverage | null): KpiCard[] {
  const n = countText
  const card = (key: string, title: string, value: string, sub: string, figure: string, drillTitle: string, tone: KpiCard['tone']): KpiCard => ({
    key,
    title,
    value,
    sub,
    hint: `查看${drillTitle}明细`,
    drill: { figure, title: drillTitle },
    tone,
  })
  const rate = (r: Rate | undefined) => (r ? percentText(r.percent) : '—')
  const rateSub = (r: Rate | undefined) => (r ? `${r.numerator}/${r.denominator}` : '')
  return [
    card(
      'orgs',
      '两新组织数',
      n(c?.orgs),
      c ? `红 ${formatNumber(c.colours.red)} · 黄 ${formatNumber(c.colours.yellow)} · 蓝 ${formatNumber(c.colours.blue)}` : '',
      'orgs',
      '两新组织',
      'primary',
    ),
    card('organisation_coverage_rate', '组建率', rate(c?.organisation_coverage_rate), rateSub(c?.organisation_coverage_rate), 'covered', '已建党组织覆盖的两新组织', 'danger'),
    card('work_coverage_rate', '工作覆盖率', rate(c?.work_coverage_rate), rateSub(c?.work_coverage_rate), 'work_reached', '党的工作覆盖的两新组织', 'success'),
    card('party_orgs', '党组织数', n(c?.party_orgs), c ? `覆盖两新组织 ${formatNumber(c.covered)} 家` : '', 'party_orgs', '党组织', 'danger'),
    card('should_build', '应建未建', n(c?.should_build), '党员3名以上未单独建', 'should_build', '应建未建', 'warning'),
    card('stale', '底数待核实', n(c?.stale), '超期未核实', 'stale', '底数待核实', 'info'),
    card('overdue_reelections', '换届逾期', n(c?.overdue_reelections), '任期已届满', 'overdue_reelections', '换届逾期', 'warning'),
  ]
}
