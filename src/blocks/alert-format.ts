import { mrkdwnText } from './text.js';

/** Small pure formatting helpers shared by the alert messages. */

/** A time Slack renders in each reader's own zone, with a UTC fallback. */
export function slackTime(ms: number): string {
  const fallback = `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

/**
 * AWS data in an alert or digest: one line, invisible characters dropped, mrkdwn escaped, at most
 * `max` long escapes included. The same rule as in lists (blocks/text.ts), so that a reason or a
 * tag cannot add lines, links or fake "Resolved" rows to an alert.
 */
export function escapeText(text: string, max = 200): string {
  return mrkdwnText(text, max);
}

const STATE_WORDS: Record<string, string> = {
  FAILED: 'failed',
  PARTIAL: 'partial',
  ABORTED: 'aborted',
  EXPIRED: 'expired',
  COMPLETED_WITH_ISSUES: 'completed with issues',
};

export function stateWord(state: string): string {
  return STATE_WORDS[state] ?? state.toLowerCase();
}

/** `failed, partial or completed with issues` */
export function stateList(states: readonly string[]): string {
  const words = states.map(stateWord);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** The largest entries of a count record as mrkdwn bullet lines. */
export function topLines(
  record: Readonly<Record<string, number>>,
  max = 5,
  label = (k: string) => k,
): string {
  const entries = Object.entries(record)
    .filter(([, n]) => n > 0)
    .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb));
  const lines = entries.slice(0, max).map(([key, n]) => `• ${escapeText(label(key), 80)}: ${n}`);
  if (entries.length > max) lines.push(`• ${entries.length - max} more`);
  return lines.length > 0 ? lines.join('\n') : '• none';
}

/** `@here` written in a rules file becomes Slack's `<!here>` markup. */
export function mentionMarkup(mention: string): string {
  return mention
    .trim()
    .split(/\s+/)
    .map((token) => (/^@(here|channel|everyone)$/.test(token) ? `<!${token.slice(1)}>` : token))
    .join(' ');
}
