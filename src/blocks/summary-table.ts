import type { DataTableBlock, KnownBlock, RawNumberElement, RawTextElement } from '@slack/types';
import { type JobKind, KIND_NOUN } from '../domain/index.js';
import { formatCount } from './format.js';
import { context, section } from './kit.js';
import { SLACK_LIMITS } from './limits.js';
import { DISPLAY_ORDER, lookOf } from './states.js';
import { type Bucket, dayCounts, dayLabel, everyDay, largestFirst, type Tallies } from './summary-data.js';
import { countsIssues, restLine } from './summary-lines.js';
import { escapeMrkdwn } from './text.js';

const ISSUES = 'COMPLETED_WITH_ISSUES';
/** Rows a data table shows at once: a daily summary's 14 days; ten accounts or types. */
const DAY_PAGE = 14;
const TOP_PAGE = 10;

interface Column {
  label: string;
  value: (b: Bucket) => number;
}

/** Total, then one column per state that has jobs (worst first), "With issues" among them. */
function columns(t: Tallies): Column[] {
  const present = new Set([...t.all.byState.entries()].filter(([, n]) => n > 0).map(([s]) => s));
  const ordered = [
    ...DISPLAY_ORDER.filter((s) => present.has(s) || (s === ISSUES && t.issuesKnown && t.all.issues > 0)),
    ...[...present].filter((s) => !(DISPLAY_ORDER as readonly string[]).includes(s)).sort(),
  ];
  const stateColumns = ordered.map(
    (s): Column => ({
      label: s === ISSUES ? 'With issues' : lookOf(s).label,
      value: s === ISSUES ? (b) => b.issues : (b) => b.byState.get(s) ?? 0,
    }),
  );
  return [{ label: 'Total', value: (b: Bucket) => b.total }, ...stateColumns].slice(
    0,
    SLACK_LIMITS.dataTableColumns - 1,
  );
}

/** The days a table shows: the latest 100 (a daily summary has 14). */
function tableDays(t: Tallies): string[] {
  return everyDay(t).slice(-SLACK_LIMITS.dataTableRows);
}

function text(value: string): RawTextElement {
  return { type: 'raw_text', text: value || '—' };
}

function count(n: number): RawNumberElement {
  return { type: 'raw_number', value: n, text: formatCount(n) || '0' };
}

function countTable(
  blockId: string,
  caption: string,
  head: string,
  rows: [RawTextElement | RawNumberElement, Bucket][],
  t: Tallies,
  pageSize: number,
): DataTableBlock {
  const cols = columns(t);
  return {
    type: 'data_table',
    block_id: blockId,
    caption,
    page_size: Math.max(1, Math.min(pageSize, rows.length)),
    rows: [
      [text(head), ...cols.map((c) => text(c.label))],
      ...rows.map(([key, b]) => [key, ...cols.map((c) => count(c.value(b)))]),
    ],
  };
}

/**
 * Days × states as a sortable data table. The day is a number (20261107) shown as its name, so
 * that sorting by day is by date, not alphabetical; totals are in the lines above, not in a row
 * that sorting would move among the days.
 */
export function dayTable(t: Tallies, kind: JobKind): DataTableBlock {
  const rows = tableDays(t).map((day): [RawNumberElement, Bucket] => [
    { type: 'raw_number', value: Number(day.replaceAll('-', '')), text: dayLabel(day) },
    dayCounts(t, day),
  ]);
  const caption = `${KIND_NOUN[kind].title} per UTC day, by state`;
  return countTable('bj_summary_table', caption, 'Day (UTC)', rows, t, DAY_PAGE);
}

/**
 * Accounts or resource types × states as a sortable data table, largest first: the first 100, and
 * a line under it for the rest.
 */
export function topTable(
  what: { blockId: string; head: string; noun: string; by?: string },
  map: Map<string, Bucket>,
  label: (key: string) => string,
  t: Tallies,
  kind: JobKind,
): KnownBlock[] {
  const entries = largestFirst(map);
  const shown = SLACK_LIMITS.dataTableRows;
  const rows = entries.slice(0, shown).map(([key, b]): [RawTextElement, Bucket] => [text(label(key)), b]);
  const caption = `${KIND_NOUN[kind].title} by ${what.by ?? what.head.toLowerCase()}`;
  const blocks: KnownBlock[] = [countTable(what.blockId, caption, what.head, rows, t, TOP_PAGE)];
  const rest = restLine(entries, shown, what.noun, kind);
  if (rest) blocks.push(context([rest], `${what.blockId}_more`));
  return blocks;
}

/** The days × states table as monospaced mrkdwn, with a row of totals: only classic blocks. */
export function dayTableText(t: Tallies): KnownBlock[] {
  const cols = columns(t);
  const rows = [
    ['Day (UTC)', ...cols.map((c) => c.label)],
    ...tableDays(t).map((day) => [
      dayLabel(day),
      ...cols.map((c) => formatCount(c.value(dayCounts(t, day)))),
    ]),
    ['All days', ...cols.map((c) => formatCount(c.value(t.all)))],
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const lines = rows.map((r) =>
    escapeMrkdwn(
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ')
        .replace(/`/g, 'ˋ'),
    ),
  );
  const blocks: KnownBlock[] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0)
      blocks.push(section(`\`\`\`${chunk.join('\n')}\`\`\``, `bj_summary_days_${blocks.length}`));
    chunk = [];
  };
  for (const line of lines) {
    if (chunk.join('\n').length + line.length + 8 > SLACK_LIMITS.sectionText) flush();
    chunk.push(line);
  }
  flush();
  return blocks;
}

/** States, worst first, with the jobs of each: COMPLETED's "with issues" after it, when known. */
export function stateRows(t: Tallies, kind: JobKind): [string, number][] {
  const present = [...t.all.byState.entries()].filter(([, n]) => n > 0).map(([s]) => s);
  const ordered = [
    ...DISPLAY_ORDER.filter((s) => present.includes(s)),
    ...present.filter((s) => !(DISPLAY_ORDER as readonly string[]).includes(s)).sort(),
  ];
  return ordered.flatMap((s): [string, number][] => {
    const row: [string, number] = [lookOf(s).label, t.all.byState.get(s) ?? 0];
    if (s !== 'COMPLETED' || !t.issuesKnown || !countsIssues(kind)) return [row];
    return [row, [`${lookOf(ISSUES).label} (in completed)`, t.all.issues]];
  });
}

/** A summary grouped by state: one row per state and its jobs, as a sortable data table. */
export function stateTable(t: Tallies, kind: JobKind): DataTableBlock {
  const rows = stateRows(t, kind).slice(0, SLACK_LIMITS.dataTableRows);
  return {
    type: 'data_table',
    block_id: 'bj_summary_by_state',
    caption: `${KIND_NOUN[kind].title} by state`,
    page_size: Math.max(1, Math.min(TOP_PAGE + 2, rows.length)),
    rows: [[text('State'), text('Jobs')], ...rows.map(([label, n]) => [text(label), count(n)])],
  };
}
