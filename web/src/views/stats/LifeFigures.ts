// The dashboard's organisational-life figures (STATS.md "Organisational
// life"; GET /api/v1/stats/life, src/modules/life): the period switch, the
// names of the figures /stats/life/records takes, the rates as percent
// strings made from the integer counts, and the chart of duties by kind with
// what a click on each bar opens. Every drill names a figure whose records
// the server lists with exactly the figure's count.
import type { ChartClick, ChartOption } from '@/components/echarts'
import type { Rate } from '@/api/stats'
import type { Cycle, Duty, LifeFigures } from '@/api/life'
import { formatNumber } from '@/utils/format'
import { tooltipCss } from './charts'
import type { Drill } from './figures'
import { rateOf } from './MemberFigures'

/** 月/季/年: the periods the figures are asked for (the quarter by default). */
export const lifePeriods: { value: Cycle; label: string }[] = [
  { value: 'month', label: '月' },
  { value: 'quarter', label: '季' },
  { value: 'year', label: '年' },
]

const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度']

/** "2026年第四季度", "2026年12月", "2026年" for the server's period. */
export function periodName(p: { cycle: Cycle; from: string }): string {
  const y = p.from.slice(0, 4)
  const m = Number(p.from.slice(5, 7))
  if (p.cycle === 'month') return `${y}年${m}月`
  if (p.cycle === 'quarter') return `${y}年${quarterNames[Math.floor((m - 1) / 3)]}`
  return `${y}年`
}

/** "2026年第四季度（2026-10-01 至 2026-12-31）" */
export function periodText(p: { cycle: Cycle; from: string; to: string }): string {
  return `${periodName(p)}（${p.from} 至 ${p.to}）`
}

/** complying / assessed as STATS.md words it (two decimals, half up, from the counts). */
export const complianceRate = (f: LifeFigures): Rate => rateOf(f.complying, f.assessed)
/** present / expected attendances of the period's meetings. */
export const attendanceRate = (f: LifeFigures): Rate => rateOf(f.attendance.present, f.attendance.expected)

export const rateText = (r: Rate) => (r.percent === null ? '—' : `${r.percent}%`)

/** The party orgs a figure of /stats/life/records names, for the drawer's title and summary. */
export function lifeFigureLabel(figure: string, kindName?: string): string {
  if (figure === 'assessed') return '参加考核的党组织'
  if (figure === 'complying') return '组织生活全部落实的党组织'
  if (figure === 'noncompliant') return '组织生活未全部落实的党组织'
  if (figure === 'meetings') return '期间召开的会议'
  const [what, kind] = figure.split(':')
  const name = kindName ?? kind ?? ''
  if (what === 'owed') return `应落实${name}的党组织`
  if (what === 'met') return `已落实${name}的党组织`
  if (what === 'unmet') return `未落实${name}的党组织`
  return figure
}

/** The kind of a per-kind figure (unmet:theme_day → theme_day), or null. */
export function figureKind(figure: string): string | null {
  const [what, kind] = figure.split(':')
  return kind && (what === 'owed' || what === 'met' || what === 'unmet') ? kind : null
}

/** A duty's cycle as "2026-10-01 至 2026-10-31". */
export const dutyCycle = (d: Duty) => `${d.from} 至 ${d.to}`

/** A duty's count as offices read it: "召开次数 0/1". */
export const dutyCount = (d: Duty) => `${d.measure_name} ${formatNumber(d.held)}/${formatNumber(d.required)}`

/** The period's days up to today: the meetings the attendance figure counts (the server counts none after today). */
export function heldRange(p: { from: string; to: string }, today: string): { from: string; to: string } {
  return { from: p.from, to: p.to < today ? p.to : today }
}

// ---- the chart of duties by kind ----

/**
 * The kind chart's grid, fixed in pixels (not containLabel), and the value
 * axis from 0 to the largest 应落实: bar k's centre is at
 * left + (width − left − right) × (k + ½) / n, value v at
 * top + (height − top − bottom) × (1 − v / max). The browser test clicks bars by it.
 */
export const kindGrid = { left: 44, right: 16, top: 36, bottom: 32 }

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

type KindRow = LifeFigures['by_kind'][number]

/** The kinds owed by some party org in the period, in the rules' order (the chart's categories). */
export const owedKinds = (f: LifeFigures): KindRow[] => f.by_kind.filter((k) => k.owed > 0)

/** The axis maximum: the largest 应落实 (at least 1). */
export const kindAxisMax = (rows: KindRow[]) => Math.max(1, ...rows.map((k) => k.owed))

/**
 * Per kind a stacked bar as tall as its 应落实 (party orgs that owed it):
 * 已落实 at the bottom, 未落实 on top, "已落实/应落实" above; the tooltip
 * names the rule and the rate.
 */
export function kindOption(rows: KindRow[]): ChartOption {
  return {
    color: ['#67c23a', '#f56c6c'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      extraCssText: tooltipCss,
      formatter: (params: unknown) => {
        const k = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1]
        if (!k) return ''
        const r = rateOf(k.met, k.owed)
        return [
          `<b>${esc(k.kind_name)}</b>（${esc(k.rule)}）`,
          `应落实：${formatNumber(k.owed)} 个党组织`,
          `已落实：${formatNumber(k.met)} 个（${rateText(r)}）`,
          `未落实：${formatNumber(k.owed - k.met)} 个`,
          '点击绿色或红色部分查看党组织',
        ].join('<br/>')
      },
    },
    legend: { top: 0, data: ['已落实', '未落实'] },
    grid: { ...kindGrid, containLabel: false },
    xAxis: { type: 'category', data: rows.map((k) => k.kind_name), axisLabel: { interval: 0, fontSize: 12 } },
    yAxis: { type: 'value', min: 0, max: kindAxisMax(rows), minInterval: 1, name: '个', nameGap: 8 },
    series: [
      { type: 'bar', name: '已落实', stack: 'kind', barMaxWidth: 40, data: rows.map((k) => k.met) },
      {
        type: 'bar',
        name: '未落实',
        stack: 'kind',
        barMaxWidth: 40,
        data: rows.map((k) => k.owed - k.met),
        label: {
          show: true,
          position: 'top',
          color: '#606266',
          formatter: (p: unknown) => {
            const k = rows[(p as { dataIndex: number }).dataIndex]
            return k ? `${k.met}/${k.owed}` : ''
          },
        },
      },
    ],
  }
}

/** A bar's part: the party orgs that met (green) or did not meet (red) the kind in the period. */
export function kindDrill(rows: KindRow[], p: ChartClick, base: Omit<Drill, 'figure'>): Drill | null {
  const k = rows[p.dataIndex]
  if (!k) return null
  const met = (p.seriesIndex ?? 0) === 0
  const figure = `${met ? 'met' : 'unmet'}:${k.kind}`
  return { ...base, figure, title: `${lifeFigureLabel(figure, k.kind_name)}（${k.rule}）` }
}
