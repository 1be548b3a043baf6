import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
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
import { parseDuration } from '../time/duration.js';
import { isTimeZone } from '../time/zone.js';
import { RulesError, rulesProblems } from './rules-errors.js';
import type { AlertStateName } from './types.js';

export { RulesError } from './rules-errors.js';

const STATES = ['FAILED', 'PARTIAL', 'ABORTED', 'EXPIRED', 'COMPLETED_WITH_ISSUES'] as const;
const MIN_EVERY_MS = 5000;
/** ListBackupJobs keeps 30 days: a longer window could never be counted. */
const MAX_WINDOW_MS = 30 * 86_400_000;
const MENTION =
  /^(@here|@channel|@everyone|<!here>|<!channel>|<!everyone>|<@[UW][A-Z0-9]+>|<!subteam\^S[A-Z0-9]+(\|[^>]*)?>)$/;

function duration(example: string, minMs: number, maxMs = Number.POSITIVE_INFINITY) {
  const hint = `a duration like ${example} (s, m, h, d or w, combined like 1h30m)`;
  return z.string({ error: hint }).transform((text, ctx) => {
    const ms = parseDuration(text) ?? undefined;
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: hint });
    else if (ms < minMs) ctx.addIssue({ code: 'custom', message: `at least ${minMs / 1000}s` });
    else if (ms > maxMs) ctx.addIssue({ code: 'custom', message: `at most ${maxMs / 86_400_000}d` });
    return ms ?? 0;
  });
}

const Slug = z.string({ error: 'a name like prod-failures' }).regex(RULE_NAME, RULE_NAME_RULE);
const ChannelId = z
  .string({ error: 'a Slack channel id like C0123ALERTS' })
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'a Slack channel id like C0123ALERTS');
const State = z
  .string({ error: `one of ${STATES.join(', ')}` })
  .transform((s) =>
    s
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_'),
  )
  .pipe(z.enum(STATES, { error: `one of ${STATES.join(', ')}` }));
const Account = z
  .string({ error: 'a 12-digit account id or *' })
  .refine(isAccountScope, 'a 12-digit account id or *');
// A documented type by any of its names. A name close to none of them, as AWS may add types, is
// counted as written; one close to a documented name is a typo, which would never count anything.
const ResourceType = z.string({ error: 'a resource type like RDS or EBS' }).transform((text, ctx) => {
  const known = knownResourceType(text);
  if (known) return known;
  const near = nearest(text.trim(), RESOURCE_TYPE_WORDS);
  if (near.length === 0 && isResourceTypeShaped(text.trim())) return text.trim();
  const hint = near.length > 0 ? ` — did you mean ${near.join(' or ')}?` : '';
  ctx.addIssue({ code: 'custom', message: `a resource type like RDS, EBS, DynamoDB or S3${hint}` });
  return text;
});
const Region = z.string({ error: 'a region like eu-west-1' }).refine(isRegionName, 'a region like eu-west-1');
const Mention = z.string({ error: 'a mention like @here or <@U0123ABCD>' }).refine(
  (text) =>
    text
      .trim()
      .split(/\s+/)
      .every((token) => MENTION.test(token)),
  'a mention like @here, @channel, <@U0123ABCD> or <!subteam^S0123ABCD>',
);

function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: `a list of ${what}` }).default([]);
}

/** One alert rule as written in the rules file; durations come out in milliseconds. */
export const AlertRule = z.strictObject({
  name: Slug,
  channel: ChannelId,
  states: z.array(State, { error: `a list of states: ${STATES.join(', ')}` }).min(1, 'at least one state'),
  threshold: z
    .number({ error: 'a whole number of at least 1, like 3' })
    .int('a whole number')
    .min(1, 'at least 1'),
  window: duration('1h or 24h', 60_000, MAX_WINDOW_MS),
  every: duration('5m', MIN_EVERY_MS).default(5 * 60_000),
  accounts: list(Account, '12-digit account ids or *'),
  resourceTypes: list(ResourceType, 'resource types like RDS'),
  vaults: list(z.string().min(1, 'a vault name'), 'vault names'),
  regions: list(Region, 'regions like eu-west-1'),
  renotify: duration('4h', MIN_EVERY_MS).optional(),
  mention: Mention.optional(),
});
export type AlertRule = Omit<z.infer<typeof AlertRule>, 'states'> & { states: AlertStateName[] };

/** A daily digest: yesterday's counts posted to a channel at a local time. */
export const DigestRule = z.strictObject({
  channel: ChannelId,
  at: z
    .string({ error: 'a time like "09:00"' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like "09:00" (HH:MM)'),
  tz: z
    .string({ error: 'an IANA zone like Europe/Berlin' })
    .refine(isTimeZone, 'an IANA zone like Europe/Berlin')
    .default('UTC'),
  accounts: list(Account, '12-digit account ids or *'),
  regions: list(Region, 'regions like eu-west-1'),
});
export type DigestRule = z.infer<typeof DigestRule>;

export const RulesFile = z.strictObject({
  rules: z.array(AlertRule, { error: 'a list of rules' }).default([]),
  digests: z.array(DigestRule, { error: 'a list of digests' }).default([]),
});
export interface RulesFile {
  rules: AlertRule[];
  digests: DigestRule[];
}

/** Validates a parsed rules document. Throws one RulesError listing every problem, each naming rule and field. */
export function parseRules(doc: unknown, source = 'rules file'): RulesFile {
  const parsed = RulesFile.safeParse(doc ?? {});
  const problems = rulesProblems(doc, parsed.success ? [] : parsed.error.issues);
  if (problems.length > 0 || !parsed.success) throw new RulesError(source, problems);
  return parsed.data as RulesFile;
}

/** Reads and validates the YAML rules file at `path`. */
export async function loadRules(path: string): Promise<RulesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new RulesError(path, [`cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`]);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : '';
    throw new RulesError(path, [`is not valid YAML${where}: ${(err as Error).message.split('\n')[0]}`]);
  }
  return parseRules(doc, path);
}
