import type { KnownBlock } from '@slack/types';
import { escapeText, stateWord } from './alert-format.js';
import type { AlertCounts } from './alert-message.js';
import type { SlackMessage } from './limits.js';

/** One day's counts against the day before, for the daily digest. */
export interface DigestView {
  /** The local calendar day counted, YYYY-MM-DD. */
  day: string;
  tz: string;
  states: readonly string[];
  yesterday: AlertCounts;
  dayBefore: AlertCounts;
}

function change(now: number, before: number): string {
  if (now === before) return 'same as the day before';
  const diff = now - before;
  return `${diff > 0 ? '▲' : '▼'} ${Math.abs(diff)} against the day before`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `Sunday 22 November 2026`, the same whatever the ICU data of the runtime. */
function longDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The daily digest: yesterday's counts by state, with issues, top resources and reasons. */
export function digestMessage(view: DigestView): SlackMessage {
  const { yesterday, dayBefore } = view;
  const title = `Backup digest for ${longDay(view.day)}`;
  const fields = view.states.slice(0, 10).map((state) => {
    const n = yesterday.byState[state] ?? 0;
    const before = dayBefore.byState[state] ?? 0;
    return { type: 'mrkdwn' as const, text: `*${stateWord(state)}*: ${n}\n${change(n, before)}` };
  });
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${yesterday.total}* backup jobs needing attention (${change(yesterday.total, dayBefore.total)}). Day in ${escapeText(view.tz, 60)}.`,
      },
    },
  ];
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  const resources = yesterday.topResources
    .slice(0, 8)
    .map((r) => `• ${escapeText(r.name, 100)} (${r.count})`);
  const reasons = yesterday.topReasons.slice(0, 8).map((r) => `• ${escapeText(r.reason, 150)} (${r.count})`);
  if (resources.length > 0)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', verbatim: true, text: `*Top failing resources*\n${resources.join('\n')}` },
    });
  if (reasons.length > 0)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', verbatim: true, text: `*Most common reasons*\n${reasons.join('\n')}` },
    });
  const failed = [...yesterday.failedRegions, ...dayBefore.failedRegions].slice(0, 5);
  if (failed.length > 0) {
    blocks.push({
      type: 'context',
      elements: failed.map((f) => ({
        type: 'mrkdwn' as const,
        verbatim: true,
        text: `:warning: ${escapeText(f.region, 40)} could not be counted: ${escapeText(f.reason, 150)}`,
      })),
    });
  }
  return { text: `${title}: ${yesterday.total} backup jobs needing attention`, blocks };
}
