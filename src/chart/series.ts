/** The series a daily chart stacks, bottom to top. OTHER covers CREATED, PENDING and ABORTING. */
export const CHART_SERIES = [
  'COMPLETED',
  'COMPLETED_WITH_ISSUES',
  'PARTIAL',
  'FAILED',
  'ABORTED',
  'EXPIRED',
  'RUNNING',
  'OTHER',
] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

/** One day's job counts per series; series left out count as zero. */
export interface DailyCounts {
  /** The day as YYYY-MM-DD, in whatever zone the caller counted in. */
  day: string;
  counts: Partial<Record<ChartSeries, number>>;
}

export interface DailyChartInput {
  title: string;
  subtitle?: string;
  /** Oldest first; one bar per entry, drawn in this order. */
  days: DailyCounts[];
  /** Pixels, 320..4096. @defaultValue 1000 */
  width?: number;
  /** Pixels, 200..4096. @defaultValue 500 */
  height?: number;
}

interface SeriesStyle {
  label: string;
  color: number;
}

/** Legend label and bar colour of each series. */
export const SERIES_STYLE: Record<ChartSeries, SeriesStyle> = {
  COMPLETED: { label: 'Completed', color: 0x2da44e },
  COMPLETED_WITH_ISSUES: { label: 'Completed with issues', color: 0xf0b400 },
  PARTIAL: { label: 'Partial', color: 0xf4761d },
  FAILED: { label: 'Failed', color: 0xd1242f },
  ABORTED: { label: 'Aborted', color: 0x6e7781 },
  EXPIRED: { label: 'Expired', color: 0xafb8c1 },
  RUNNING: { label: 'Running', color: 0x2f81f7 },
  OTHER: { label: 'Other', color: 0x8250df },
};

/** Colours of everything that is not a series. */
export const THEME = {
  background: 0xffffff,
  title: 0x1f2328,
  text: 0x57606a,
  axis: 0x8c959f,
  grid: 0xe4e8ec,
} as const;

/** A count as drawn: finite and not negative, anything else is zero. */
export function countOf(day: DailyCounts, series: ChartSeries): number {
  const value = day.counts[series];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** The sum of every series for one day. */
export function dayTotal(day: DailyCounts): number {
  let total = 0;
  for (const series of CHART_SERIES) total += countOf(day, series);
  return total;
}
