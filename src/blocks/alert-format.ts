import { type JobKind, KIND_NOUN } from '../domain/index.js';
import { isValidationOutcome, lookOf } from './states.js';
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

/** `failed`, `completed with issues`, `validation timed out`: a state as a word in a sentence. */
export function stateWord(state: string): string {
  return lookOf(state).label.toLowerCase();
}

/** `a, b or c` */
function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** `failed, partial or completed with issues` */
export function stateList(states: readonly string[]): string {
  return orList(states.map(stateWord));
}

/** What happened to restore jobs that ended so, said after "restore jobs" or "restore tests". */
const RESTORE_VERBS: Readonly<Record<string, string>> = {
  FAILED: 'failed',
  ABORTED: 'aborted',
  VALIDATION_FAILED: 'failed validation',
  VALIDATION_TIMED_OUT: 'timed out validating',
};

/** Only restore tests validate: a rule counting validation alone counts restore tests. */
const RESTORE_TEST = { one: 'restore test', many: 'restore tests' };

/**
 * What a rule counted, with the count: `5 failed or partial backup jobs`, `1 failed copy job`; a
 * restore rule that counts validation says what happened: `2 restore tests failed validation`.
 * `plural` keeps the plural noun whatever the count, as the notification texts have it.
 */
export function countedJobs(
  kind: JobKind,
  states: readonly string[],
  count: number,
  plural = count !== 1,
): string {
  const unique = [...new Set(states)];
  if (kind !== 'restore' || !unique.some(isValidationOutcome)) {
    return `${count} ${stateList(unique)} ${plural ? KIND_NOUN[kind].many : KIND_NOUN[kind].one}`;
  }
  const noun = unique.every(isValidationOutcome) ? RESTORE_TEST : KIND_NOUN.restore;
  const what = orList(unique.map((state) => RESTORE_VERBS[state] ?? stateWord(state)));
  return `${count} ${plural ? noun.many : noun.one} ${what}`;
}

/** What an alert rule watches: the jobs of a kind, or `stale` resources. */
export type AlertRuleKind = JobKind | 'stale';

/** What a message says a rule counted: its kind (absent means backup) and states. */
export interface CountedRule {
  kind?: AlertRuleKind | undefined;
  states: readonly string[];
  /** A stale rule that watches copies to other Regions and accounts rather than backups. */
  copies?: boolean | undefined;
}

/** `with no good backup`, or for copies `with no copy to another Region or account`. */
export function staleWhat(copies: boolean | undefined): string {
  return copies ? 'with no copy to another Region or account' : 'with no good backup';
}

/**
 * What a rule counted, with the count: jobs as `countedJobs` says them, or a stale rule's
 * `3 resources with no good backup` (resources always in grammar: there is no category to name).
 */
export function countedWhat(rule: CountedRule, count: number, plural = count !== 1): string {
  if (rule.kind !== 'stale') return countedJobs(rule.kind ?? 'backup', rule.states, count, plural);
  return `${count} ${count === 1 ? 'resource' : 'resources'} ${staleWhat(rule.copies)}`;
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
