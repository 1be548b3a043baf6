import type { z } from 'zod';

/** A right value of each rules-file field, for the sentences that do not already give one. */
export const FIELD_EXAMPLES: Readonly<Record<string, string>> = {
  name: 'prod-failures',
  kind: 'backup',
  channel: 'C0123ALERTS',
  states: 'FAILED, PARTIAL',
  threshold: '3',
  window: '24h',
  maxAge: '26h',
  copies: 'true',
  every: '5m',
  accounts: '123456789012 or *',
  resourceTypes: 'RDS, EBS',
  vaults: 'prod-vault',
  regions: 'eu-west-1',
  renotify: '4h',
  mention: '@here',
};

const FIELDS = Object.keys(FIELD_EXAMPLES);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The value as the sentence quotes it; none for lists and objects, which it cannot show briefly. */
function quoted(value: unknown): string | undefined {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function ended(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/**
 * One sentence for a problem of `field`: what a right value looks like, with an example, and what
 * was entered. A refusal (`no window: a stale rule takes maxAge, not window`) is said as it is.
 */
export function fieldSentence(field: string, issue: z.core.$ZodIssue, input: unknown): string {
  const message = issue.message;
  if (message.startsWith('no ')) return ended(capitalized(message));
  // `a resource type like RDS — did you mean EBS?`: what was entered goes before the suggestion.
  const [what = message, ...hint] = message.split(' — ');
  // A list of the values allowed is its own example.
  const listed = /\blike\b/.test(what) || /^(one of|true or false)/.test(what);
  const example = listed || !FIELD_EXAMPLES[field] ? '' : `, like ${FIELD_EXAMPLES[field]}`;
  const value = valueAt(input, issue.path);
  const entered = quoted(value);
  const lead = value === undefined ? 'Required' : 'Expected';
  const sentence = `${lead}${value === undefined ? ':' : ''} ${what}${example}${entered ? `, not ${entered}` : ''}`;
  return ended([sentence, ...hint].join(' — '));
}

/** The sentence for a field the rules file does not have. */
export function unknownFieldSentence(key: string): string {
  return `${JSON.stringify(key.slice(0, 40))} is not a field of an alert rule: the fields are ${FIELDS.join(', ')} (like window: 24h).`;
}
