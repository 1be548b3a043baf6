import type { SummaryRow } from '../backup/types.js';
import type { ChartSeries, DailyCounts } from '../chart/daily-chart.js';
import { isSuccessCategory } from '../domain/index.js';

function seriesOf(row: SummaryRow): ChartSeries {
  switch (row.state) {
    case 'COMPLETED':
      return isSuccessCategory(row.messageCategory) ||
        row.messageCategory === 'ANY' ||
        row.messageCategory === 'AGGREGATE_ALL'
        ? 'COMPLETED'
        : 'COMPLETED_WITH_ISSUES';
    case 'FAILED':
    case 'PARTIAL':
    case 'ABORTED':
    case 'EXPIRED':
      return row.state;
    case 'RUNNING':
    case 'PENDING':
    case 'CREATED':
    case 'ABORTING':
    case 'COMPLETING':
    case 'FAILING':
      return 'RUNNING';
    default:
      return 'OTHER';
  }
}

/** Daily counts per chart series from ONE_DAY summary rows of any number of regions, oldest day first. */
export function dailyCounts(rows: readonly SummaryRow[]): DailyCounts[] {
  const days = new Map<string, Partial<Record<ChartSeries, number>>>();
  for (const row of rows) {
    const day = row.startTime.slice(0, 10);
    const counts = days.get(day) ?? {};
    const series = seriesOf(row);
    counts[series] = (counts[series] ?? 0) + row.count;
    days.set(day, counts);
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, counts]) => ({ day, counts }));
}
