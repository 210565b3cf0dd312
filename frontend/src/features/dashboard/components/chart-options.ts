/**
 * ECharts options built from the shaped figures: plain data, so that what each chart shows (and
 * which series and item a click lands on) is tested without drawing it.
 */
import type { FunnelStage, StackedBars, Tier, TrendSeries } from './dashboard-data';

/** Each tier's colour, the same on every chart and card. */
export const TIER_COLORS: Record<Tier, string> = {
  little_giant: '#d4380d',
  specialized_sme: '#1677ff',
  innovative_sme: '#13a8a8',
};

export type Words = {
  tierName: (tier: Tier) => string;
  /** A count in the UI language's way (grouping). */
  number: (n: number) => string;
};

const FONT = { fontSize: 12 };
// A legend that fits the three tiers' full names on one line of a half-width chart.
const LEGEND = { top: 0, itemWidth: 12, itemHeight: 10, itemGap: 8, textStyle: { fontSize: 11 } };

/** barsHeight is the height a bar chart needs to show every category readably. */
export const barsHeight = (categories: number) => Math.max(220, 36 + categories * 34);

/**
 * stackedBarsOption draws one horizontal bar per category, stacked by tier, with the total at the
 * bar's end. The first `series.length` series are the tiers (a click's seriesIndex is the tier's
 * index in `bars.series`, its dataIndex the category's); the last one only carries the totals.
 */
export function stackedBarsOption(bars: StackedBars, categoryName: (c: StackedBars['categories'][number]) => string, words: Words) {
  return {
    animation: false,
    color: bars.series.map((s) => TIER_COLORS[s.tier]),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => words.number(Number(v)) },
    legend: { ...LEGEND, data: bars.series.map((s) => words.tierName(s.tier)) },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { ...FONT, formatter: (v: number) => words.number(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.categories.map(categoryName),
      axisLabel: { ...FONT, width: 140, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      ...bars.series.map((s) => ({
        name: words.tierName(s.tier),
        type: 'bar',
        stack: 'holders',
        barMaxWidth: 22,
        emphasis: { focus: 'series' },
        data: s.values,
      })),
      {
        name: 'total',
        type: 'bar',
        stack: 'holders',
        silent: true,
        tooltip: { show: false },
        itemStyle: { color: 'transparent' },
        label: { show: true, position: 'right', ...FONT, fontWeight: 'bold', formatter: (p: { dataIndex: number }) => words.number(bars.totals[p.dataIndex] ?? 0) },
        data: bars.totals.map(() => 0),
      },
    ],
  };
}

/** trendOption draws one line per tier over the years, each point but a zero labelled with its value (read on paper too). */
export function trendOption(years: number[], series: TrendSeries['holdersAtYearEnd'], words: Words) {
  return {
    animation: false,
    color: series.map((s) => TIER_COLORS[s.tier]),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => words.number(Number(v)) },
    legend: { ...LEGEND, data: series.map((s) => words.tierName(s.tier)) },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: years.map(String), axisLabel: FONT },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { ...FONT, formatter: (v: number) => words.number(v) } },
    series: series.map((s) => ({
      name: words.tierName(s.tier),
      type: 'line',
      symbolSize: 6,
      label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => (p.value ? words.number(p.value) : '') },
      labelLayout: { hideOverlap: true },
      data: s.values,
    })),
  };
}

/** funnelOption draws the stages of the applications in order, widest first, each with its count. */
export function funnelOption(stages: { stage: FunnelStage; value: number }[], stageName: (s: FunnelStage) => string, words: Words) {
  const max = Math.max(1, ...stages.map((s) => s.value));
  return {
    animation: false,
    color: ['#1677ff', '#4096ff', '#69b1ff', '#91caff', '#52c41a'],
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: ${words.number(p.value)}` },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        right: '10%',
        top: 8,
        bottom: 8,
        min: 0,
        max,
        minSize: '12%',
        gap: 2,
        label: { show: true, position: 'inside', color: '#fff', fontSize: 12, formatter: (p: { name: string; value: number }) => `${p.name}  ${words.number(p.value)}` },
        data: stages.map((s) => ({ name: stageName(s.stage), value: s.value })),
      },
    ],
  };
}
