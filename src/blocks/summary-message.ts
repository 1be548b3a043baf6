import type { KnownBlock } from '@slack/types';
import type { JobSummary } from '../backup/types.js';
import { type JobKind, KIND_NOUN } from '../domain/index.js';
import type { SummaryGrouping } from '../query/types.js';
import { formatDateTime, zoneLabel } from '../time/labels.js';
import { ACTION, encodeCursorValue } from './actions.js';
import type { DataVisualizationBlock } from './chart-block.js';
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
import { chartWords, dailyChart } from './summary-chart.js';
import { type Tallies, tally } from './summary-data.js';
import {
  accountLabel,
  accountName,
  regionLabel,
  regionName,
  stateLines,
  summaryText,
  topLines,
  typeLabel,
  typeName,
} from './summary-lines.js';
import { dayTable, dayTableText, stateTable, topTable } from './summary-table.js';
import { joinParts, mrkdwnText, plural } from './text.js';

/**
 * How a summary is drawn: with Slack's chart (daily counts) and data tables, with the data tables
 * alone, or in classic blocks only (sections of text) for a Slack that refuses the newer blocks.
 */
export type SummaryLook = 'chart' | 'table' | 'text';

export interface SummaryOptions extends ResponseOptions {
  /** The query restated in words, shown under the heading. */
  title: string;
  timeZone: string;
  /** The saved query a summary of totals offers its daily chart for; without it, no button. */
  cursorId?: string;
  /** @defaultValue 'chart' */
  look?: SummaryLook;
  /** `summary by account`: that grouping alone, over the whole period, in place of the usual tables. */
  groupBy?: SummaryGrouping | undefined;
}

/** A summary as sent: Block Kit blocks, and Slack's chart block that @slack/types does not have. */
export interface SummaryMessage extends Omit<BlockMessage, 'blocks'> {
  blocks: (KnownBlock | DataVisualizationBlock)[];
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
 * Every way to draw a summary, richest first and each different: the first to send, and each one
 * after it what to send when Slack refuses the one before for its blocks.
 */
export function summaryMessages(summary: JobSummary, options: SummaryOptions): SummaryMessage[] {
  const t = tallied(summary);
  const looks: SummaryLook[] =
    t.all.total === 0
      ? ['text']
      : summary.period === 'ONE_DAY' && options.groupBy === undefined
        ? ['chart', 'table', 'text']
        : ['table', 'text'];
  return looks.map((look) => build(summary, t, { ...options, look }));
}

/**
 * A kind's job summaries as people read them: daily counts as a chart and a table of days, totals
 * with tables of accounts and resource types. The heading names the kind and the period; the query
 * in words is said under it.
 */
export function summaryMessage(summary: JobSummary, options: SummaryOptions): SummaryMessage {
  return build(summary, tallied(summary), options);
}

/** The summary's rows added up over its period, as read (see `tally`). */
function tallied(summary: JobSummary): Tallies {
  const { readAt } = summary;
  return tally(summary.rows, readAt === undefined ? undefined : { period: summary.period, readAt });
}

function build(summary: JobSummary, t: Tallies, options: SummaryOptions): SummaryMessage {
  const kind = summary.jobKind;
  const look = options.look ?? 'chart';
  const grouped = options.groupBy;
  const by = grouped === undefined ? '' : ` by ${GROUPING[grouped].noun}`;
  const heading = `${KIND_NOUN[kind].title}${by}, ${PERIOD_HEADING[summary.period]}`;
  const blocks: SummaryMessage['blocks'] = [header(heading, 'bj_summary_head'), info(summary, t, options)];
  const daily = summary.period === 'ONE_DAY' && grouped === undefined;
  const chart = daily ? dailyChart(t, kind) : undefined;
  if (t.all.total === 0)
    blocks.push(section(`:zero: *No ${KIND_NOUN[kind].many} in this window.*`, 'bj_summary_empty'));
  else blocks.push(section(stateLines(t, kind), 'bj_summary_states'));
  if (t.all.total > 0 && daily) {
    if (chart && look === 'chart') blocks.push(chart);
    blocks.push(...(look === 'text' ? dayTableText(t) : [dayTable(t, kind)]));
  }
  if (t.all.total > 0 && grouped !== undefined) blocks.push(...grouping(grouped, t, kind, look));
  else if (t.all.total > 0 && !daily) blocks.push(...breakdown(t, kind, look));
  const failed = summary.failedRegions.map((f) => ({
    kind: 'warning' as const,
    text: `${f.region} could not be counted: ${f.reason}`,
  }));
  const remarks = remarksBlock(failed, 1500, 'bj_summary_remarks');
  if (remarks) blocks.push(remarks);
  // Daily counts show their chart in the message: no click, no file. Totals have no days to chart:
  // theirs is asked for, not drawn each time, as it costs one more ListBackupJobSummaries call per
  // Region (ONE_DAY); it takes the message's place, as Prev and Next do, rather than adding a message
  // to the conversation, and a private answer stays private.
  if (t.all.total > 0 && !daily && grouped === undefined && options.cursorId !== undefined) {
    const value = encodeCursorValue(options.cursorId);
    const chartButton = button({ text: ':bar_chart: Chart by day', actionId: ACTION.chart, value });
    blocks.push(actions([chartButton], 'bj_summary_actions'));
  }
  const words = chart ? `. ${chartWords(chart, t, kind)}` : '';
  return { ...message(`${summaryText(options.title || heading, t, kind)}${words}`, [], options), blocks };
}

function info(summary: JobSummary, t: Tallies, options: SummaryOptions): KnownBlock {
  const end = new Date(t.to ?? 0);
  const window =
    t.from && t.to
      ? `${formatDateTime(t.from, options.timeZone, end)} – ${formatDateTime(t.to, options.timeZone, end)}`
      : undefined;
  return context(
    [
      joinParts([
        `:bar_chart: ${options.title ? mrkdwnText(options.title, 400) : PERIOD_WORDS[summary.period]}`,
        window ? `${window} ${zoneLabel(options.timeZone, end)}` : undefined,
        plural(summary.regions.length, 'region'),
        summary.period === 'ONE_DAY' ? 'days are UTC days, as AWS counts them' : undefined,
      ]),
    ],
    'bj_summary_info',
  );
}

/** How each grouping is named, keyed and shown. */
const GROUPING = {
  account: {
    noun: 'account',
    head: 'Account',
    blockId: 'bj_summary_accounts',
    label: accountLabel,
    name: accountName,
  },
  region: {
    noun: 'Region',
    head: 'Region',
    blockId: 'bj_summary_regions',
    label: regionLabel,
    name: regionName,
  },
  resourceType: {
    noun: 'resource type',
    head: 'Resource type',
    blockId: 'bj_summary_types',
    label: typeLabel,
    name: typeName,
  },
  state: { noun: 'state', head: 'State', blockId: 'bj_summary_by_state', label: String, name: String },
} as const;

function groupMap(by: Exclude<SummaryGrouping, 'state'>, t: Tallies) {
  return { account: t.byAccount, region: t.byRegion, resourceType: t.byType }[by];
}

/** One grouping's table (or its lines of text); by state, the state lines above are the text. */
function grouping(by: SummaryGrouping, t: Tallies, kind: JobKind, look: SummaryLook): KnownBlock[] {
  if (by === 'state') return look === 'text' ? [] : [stateTable(t, kind)];
  const g = GROUPING[by];
  const noun = by === 'resourceType' ? 'type' : g.noun;
  if (look === 'text')
    return [section(topLines(`By ${g.noun}`, groupMap(by, t), g.name, noun, kind), g.blockId)];
  const what = { blockId: g.blockId, head: g.head, noun, by: g.noun };
  return topTable(what, groupMap(by, t), g.label, t, kind);
}

/** Totals by account and by resource type: sortable data tables, or lines of text. */
function breakdown(t: Tallies, kind: JobKind, look: SummaryLook): KnownBlock[] {
  if (look === 'text') {
    return [
      section(topLines('By account', t.byAccount, accountName, 'account', kind), 'bj_summary_accounts'),
      section(topLines('By resource type', t.byType, typeName, 'type', kind), 'bj_summary_types'),
    ];
  }
  return [
    ...topTable(
      { blockId: 'bj_summary_accounts', head: 'Account', noun: 'account' },
      t.byAccount,
      accountLabel,
      t,
      kind,
    ),
    ...topTable(
      { blockId: 'bj_summary_types', head: 'Resource type', noun: 'type' },
      t.byType,
      typeLabel,
      t,
      kind,
    ),
  ];
}
