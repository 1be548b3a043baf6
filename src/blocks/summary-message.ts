import type { KnownBlock } from '@slack/types';
import type { JobSummary } from '../backup/types.js';
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
import { DISPLAY_ORDER, lookOf } from './states.js';
import { type Bucket, largestFirst, type Tallies, tally } from './summary-data.js';
import { dayTable, dayTableText } from './summary-table.js';
import { code, escapeMrkdwn, joinParts, mrkdwnText, plural, truncate } from './text.js';

export interface SummaryOptions extends ResponseOptions {
  /** The query restated in words. */
  title: string;
  timeZone: string;
  /** Opaque id the Chart button carries. */
  cursorId: string;
  /** Days × states as a Slack table block (true) or as monospaced text (false). @defaultValue true */
  table?: boolean;
}

/** Accounts and resource types listed at most; the rest are summed in one line. */
const TOP = 10;

const PERIOD_WORDS = {
  ONE_DAY: 'Daily counts',
  SEVEN_DAYS: 'Totals for 7 days',
  FOURTEEN_DAYS: 'Totals for 14 days',
} as const;

function stateLines(t: Tallies): string {
  const lines = [`*${formatCount(t.all.total)}* jobs in all`];
  for (const state of DISPLAY_ORDER) {
    if (state === 'COMPLETED_WITH_ISSUES') continue;
    const count = t.all.byState.get(state) ?? 0;
    if (count === 0) continue;
    const look = lookOf(state);
    lines.push(`${look.emoji} *${formatCount(count)}* ${look.label.toLowerCase()}`);
    if (state === 'COMPLETED') {
      const issues = lookOf('COMPLETED_WITH_ISSUES');
      const value = t.issuesKnown ? `*${formatCount(t.all.issues)}*` : '*unknown*';
      lines.push(`${issues.emoji} ${value} completed with issues (counted in completed)`);
    }
  }
  for (const [state, count] of t.all.byState) {
    if ((DISPLAY_ORDER as readonly string[]).includes(state) || count === 0) continue;
    lines.push(
      `${lookOf(state).emoji} *${formatCount(count)}* ${mrkdwnText(lookOf(state).label, 60).toLowerCase()}`,
    );
  }
  return lines.join('\n');
}

function bucketLine(name: string, b: Bucket): string {
  const bad = (['FAILED', 'PARTIAL'] as const)
    .map((s) => [s, b.byState.get(s) ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${lookOf(s).emoji} ${formatCount(n)} ${lookOf(s).label.toLowerCase()}`);
  if (b.issues > 0) bad.push(`${lookOf('COMPLETED_WITH_ISSUES').emoji} ${formatCount(b.issues)} with issues`);
  return joinParts([`${name} *${formatCount(b.total)}*`, ...bad]);
}

function topLines(
  title: string,
  map: Map<string, Bucket>,
  show: (key: string) => string,
  noun: string,
): string {
  const entries = largestFirst(map);
  const lines = entries.slice(0, TOP).map(([key, b]) => bucketLine(show(key), b));
  const rest = entries.slice(TOP);
  if (rest.length > 0) {
    const jobs = rest.reduce((sum, [, b]) => sum + b.total, 0);
    lines.push(`_…and ${plural(rest.length, `more ${noun}`, `more ${noun}s`)} with ${plural(jobs, 'job')}_`);
  }
  return `*${title}*\n${lines.join('\n')}`;
}

function accountName(id: string): string {
  return id === 'ANY' || id === 'AGGREGATE_ALL' || id === '' ? 'All accounts' : code(id, 40);
}

function typeName(type: string): string {
  return type === 'ANY' || type === 'AGGREGATE_ALL' || type === '' ? 'All types' : mrkdwnText(type, 60);
}

/** ListBackupJobSummaries as people read it: per day for daily counts, totals otherwise; a Chart button. */
export function summaryMessage(summary: JobSummary, options: SummaryOptions): BlockMessage {
  const t = tally(summary.rows);
  const window =
    t.from && t.to
      ? `${formatDateTime(t.from, options.timeZone, new Date(t.to))} – ${formatDateTime(t.to, options.timeZone, new Date(t.to))}`
      : undefined;
  const blocks: KnownBlock[] = [
    header(options.title || 'Backup job summary', 'bj_summary_head'),
    context(
      [
        joinParts([
          `:bar_chart: ${PERIOD_WORDS[summary.period]}`,
          window ? `${window} ${zoneLabel(options.timeZone, new Date(t.to ?? 0))}` : undefined,
          plural(summary.regions.length, 'region'),
          summary.period === 'ONE_DAY' ? 'days are UTC days, as AWS counts them' : undefined,
        ]),
      ],
      'bj_summary_info',
    ),
  ];
  if (t.all.total === 0) blocks.push(section(':zero: *No backup jobs in this window.*', 'bj_summary_empty'));
  else blocks.push(section(stateLines(t), 'bj_summary_states'));
  if (t.all.total > 0 && summary.period !== 'ONE_DAY') {
    blocks.push(section(topLines('By account', t.byAccount, accountName, 'account'), 'bj_summary_accounts'));
    blocks.push(section(topLines('By resource type', t.byType, typeName, 'type'), 'bj_summary_types'));
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
  return message(fallbackText(options.title, t), blocks, options);
}

function fallbackText(title: string, t: Tallies): string {
  const failed = t.all.byState.get('FAILED') ?? 0;
  const partial = t.all.byState.get('PARTIAL') ?? 0;
  const counts = joinParts(
    [
      plural(t.all.total, 'job'),
      `${formatCount(failed)} failed`,
      `${formatCount(partial)} partial`,
      t.issuesKnown ? `${formatCount(t.all.issues)} completed with issues` : undefined,
    ],
    ', ',
  );
  return `${escapeMrkdwn(truncate(title || 'Backup job summary', 300))}: ${counts}`;
}
