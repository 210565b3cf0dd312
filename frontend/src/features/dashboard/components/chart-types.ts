/** A click on a chart's bar, point or slice: which series and which item of its data. */
export type ChartClick = { seriesIndex: number; dataIndex: number };

export type ChartProps = {
  /** An ECharts option (plain data, so that it can be built and tested without ECharts). */
  option: Record<string, unknown>;
  height: number;
  onClick?: (click: ChartClick) => void;
  /** What the chart shows, for a screen reader. */
  ariaLabel: string;
  testId?: string;
};
