import type { z } from 'zod';
import { fieldSentence, unknownFieldSentence } from './rule-input-errors.js';
import { type AlertRule, AlertRule as AlertRuleSchema, isStaleRule, ruleKind } from './rules.js';

/** A rule as a person enters it: the rules-file fields (durations as text like "26h"), as the YAML would hold them. */
export type RuleInput = Record<string, unknown>;

/**
 * What is wrong with a rule as entered, by rules-file field name (name, kind, channel, states,
 * threshold, window, maxAge, copies, every, accounts, resourceTypes, vaults, regions, renotify,
 * mention): one sentence each, with an example of a right value.
 */
export type FieldErrors = Partial<Record<string, string>>;

/** Where a problem that belongs to no field goes: the kind says what the rule is. */
const WHOLE_RULE = 'kind';

function errorsOf(input: RuleInput, issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  // The first problem of a field is its sentence: zod lists a field's own checks before the
  // checks of its kind, which are about the fields together.
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors[key] ??= unknownFieldSentence(key);
      continue;
    }
    const [head] = issue.path;
    const field = typeof head === 'string' ? head : WHOLE_RULE;
    errors[field] ??= fieldSentence(field, issue, input);
  }
  return errors;
}

/** Checks a rule as entered with the rules file's own checks: the rule, or every field's problem. */
export function checkRuleInput(
  input: RuleInput,
): { ok: true; rule: AlertRule } | { ok: false; errors: FieldErrors } {
  const parsed = AlertRuleSchema.safeParse(input);
  if (parsed.success) return { ok: true, rule: parsed.data };
  return { ok: false, errors: errorsOf(input, parsed.error.issues) };
}

const TEXT_UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/**
 * A duration as a person would type it, that parses back to exactly `ms`: `26h`, `90m`, `2d`, or
 * `1d2h3m4s` when no one unit fits. Not time/duration's `formatDuration`, which rounds to two
 * units for reading: a form must not change a rule that is saved again untouched.
 */
export function durationText(ms: number): string {
  const whole = TEXT_UNITS.find(([, size]) => ms % size === 0 && ms / size < 1_000_000);
  if (whole) return `${ms / whole[1]}${whole[0]}`;
  let rest = ms;
  let text = '';
  for (const [letter, size] of TEXT_UNITS.slice(0, 3)) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) text += `${n}${letter}`;
  }
  // The duration parser reads up to three decimals of a unit.
  return rest > 0 ? `${text}${rest / 1000}s` : text;
}

/** The inverse of `checkRuleInput`: a rule back to the input a form would show (durations like "26h"). */
export function inputOfRule(rule: AlertRule): RuleInput {
  const input: RuleInput = { name: rule.name, kind: ruleKind(rule), channel: rule.channel };
  if (isStaleRule(rule)) {
    input.maxAge = durationText(rule.maxAge);
    if (rule.copies) input.copies = true;
    input.threshold = rule.threshold;
  } else {
    input.states = [...rule.states];
    input.threshold = rule.threshold;
    input.window = durationText(rule.window);
  }
  input.every = durationText(rule.every);
  for (const field of ['accounts', 'resourceTypes', 'vaults', 'regions'] as const)
    if (rule[field].length > 0) input[field] = [...rule[field]];
  if (rule.renotify !== undefined) input.renotify = durationText(rule.renotify);
  if (rule.mention !== undefined) input.mention = rule.mention;
  return input;
}
