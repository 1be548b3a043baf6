import type { KnownBlock } from '@slack/types';
import { formatDay } from '../time/labels.js';
import { escapeText, stateWord } from './alert-format.js';
import type { AlertCounts } from './alert-message.js';
import { context, fieldsSection, header, section } from './kit.js';
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

/** The daily digest: yesterday's counts by state, with issues, top resources and reasons. */
export function digestMessage(view: DigestView): SlackMessage {
  const { yesterday, dayBefore } = view;
  // Noon UTC of the local day names that day in UTC whatever the zone: the label is the day itself.
  const title = `Backup digest for ${formatDay(`${view.day}T12:00:00Z`, 'UTC')}`;
  const fields = view.states.slice(0, 10).map((state) => {
    const n = yesterday.byState[state] ?? 0;
    const before = dayBefore.byState[state] ?? 0;
    return `*${stateWord(state)}*: ${n}\n${change(n, before)}`;
  });
  const blocks: KnownBlock[] = [
    header(title),
    section(
      `*${yesterday.total}* backup jobs needing attention (${change(yesterday.total, dayBefore.total)}). Day in ${escapeText(view.tz, 60)}.`,
    ),
  ];
  if (fields.length > 0) blocks.push(fieldsSection(fields));
  const resources = yesterday.topResources
    .slice(0, 8)
    .map((r) => `• ${escapeText(r.name, 100)} (${r.count})`);
  const reasons = yesterday.topReasons.slice(0, 8).map((r) => `• ${escapeText(r.reason, 150)} (${r.count})`);
  if (resources.length > 0) blocks.push(section(`*Top failing resources*\n${resources.join('\n')}`));
  if (reasons.length > 0) blocks.push(section(`*Most common reasons*\n${reasons.join('\n')}`));
  const failed = [...yesterday.failedRegions, ...dayBefore.failedRegions].slice(0, 5);
  if (failed.length > 0) {
    blocks.push(
      context(
        failed.map(
          (f) => `:warning: ${escapeText(f.region, 40)} could not be counted: ${escapeText(f.reason, 150)}`,
        ),
      ),
    );
  }
  return { text: `${title}: ${yesterday.total} backup jobs needing attention`, blocks };
}
