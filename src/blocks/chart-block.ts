/**
 * Slack's `data_visualization` block (Block Kit reference, data-visualization-block; changelog
 * 2026-06-16), typed narrowly: the bar chart this app sends. @slack/types 3.2 does not have the block.
 * Its limits are SLACK_LIMITS.chart*, checked by `checkMessage`.
 */
export interface DataVisualizationBlock {
  type: 'data_visualization';
  block_id?: string;
  /** Shown above the chart: at most 50 characters. */
  title: string;
  chart: BarChart;
}

/**
 * Bars per category, one per series. Slack has no stacked bars: "for multiple series, bars are
 * grouped by label".
 */
export interface BarChart {
  type: 'bar';
  /** 1 to 6 series, with distinct names. */
  series: ChartSeries[];
  axis_config: ChartAxis;
}

export interface ChartSeries {
  /** In the legend: at most 20 characters. */
  name: string;
  /** Exactly one point per category: Slack refuses a series that leaves one out. */
  data: ChartPoint[];
}

export interface ChartPoint {
  /** One of `axis_config.categories`. */
  label: string;
  /** A finite number. */
  value: number;
}

export interface ChartAxis {
  /** The x-axis labels, left to right: 1 to 20 of them, at most 20 characters each. */
  categories: string[];
  /** Under the x-axis: at most 50 characters. */
  x_label?: string;
  /** Beside the y-axis: at most 50 characters. */
  y_label?: string;
}
