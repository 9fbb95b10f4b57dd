// ECharts with only the parts the app draws (bar, line, pie on canvas, with
// grid, tooltip and legend), so the bundle carries no more of it than that.
import { use } from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init } from 'echarts/core'
export type { ECharts } from 'echarts/core'

/** The options the app's charts may use. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

/** What a click on a bar, point or slice says. */
export interface ChartClick {
  seriesIndex?: number
  seriesName?: string
  dataIndex: number
  name: string
  value: unknown
  data: unknown
}

/**
 * Charts draw without animation under an automated browser
 * (navigator.webdriver) or when localStorage "lx.chart-animation" is "off",
 * so screenshots show the finished chart.
 */
export function animationsOff(): boolean {
  try {
    if (typeof navigator !== 'undefined' && navigator.webdriver) return true
    return typeof localStorage !== 'undefined' && localStorage.getItem('lx.chart-animation') === 'off'
  } catch {
    return false
  }
}
