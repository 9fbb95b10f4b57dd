// The dashboard's member figures (STATS.md "Members"): the names of the
// server's figure keys (src/modules/member/service_stats.cpp, the recruitment
// stages of src/modules/recruit), the charts of the age, education and
// membership-year bands, and what a click on each opens. Every drill names a
// figure whose records the server lists with exactly the figure's count.
import type { ChartClick, ChartOption } from '@/components/echarts'
import type { MemberStructure, Rate } from '@/api/stats'
import { formatNumber } from '@/utils/format'
import { tooltipCss } from './charts'
import { countText, percentText, type Drill, type KpiCard } from './figures'

export interface Band {
  /** the key in the structure's group (age.le35) */
  key: string
  /** the figure /stats/member-records takes (age_le35) */
  figure: string
  label: string
  /** the label under the bar, when the full one is too wide for it */
  axis?: string
}

export const ageBands: Band[] = [
  { key: 'le35', figure: 'age_le35', label: '35岁及以下', axis: '≤35岁' },
  { key: '36_45', figure: 'age_36_45', label: '36至45岁', axis: '36-45岁' },
  { key: '46_55', figure: 'age_46_55', label: '46至55岁', axis: '46-55岁' },
  { key: '56_60', figure: 'age_56_60', label: '56至60岁', axis: '56-60岁' },
  { key: '61_plus', figure: 'age_61_plus', label: '61岁及以上', axis: '≥61岁' },
]

export const educationBands: Band[] = [
  { key: 'postgraduate', figure: 'edu_postgraduate', label: '研究生' },
  { key: 'bachelor', figure: 'edu_bachelor', label: '大学本科' },
  { key: 'college', figure: 'edu_college', label: '大专' },
  { key: 'secondary', figure: 'edu_secondary', label: '中专/高中', axis: '中专\n高中' },
  { key: 'junior', figure: 'edu_junior', label: '初中及以下', axis: '初中\n及以下' },
  { key: 'unknown', figure: 'edu_unknown', label: '未填写' },
]

export const tenureBands: Band[] = [
  { key: 'lt5', figure: 'tenure_lt5', label: '不满5年' },
  { key: '5_10', figure: 'tenure_5_10', label: '5至10年', axis: '5-10年' },
  { key: '10_20', figure: 'tenure_10_20', label: '10至20年', axis: '10-20年' },
  { key: '20_30', figure: 'tenure_20_30', label: '20至30年', axis: '20-30年' },
  { key: '30_plus', figure: 'tenure_30_plus', label: '30年及以上', axis: '≥30年' },
]

/** The flows of a period, in the order offices report them. */
export const flowFigures = [
  { figure: 'transferred_in', label: '转入', hint: '从系统外或范围外党组织转入', dateLabel: '转入日期', otherLabel: '转出单位' },
  { figure: 'transferred_out', label: '转出', hint: '转往系统外或范围外党组织', dateLabel: '转出日期', otherLabel: '转入单位' },
  { figure: 'admitted', label: '新发展', hint: '接收为预备党员', dateLabel: '入党日期' },
  { figure: 'confirmed', label: '转正', hint: '预备党员转为正式党员', dateLabel: '转正日期' },
  { figure: 'deceased', label: '死亡', hint: '因去世减少', dateLabel: '减少日期' },
  { figure: 'left', label: '出党', hint: '退党、开除党籍、取消预备党员资格', dateLabel: '减少日期' },
] as const

export type FlowFigure = (typeof flowFigures)[number]['figure']

/** The recruitment pipeline's stages on a date (R-REC), and the overdue next steps (today only). */
export const pipelineStages: readonly { stage: 'applicant' | 'activist' | 'candidate' | 'probationary'; label: string; short?: string }[] = [
  { stage: 'applicant', label: '入党申请人' },
  { stage: 'activist', label: '入党积极分子', short: '积极分子' },
  { stage: 'candidate', label: '发展对象' },
  { stage: 'probationary', label: '预备党员' },
]

const structureLabels: Record<string, string> = {
  members: '党员',
  full: '正式党员',
  probationary: '预备党员',
  male: '男性党员',
  female: '女性党员',
  han: '汉族党员',
  minority: '少数民族党员',
  ethnicity_unknown: '民族未填写的党员',
  bachelor_or_above: '大学本科及以上学历党员',
  college_or_above: '大专及以上学历党员',
}

/** A member figure's name for the drawer and the records' summary line. */
export function memberFigureLabel(figure: string): string {
  if (structureLabels[figure]) return structureLabels[figure]
  const flow = flowFigures.find((f) => f.figure === figure)
  if (flow) return `${flow.label}党员`
  for (const [bands, suffix] of [
    [ageBands, '党员'],
    [educationBands, '学历党员'],
    [tenureBands, '党龄党员'],
  ] as const) {
    const b = bands.find((x) => x.figure === figure)
    if (b) return b.key === 'unknown' ? '学历未填写的党员' : `${b.label}${suffix}`
  }
  return figure
}

export function stageLabel(stage: string): string {
  if (stage === 'overdue') return '下一步逾期'
  return pipelineStages.find((s) => s.stage === stage)?.label ?? stage
}

export const genderLabel = (g: string | null | undefined) => (g === 'male' ? '男' : g === 'female' ? '女' : '—')

export function educationLabel(code: string | null | undefined): string {
  if (!code) return '未填写'
  return educationBands.find((b) => b.key === code)?.label ?? code
}

export const statusLabel = (s: string | null | undefined) =>
  s === 'full' ? '正式党员' : s === 'probationary' ? '预备党员' : '—'

/** Whole years of age on `on` (both YYYY-MM-DD), as the age bands count it; null when unknown. */
export function ageOn(birth: string | null | undefined, on: string): number | null {
  if (!birth || !/^\d{4}-\d{2}-\d{2}$/.test(birth)) return null
  const [by, bm, bd] = birth.split('-').map(Number)
  const [y, m, d] = on.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/**
 * numerator / denominator as a percent string with two decimals, rounded half
 * up, exactly as the server's rates (src/core/rate.cpp; STATS.md
 * "Presentation"); null when the denominator is 0. Used only for the shares
 * the server does not give yet (women, minorities) — a share it gives is shown as given.
 */
export function rateOf(numerator: number, denominator: number): Rate {
  if (denominator === 0) return { numerator, denominator, percent: null }
  const n = BigInt(numerator)
  const d = BigInt(denominator)
  const hundredths = (n * 20000n + d) / (d * 2n)
  const frac = String(hundredths % 100n).padStart(2, '0')
  return { numerator, denominator, percent: `${hundredths / 100n}.${frac}` }
}

/** The structure's share by name, or one made from its counts (female, minority). */
export function shareOf(s: MemberStructure, name: 'age_le35' | 'bachelor_or_above' | 'college_or_above' | 'female' | 'minority'): Rate {
  const given = s.shares[name]
  if (given) return given
  return rateOf(s.figures[name] ?? 0, s.members)
}

/** The start of the year's flows up to `date`: the last day of the year before (the period is (from, date]). */
export function yearStart(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}-12-31`
}

// ---- charts ----

/**
 * The band charts' grid, fixed in pixels (not containLabel), so a bar's place
 * is known from the chart's box: category k's centre is at
 * left + (width − left − right) × (k + ½) / n. The browser test clicks bars by it.
 */
export const bandGrid = { left: 44, right: 16, top: 28, bottom: 40 }

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** A bar per band with its count on top; the tooltip adds the band's share of all members. */
export function bandOption(bands: Band[], counts: Record<string, number>, total: number, color: string): ChartOption {
  const values = bands.map((b) => counts[b.key] ?? 0)
  return {
    color: [color],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      extraCssText: tooltipCss,
      formatter: (params: unknown) => {
        const k = (params as { dataIndex: number }[])[0]?.dataIndex ?? -1
        const b = bands[k]
        if (!b) return ''
        const r = rateOf(values[k], total)
        return `<b>${esc(b.label)}</b><br/>${formatNumber(values[k])} 名（占 ${r.percent === null ? '—' : r.percent + '%'}）<br/>点击查看名单`
      },
    },
    grid: { ...bandGrid, containLabel: false },
    xAxis: { type: 'category', data: bands.map((b) => b.axis ?? b.label), axisLabel: { interval: 0, fontSize: 11, lineHeight: 13 } },
    yAxis: { type: 'value', minInterval: 1, name: '名', nameGap: 8 },
    series: [
      {
        type: 'bar',
        name: '党员',
        barMaxWidth: 36,
        data: values,
        label: { show: true, position: 'top' },
      },
    ],
  }
}

/** A band's bar: its members on the dashboard's date. */
export function bandDrill(bands: Band[], p: ChartClick, group: string): Drill | null {
  const b = bands[p.dataIndex]
  if (!b) return null
  return { source: 'members', figure: b.figure, title: `${group} · ${b.label}` }
}

/**
 * The 党员队伍 cards from GET /stats/members, each opening the members it
 * counted (a share opens its numerator's members). Shares show the percent
 * string and the counts it was made from.
 */
export function memberCards(s: MemberStructure): KpiCard[] {
  const n = countText
  const card = (key: string, title: string, value: string, sub: string, drillTitle: string, tone: KpiCard['tone']): KpiCard => ({
    key,
    title,
    value,
    sub,
    hint: `查看${drillTitle}名单`,
    drill: { source: 'members', figure: key, title: drillTitle },
    tone,
  })
  const share = (key: Parameters<typeof shareOf>[1], title: string, drillTitle: string, tone: KpiCard['tone']): KpiCard => {
    const r = shareOf(s, key)
    return card(key, title, percentText(r.percent), `${formatNumber(r.numerator)}/${formatNumber(r.denominator)}`, drillTitle, tone)
  }
  return [
    card('members', '党员总数', n(s.members), `正式 ${formatNumber(s.status.full)} · 预备 ${formatNumber(s.status.probationary)}`, '党员', 'danger'),
    card('full', '正式党员', n(s.status.full), '已转正', '正式党员', 'danger'),
    card('probationary', '预备党员', n(s.status.probationary), '预备期内', '预备党员', 'warning'),
    share('age_le35', '35岁及以下占比', '35岁及以下党员', 'success'),
    share('bachelor_or_above', '本科及以上占比', '大学本科及以上学历党员', 'primary'),
    share('college_or_above', '大专及以上占比', '大专及以上学历党员', 'primary'),
    share('female', '女性占比', '女性党员', 'info'),
    share('minority', '少数民族占比', '少数民族党员', 'info'),
  ]
}
