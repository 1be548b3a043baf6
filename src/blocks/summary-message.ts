import type { KnownBlock } from '@slack/types';
import type { JobSummary } from '../backup/types.js';
import { countOfKind, type JobKind, KIND_NOUN, STATES_OF_KIND } from '../domain/index.js';
import { formatDateTime, zoneLabel } from '../time/labels.js';
import { ACTION, encodeCursorValue } from './actions.js';
import { formatCount } from './format.js';
import {
  actions,
  type BlockMessage,
  button,
  context,
  header,
  message,
  type ResponseOptions,
  section,
} from './kit.js';
import { remarksBlock } from './notes.js';
import { type Tallies, tally } from './summary-data.js';
import { accountName, countsIssues, stateLines, topLines, typeName } from './summary-lines.js';
import { dayTable, dayTableText } from './summary-table.js';
import { escapeMrkdwn, joinParts, mrkdwnText, plural, truncate } from './text.js';

export interface SummaryOptions extends ResponseOptions {
  /** The query restated in words, shown under the heading. */
  title: string;
  timeZone: string;
  /** Opaque id the Chart button carries. */
  cursorId: string;
  /** Days × states as a Slack table block (true) or as monospaced text (false). @defaultValue true */
  table?: boolean;
}

const PERIOD_WORDS = {
  ONE_DAY: 'Daily counts',
  SEVEN_DAYS: 'Totals for 7 days',
  FOURTEEN_DAYS: 'Totals for 14 days',
} as const;

/** The period in the heading: `Copy jobs, last 7 days`. */
const PERIOD_HEADING = {
  ONE_DAY: 'daily, last 14 days',
  SEVEN_DAYS: 'last 7 days',
  FOURTEEN_DAYS: 'last 14 days',
} as const;

/**
 * A kind's job summaries as people read them: per day for daily counts, totals otherwise; a Chart
 * button. The heading names the kind and the period; the query in words is said under it.
 */
export function summaryMessage(summary: JobSummary, options: SummaryOptions): BlockMessage {
  const kind = summary.jobKind;
  const t = tally(summary.rows);
  const heading = `${KIND_NOUN[kind].title}, ${PERIOD_HEADING[summary.period]}`;
  const window =
    t.from && t.to
      ? `${formatDateTime(t.from, options.timeZone, new Date(t.to))} – ${formatDateTime(t.to, options.timeZone, new Date(t.to))}`
      : undefined;
  const blocks: KnownBlock[] = [
    header(heading, 'bj_summary_head'),
    context(
      [
        joinParts([
          `:bar_chart: ${options.title ? mrkdwnText(options.title, 400) : PERIOD_WORDS[summary.period]}`,
          window ? `${window} ${zoneLabel(options.timeZone, new Date(t.to ?? 0))}` : undefined,
          plural(summary.regions.length, 'region'),
          summary.period === 'ONE_DAY' ? 'days are UTC days, as AWS counts them' : undefined,
        ]),
      ],
      'bj_summary_info',
    ),
  ];
  if (t.all.total === 0)
    blocks.push(section(`:zero: *No ${KIND_NOUN[kind].many} in this window.*`, 'bj_summary_empty'));
  else blocks.push(section(stateLines(t, kind), 'bj_summary_states'));
  if (t.all.total > 0 && summary.period !== 'ONE_DAY') {
    const accounts = topLines('By account', t.byAccount, accountName, 'account', kind);
    blocks.push(section(accounts, 'bj_summary_accounts'));
    blocks.push(section(topLines('By resource type', t.byType, typeName, 'type', kind), 'bj_summary_types'));
  }
  const useTable = options.table !== false;
  if (t.all.total > 0 && summary.period === 'ONE_DAY' && !useTable) blocks.push(...dayTableText(t));
  const failed = summary.failedRegions.map((f) => ({
    kind: 'warning' as const,
    text: `${f.region} could not be counted: ${f.reason}`,
  }));
  const remarks = remarksBlock(failed, 1500, 'bj_summary_remarks');
  if (remarks) blocks.push(remarks);
  if (t.all.total > 0) {
    const value = encodeCursorValue(options.cursorId);
    blocks.push(
      actions(
        [button({ text: ':chart_with_upwards_trend: Chart', actionId: ACTION.chart, value })],
        'bj_summary_actions',
      ),
    );
  }
  if (t.all.total > 0 && summary.period === 'ONE_DAY' && useTable) blocks.push(dayTable(t));
  return message(fallbackText(options.title || heading, t, kind), blocks, options);
}

function fallbackText(title: string, t: Tallies, kind: JobKind): string {
  const failed = t.all.byState.get('FAILED') ?? 0;
  const partial = t.all.byState.get('PARTIAL') ?? 0;
  const counts = joinParts(
    [
      countOfKind(kind, t.all.total),
      `${formatCount(failed)} failed`,
      STATES_OF_KIND[kind].includes('PARTIAL') ? `${formatCount(partial)} partial` : undefined,
      t.issuesKnown && countsIssues(kind) ? `${formatCount(t.all.issues)} completed with issues` : undefined,
    ],
    ', ',
  );
  return `${escapeMrkdwn(truncate(title, 300))}: ${counts}`;
}
