import type { KnownBlock, RawTextElement, TableBlock } from '@slack/types';
import { formatDay } from '../time/labels.js';
import { formatCount } from './format.js';
import { section } from './kit.js';
import { SLACK_LIMITS } from './limits.js';
import { DISPLAY_ORDER, lookOf } from './states.js';
import type { Bucket, Tallies } from './summary-data.js';
import { escapeMrkdwn } from './text.js';

const DAY_MS = 86_400_000;
const ISSUES = 'COMPLETED_WITH_ISSUES';

interface Column {
  label: string;
  value: (b: Bucket) => number;
}

/** Day, Total, then one column per state that has jobs (worst first), "With issues" among them. */
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
    SLACK_LIMITS.tableCells - 1,
  );
}

/** Every UTC day from the first window to the last, zero-count days included, latest 99 at most. */
function days(t: Tallies): string[] {
  if (t.from === undefined || t.to === undefined) return [...t.byDay.keys()].sort();
  const list: string[] = [];
  const start = Date.parse(`${t.from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(t.to);
  for (let d = start; d < end && list.length < 400; d += DAY_MS)
    list.push(new Date(d).toISOString().slice(0, 10));
  for (const day of t.byDay.keys()) if (!list.includes(day)) list.push(day);
  return list.sort().slice(-(SLACK_LIMITS.tableRows - 2));
}

function grid(t: Tallies): string[][] {
  const cols = columns(t);
  const empty: Bucket = { total: 0, byState: new Map(), issues: 0 };
  const rows = days(t).map((day) => [
    formatDay(`${day}T12:00:00Z`, 'UTC'),
    ...cols.map((c) => formatCount(c.value(t.byDay.get(day) ?? empty))),
  ]);
  return [
    ['Day (UTC)', ...cols.map((c) => c.label)],
    ...rows,
    ['All days', ...cols.map((c) => formatCount(c.value(t.all)))],
  ];
}

function cell(text: string): RawTextElement {
  return { type: 'raw_text', text: text || '0' };
}

/** The days × states table as a Slack table block (one per message; Slack shows it at the bottom). */
export function dayTable(t: Tallies): TableBlock {
  return {
    type: 'table',
    block_id: 'bj_summary_table',
    column_settings: [{ align: 'left' }, ...columns(t).map(() => ({ align: 'right' as const }))],
    rows: grid(t).map((row) => row.map(cell)),
  };
}

/** The same table as monospaced mrkdwn, for clients and surfaces without table blocks. */
export function dayTableText(t: Tallies): KnownBlock[] {
  const rows = grid(t);
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
