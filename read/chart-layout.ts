import type { InjectionKey } from 'vue'

/**
 * How a `BarChart` lays out its bars: `rows` (a label beside each bar) fits a slide; `stacked`
 * (each label above its bar) fits a phone's width at a readable size. The reading view provides
 * `stacked` for every chart on its page; the deck leaves the default, `rows`.
 */
export const barChartLayout: InjectionKey<'rows' | 'stacked'> = Symbol('bar-chart-layout')
