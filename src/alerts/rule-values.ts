import { z } from 'zod';
import {
  isAccountScope,
  isRegionName,
  isResourceTypeShaped,
  knownResourceType,
  RESOURCE_TYPE_WORDS,
  RULE_NAME,
  RULE_NAME_RULE,
} from '../domain/index.js';
import { nearest } from '../query/suggest.js';
import { formatDuration, parseDuration } from '../time/duration.js';
import { COVERAGE_PASS } from './scheduler.js';

// The values a rules file's fields take, each with the words a problem names it by.

/** How a problem names what a duration field holds. */
export function durationHint(example: string): string {
  return `a duration like ${example} (s, m, h, d or w, combined like 1h30m)`;
}

export const MIN_EVERY_MS = 5000;
/** ListBackupJobs keeps 30 days: a longer window could never be counted. */
export const MAX_WINDOW_MS = 30 * 86_400_000;
const MENTION =
  /^(@here|@channel|@everyone|<!here>|<!channel>|<!everyone>|<@[UW][A-Z0-9]+>|<!subteam\^S[A-Z0-9]+(\|[^>]*)?>)$/;

/** A duration field in milliseconds, read by the one duration parser, within its bounds. */
export function duration(example: string, minMs: number, maxMs = Number.POSITIVE_INFINITY) {
  const hint = durationHint(example);
  return z.string({ error: hint }).transform((text, ctx) => {
    const ms = parseDuration(text) ?? undefined;
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: hint });
    else if (ms < minMs) ctx.addIssue({ code: 'custom', message: `at least ${formatDuration(minMs)}` });
    else if (ms > maxMs) ctx.addIssue({ code: 'custom', message: `at most ${formatDuration(maxMs)}` });
    return ms ?? 0;
  });
}

export const Slug = z
  .string({ error: 'a name like prod-failures' })
  .regex(RULE_NAME, RULE_NAME_RULE)
  .refine(
    (name) => name !== COVERAGE_PASS,
    `a name other than ${COVERAGE_PASS}, which the worker's coverage passes use`,
  );
export const ChannelId = z
  .string({ error: 'a Slack channel id like C0123ALERTS' })
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'a Slack channel id like C0123ALERTS');
export const Account = z
  .string({ error: 'a 12-digit account id or *' })
  .refine(isAccountScope, 'a 12-digit account id or *');
// A documented type by any of its names. A name close to none of them, as AWS may add types, is
// counted as written; one close to a documented name is a typo, which would never count anything.
export const ResourceType = z.string({ error: 'a resource type like RDS or EBS' }).transform((text, ctx) => {
  const known = knownResourceType(text);
  if (known) return known;
  const near = nearest(text.trim(), RESOURCE_TYPE_WORDS);
  if (near.length === 0 && isResourceTypeShaped(text.trim())) return text.trim();
  const hint = near.length > 0 ? ` — did you mean ${near.join(' or ')}?` : '';
  ctx.addIssue({ code: 'custom', message: `a resource type like RDS, EBS, DynamoDB or S3${hint}` });
  return text;
});
export const Region = z
  .string({ error: 'a region like eu-west-1' })
  .refine(isRegionName, 'a region like eu-west-1');
export const Mention = z.string({ error: 'a mention like @here or <@U0123ABCD>' }).refine(
  (text) =>
    text
      .trim()
      .split(/\s+/)
      .every((token) => MENTION.test(token)),
  'a mention like @here, @channel, <@U0123ABCD> or <!subteam^S0123ABCD>',
);

export function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: `a list of ${what}` }).default([]);
}
