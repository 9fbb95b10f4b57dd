// The dashboard's charts: ECharts options from the API's answers, and what a
// click on each bar, point or slice opens. Rates are drawn at the height of
// the server's percent string and labelled with it; nothing is recomputed.
import type { ChartClick, ChartOption } from '@/components/echarts'
import type { BreakdownRow, Coverage, SeriesPoint, Structure } from '@/api/stats'
import { colourOptions } from '@/utils/dict'
import { formatNumber } from '@/utils/format'
import { figureOf, formationLabel, percentText, type Drill } from './figures'

const palette = ['#5470c6', '#c0392b', '#67c23a', '#e6a23c', '#73c0de', '#9a60b4', '#fc8452', '#3ba272', '#ea7ccc']

/**
 * ECharts puts its tooltip at z-index 9999999, over the records drawer a click
 * opens (the pointer is still on the bar); under Element Plus' overlays (2000+) it stays behind it.
 */
export const tooltipCss = 'z-index: 100;'

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** The three counts a breakdown bar chart shows, in series order. */
const breakdownSeries = [
  { figure: 'orgs', name: '两新组织' },
  { figure: 'covered', name: '党组织覆盖' },
  { figure: 'work_reached', name: '工作覆盖' },
] as const

function breakdownTooltip(rows: BreakdownRow[]) {
  return (params: unknown) => {
    const list = params as { dataIndex: number }[]
    const row = rows[list[0]?.dataIndex ?? -1]
    if (!row) return ''
    return [
      `<b>${esc(row.name)}</b>`,
      `两新组织：${formatNumber(row.orgs)} 家`,
      `党组织覆盖：${formatNumber(row.covered)} 家（组建率 ${percentText(row.organisation_coverage_rate.percent)}）`,
      `工作覆盖：${formatNumber(row.work_reached)} 家（工作覆盖率 ${percentText(row.work_coverage_rate.percent)}）`,
      `应建未建：${formatNumber(row.should_build)} 家`,
    ].join('<br/>')
  }
}

/** Orgs, covered and work-reached per row (street or industry), bars side by side. */
export function breakdownOption(rows: BreakdownRow[], label: (r: BreakdownRow) => string): ChartOption {
  return {
    color: ['#5470c6', '#c0392b', '#67c23a'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: breakdownTooltip(rows), extraCssText: tooltipCss },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map(label),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1, name: '家' },
    series: breakdownSeries.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      barMaxWidth: 24,
      data: rows.map((r) => r[s.figure]),
    })),
  }
}

/** A bar of a street: that street's records of the bar's figure. */
export function areaDrill(rows: BreakdownRow[], p: ChartClick): Drill | null {
  const row = rows[p.dataIndex]
  const s = breakdownSeries[p.seriesIndex ?? 0]
  if (!row || !s) return null
  return { figure: s.figure, scope: row.key, title: `${row.name} · ${figureOf(s.figure).label}` }
}

/** A bar of an industry: the figure's records of that industry (key "" = 未填写, asked for as "none"). */
export function industryDrill(rows: BreakdownRow[], p: ChartClick): Drill | null {
  const row = rows[p.dataIndex]
  const s = breakdownSeries[p.seriesIndex ?? 0]
  if (!row || !s) return null
  return { figure: s.figure, filters: { industry: row.key || 'none' }, title: `${row.name} · ${figureOf(s.figure).label}` }
}

/** R-CEN-4 三色: red, yellow, blue slices in their own colours. */
export function coloursOption(c: Coverage): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 家（{d}%）', extraCssText: tooltipCss },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        name: '三色管理',
        radius: ['34%', '58%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 家', overflow: 'none' },
        labelLine: { length: 8, length2: 8 },
        data: colourOptions.map((o) => ({
          name: o.label,
          value: c.colours[o.value],
          itemStyle: { color: o.color },
        })),
      },
    ],
  }
}

export function colourDrill(p: ChartClick): Drill | null {
  const o = colourOptions[p.dataIndex]
  return o ? { figure: o.value, title: `${o.label} · ${o.hint}` } : null
}

/** Party orgs by formation on the date. */
export function formationOption(s: Structure): ChartOption {
  const entries = Object.entries(s.by_formation).filter(([, n]) => n > 0)
  return {
    color: palette,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）', extraCssText: tooltipCss },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name: '组建方式',
        radius: '50%',
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 个', overflow: 'none' },
        labelLine: { length: 8, length2: 8 },
        data: entries.map(([k, n]) => ({ name: formationLabel(k), value: n, key: k })),
      },
    ],
  }
}

export function formationDrill(s: Structure, p: ChartClick): Drill | null {
  const key = (p.data as { key?: string } | undefined)?.key
  if (key === undefined) return null
  return { figure: 'party_orgs', filters: { formation: key }, title: `${formationLabel(key)}党组织` }
}

/** Party orgs (left axis) and the two coverage rates (right axis) at the quarter-ends, as lines. */
export function seriesOption(points: SeriesPoint[]): ChartOption {
  const rate = (p: string | null) => (p === null ? null : Number(p))
  return {
    color: ['#c0392b', '#5470c6', '#67c23a'],
    tooltip: {
      trigger: 'axis',
      extraCssText: tooltipCss,
      formatter: (params: unknown) => {
        const pt = points[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1]
        if (!pt) return ''
        return [
          `<b>${pt.date}</b>`,
          `党组织数：${formatNumber(pt.party_orgs)} 个`,
          `组建率：${percentText(pt.organisation_coverage_rate.percent)}（${pt.covered}/${pt.orgs}）`,
          `工作覆盖率：${percentText(pt.work_coverage_rate.percent)}`,
        ].join('<br/>')
      },
    },
    legend: { top: 0 },
    grid: { left: 40, right: 40, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.date) },
    yAxis: [
      { type: 'value', name: '党组织（个）', minInterval: 1 },
      { type: 'value', name: '覆盖率（%）', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'line',
        name: '党组织数',
        data: points.map((p) => p.party_orgs),
        symbolSize: 8,
        label: { show: true, position: 'top' },
      },
      {
        type: 'line',
        name: '组建率',
        yAxisIndex: 1,
        symbolSize: 8,
        data: points.map((p) => rate(p.organisation_coverage_rate.percent)),
        label: {
          show: true,
          position: 'top',
          formatter: (x: { dataIndex: number }) => percentText(points[x.dataIndex]?.organisation_coverage_rate.percent),
        },
      },
      {
        type: 'line',
        name: '工作覆盖率',
        yAxisIndex: 1,
        symbolSize: 8,
        lineStyle: { type: 'dashed' },
        data: points.map((p) => rate(p.work_coverage_rate.percent)),
      },
    ],
  }
}

/** A point: the records of its figure on that quarter-end. */
export function seriesDrill(points: SeriesPoint[], p: ChartClick): Drill | null {
  const pt = points[p.dataIndex]
  if (!pt) return null
  const figure = ['party_orgs', 'covered', 'work_reached'][p.seriesIndex ?? 0] ?? 'party_orgs'
  return { figure, date: pt.date, title: `${pt.date} · ${figureOf(figure).label}` }
}
