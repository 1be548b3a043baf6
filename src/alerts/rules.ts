import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { AlertRuleKind } from '../blocks/alert-format.js';
import { type StaleState, staleState } from '../coverage/alert-count.js';
import type { JobKind } from '../domain/index.js';
import { MAX_AGE_MS } from '../query/age.js';
import { UNIT_MS } from '../time/duration.js';
import { isTimeZone } from '../time/zone.js';
import { KIND_FIELD_HINTS } from './rule-fields.js';
import { checkRuleKind, RuleKind, RuleState } from './rule-kinds.js';
import {
  Account,
  ChannelId,
  duration,
  list,
  MAX_WINDOW_MS,
  Mention,
  MIN_EVERY_MS,
  Region,
  ResourceType,
  Slug,
} from './rule-values.js';
import { RulesError, rulesProblems } from './rules-errors.js';
import type { AlertStateName } from './types.js';

export { RulesError } from './rules-errors.js';

/** The fields of one alert rule as written in the rules file; durations come out in milliseconds. */
const RuleFields = z
  .strictObject({
    name: Slug,
    kind: RuleKind,
    channel: ChannelId,
    states: z.array(RuleState, { error: KIND_FIELD_HINTS.states }).min(1, 'at least one state').optional(),
    threshold: z
      .number({ error: KIND_FIELD_HINTS.threshold })
      .int('a whole number')
      .min(1, 'at least 1')
      .optional(),
    window: duration('1h or 24h', 60_000, MAX_WINDOW_MS).optional(),
    maxAge: duration('26h', UNIT_MS.hour, MAX_AGE_MS).optional(),
    copies: z.boolean({ error: KIND_FIELD_HINTS.copies }).optional(),
    every: duration('5m', MIN_EVERY_MS).default(5 * 60_000),
    accounts: list(Account, '12-digit account ids or *'),
    resourceTypes: list(ResourceType, 'resource types like RDS'),
    vaults: list(z.string().min(1, 'a vault name'), 'vault names'),
    regions: list(Region, 'regions like eu-west-1'),
    renotify: duration('4h', MIN_EVERY_MS).optional(),
    mention: Mention.optional(),
  })
  // Runs even when some fields are wrong, so that the file's problems are all listed at once.
  .check(
    z.superRefine(checkRuleKind, {
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  );

interface RuleBase {
  name: string;
  channel: string;
  threshold: number;
  /** In ms: jobs that ended this long before the tick count; a stale rule's is its maxAge. */
  window: number;
  every: number;
  accounts: string[];
  resourceTypes: string[];
  vaults: string[];
  regions: string[];
  renotify?: number | undefined;
  mention?: string | undefined;
}

/** A rule that counts the jobs of one kind that ended in its window in some states. */
export interface CountRule extends RuleBase {
  /** Absent means backup; the rules file always sets it. */
  kind?: JobKind;
  states: AlertStateName[];
}

/**
 * A rule that counts resources whose last good backup (or, with `copies`, copy to another Region
 * or account) is older than `maxAge`. Its `window` is `maxAge` and its one state says which, so
 * status lines, messages and the alert engine read it as they read any rule.
 */
export interface StaleRule extends RuleBase {
  kind: 'stale';
  maxAge: number;
  copies: boolean;
  states: StaleState[];
}

export type AlertRule = CountRule | StaleRule;

/** One alert rule as written in the rules file, checked, with its kind's defaults. */
export const AlertRule = RuleFields.transform((fields): AlertRule => {
  const { kind, states, threshold, window, maxAge, copies, ...rest } = fields;
  // checkRuleKind has made sure each kind has its fields: the fallbacks are never used.
  if (kind === 'stale') {
    const age = maxAge ?? 0;
    const copied = copies ?? false;
    return {
      ...rest,
      kind,
      maxAge: age,
      copies: copied,
      window: age,
      states: [staleState(copied)],
      threshold: threshold ?? 1,
    };
  }
  return {
    ...rest,
    kind,
    states: (states ?? []) as AlertStateName[],
    threshold: threshold ?? 1,
    window: window ?? 0,
  };
});

/** True for a rule that watches resources' last good backups rather than counting jobs. */
export function isStaleRule(rule: AlertRule): rule is StaleRule {
  return rule.kind === 'stale';
}

/** The kind of job a rule counts, or `stale` for a rule that watches resources. */
export function ruleKind(rule: Pick<CountRule, 'kind'>): JobKind;
export function ruleKind(rule: Pick<AlertRule, 'kind'>): AlertRuleKind;
export function ruleKind(rule: Pick<AlertRule, 'kind'>): AlertRuleKind {
  return rule.kind ?? 'backup';
}

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
  return parsed.data;
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
