import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../src/backup/types.js';
import type { DataVisualizationBlock } from '../../src/blocks/chart-block.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { chartWords, dailyChart } from '../../src/blocks/summary-chart.js';
import { dayCounts, everyDay, tally } from '../../src/blocks/summary-data.js';
import { dailyRows } from './fixtures.js';

function row(day: string, state: string, count: number, messageCategory = 'ANY'): SummaryRow {
  const start = `2026-11-${day}T00:00:00.000Z`;
  const end = new Date(Date.parse(start) + 86_400_000).toISOString();
  return {
    region: 'us-east-1',
    accountId: 'A',
    state,
    resourceType: 'EBS',
    messageCategory,
    count,
    startTime: start,
    endTime: end,
  };
}

/** Each series' values, by name. */
function values(chart: DataVisualizationBlock | undefined): Record<string, number[]> {
  return Object.fromEntries((chart?.chart.series ?? []).map((s) => [s.name, s.data.map((p) => p.value)]));
}

/** What each day's bars add up to. */
function sums(chart: DataVisualizationBlock): number[] {
  return chart.chart.axis_config.categories.map((_, i) =>
    chart.chart.series.reduce((n, s) => n + (s.data[i]?.value ?? 0), 0),
  );
}

describe('dailyChart', () => {
  const rows = [
    row('07', 'COMPLETED', 10, 'SUCCESS'),
    row('07', 'COMPLETED', 2, 'AccessDenied'),
    row('07', 'FAILED', 3),
    row('09', 'COMPLETED', 7, 'SUCCESS'),
  ];

  it('is a bar chart of the days, one series per state with jobs, worst first', () => {
    const chart = dailyChart(tally(rows), 'backup');
    expect(chart).toMatchObject({
      type: 'data_visualization',
      block_id: 'bj_summary_chart',
      title: 'Backup jobs per UTC day',
      chart: {
        type: 'bar',
        axis_config: {
          categories: ['Sat 7 Nov', 'Sun 8 Nov', 'Mon 9 Nov'],
          x_label: 'Day (UTC)',
          y_label: 'Jobs',
        },
      },
    });
    expect(values(chart)).toEqual({
      Failed: [3, 0, 0],
      'With issues': [2, 0, 0],
      'Completed OK': [10, 0, 7],
    });
    // Slack wants a point for every category in every series, labelled as the category.
    for (const s of chart!.chart.series)
      expect(s.data.map((p) => p.label)).toEqual(chart!.chart.axis_config.categories);
  });

  it('has at most six series that add up to each day’s total, whatever the states', () => {
    const rows = dailyRows(3, 2);
    const t = tally([...rows, { ...rows[0]!, state: 'QUEUED_BY_A_NEW_AWS_STATE', count: 5 }]);
    const chart = dailyChart(t, 'backup')!;
    expect(chart.chart.series.map((s) => s.name)).toEqual([
      'Failed',
      'Partial',
      'With issues',
      'Aborted or expired',
      'Running or other',
      'Completed OK',
    ]);
    expect(sums(chart)).toEqual(everyDay(t).map((day) => dayCounts(t, day).total));
  });

  it('keeps completed whole when summaries cannot tell issues (restores, aggregated categories)', () => {
    const restores = dailyChart(tally([row('07', 'COMPLETED', 4), row('07', 'ABORTED', 1)]), 'restore');
    expect(values(restores)).toEqual({ 'Aborted or expired': [1], Completed: [4] });
    const aggregated = dailyChart(tally([row('07', 'COMPLETED', 12, 'AGGREGATE_ALL')]), 'backup');
    expect(values(aggregated)).toEqual({ Completed: [12] });
  });

  it('shows the latest 20 days of a longer window, and says them in words', () => {
    const t = tally(dailyRows(30, 1));
    const chart = dailyChart(t, 'copy')!;
    expect(chart.title).toBe('Copy jobs per UTC day');
    expect(chart.chart.axis_config.categories).toHaveLength(20);
    expect(chart.chart.axis_config.categories.at(-1)).toBe('Wed 25 Nov');
    expect(checkMessage({ text: 'x', blocks: [chart] })).toEqual([]);
    const words = chartWords(chart, t, 'copy');
    expect(words.startsWith('Per UTC day: Fri 6 Nov: ')).toBe(true);
    expect(words.split('; ')).toHaveLength(20);
  });

  it('says a day without jobs as none, and nothing is charted without jobs', () => {
    const t = tally([row('07', 'FAILED', 2), row('09', 'FAILED', 1)]);
    expect(chartWords(dailyChart(t, 'backup')!, t, 'backup')).toBe(
      'Per UTC day: Sat 7 Nov: 2 failed; Sun 8 Nov: none; Mon 9 Nov: 1 failed',
    );
    expect(dailyChart(tally([]), 'backup')).toBeUndefined();
  });
});
