import { type JobKind, KIND_NOUN } from '../domain/index.js';
import type { ChartSeries, DataVisualizationBlock } from './chart-block.js';
import { formatCount } from './format.js';
import { SLACK_LIMITS } from './limits.js';
import { type Bucket, dayCounts, dayLabel, everyDay, type Tallies } from './summary-data.js';
import { countsIssues } from './summary-lines.js';
import { cutValue, plainText } from './text.js';

/** One bar per day and series: its name in the legend, its words in the text, what it counts. */
interface SeriesRule {
  name: string;
  words: string;
  count: (b: Bucket) => number;
}

const NAMED = ['FAILED', 'PARTIAL', 'ABORTED', 'EXPIRED', 'COMPLETED'];
const of = (b: Bucket, ...states: string[]) => states.reduce((n, s) => n + (b.byState.get(s) ?? 0), 0);

/**
 * At most six series (Slack's cap), worst first as everywhere in the app, that add up to each day's
 * total: "completed with issues" is taken out of "completed" when summaries can tell them apart,
 * and every state without a series of its own (running, pending, one AWS adds) is "running or other".
 */
function seriesRules(t: Tallies, kind: JobKind): SeriesRule[] {
  const issues = countsIssues(kind) && t.issuesKnown;
  return [
    { name: 'Failed', words: 'failed', count: (b) => of(b, 'FAILED') },
    { name: 'Partial', words: 'partial', count: (b) => of(b, 'PARTIAL') },
    ...(issues
      ? [{ name: 'With issues', words: 'completed with issues', count: (b: Bucket) => b.issues }]
      : []),
    { name: 'Aborted or expired', words: 'aborted or expired', count: (b) => of(b, 'ABORTED', 'EXPIRED') },
    { name: 'Running or other', words: 'running or other', count: (b) => b.total - of(b, ...NAMED) },
    issues
      ? { name: 'Completed OK', words: 'completed OK', count: (b) => of(b, 'COMPLETED') - b.issues }
      : { name: 'Completed', words: 'completed', count: (b) => of(b, 'COMPLETED') },
  ];
}

/**
 * Jobs per UTC day as Slack's own bar chart, one series per state that has jobs: the latest 20
 * days (Slack's cap on categories; a daily summary has 14). Undefined when no day has a job.
 */
export function dailyChart(t: Tallies, kind: JobKind): DataVisualizationBlock | undefined {
  const days = everyDay(t).slice(-SLACK_LIMITS.chartCategories);
  const labels = days.map((day) => cutValue(dayLabel(day), SLACK_LIMITS.chartLabel));
  const series: ChartSeries[] = seriesRules(t, kind)
    .map((rule) => ({
      name: rule.name,
      data: days.map((day, i) => ({ label: labels[i] ?? day, value: rule.count(dayCounts(t, day)) })),
    }))
    .filter((s) => s.data.some((p) => p.value !== 0))
    .slice(0, SLACK_LIMITS.chartSeries);
  if (series.length === 0) return undefined;
  return {
    type: 'data_visualization',
    block_id: 'bj_summary_chart',
    title: plainText(`${KIND_NOUN[kind].title} per UTC day`, SLACK_LIMITS.chartTitle),
    chart: {
      type: 'bar',
      series,
      axis_config: { categories: labels, x_label: 'Day (UTC)', y_label: 'Jobs' },
    },
  };
}

/**
 * The chart in words, for the message's `text` (notifications, screen readers): each day and the
 * counts of its bars. `Sat 7 Nov: 3 failed, 15 completed OK; Sun 8 Nov: none`.
 */
export function chartWords(chart: DataVisualizationBlock, t: Tallies, kind: JobKind): string {
  const words = new Map(seriesRules(t, kind).map((r) => [r.name, r.words]));
  const days = chart.chart.axis_config.categories.map((day) => {
    const parts = chart.chart.series.flatMap((s) => {
      const value = s.data.find((p) => p.label === day)?.value ?? 0;
      return value === 0 ? [] : [`${formatCount(value)} ${words.get(s.name) ?? s.name}`];
    });
    return `${day}: ${parts.length > 0 ? parts.join(', ') : 'none'}`;
  });
  return `Per UTC day: ${days.join('; ')}`;
}
