import { z } from 'zod';
import type { AlertRuleKind } from '../blocks/alert-format.js';
import {
  COUNTABLE_OF_KIND,
  type FilterName,
  isJobKind,
  JOB_KINDS,
  type JobKind,
  KIND_NOUN,
  kindTakes,
} from '../domain/index.js';
import { checkKindFields } from './rule-fields.js';

/** What a rule watches: the jobs of a kind that ended in its window, or `stale` resources. */
const RULE_KINDS = [...JOB_KINDS, 'stale'] as const satisfies readonly AlertRuleKind[];

const KINDS = `one of ${RULE_KINDS.join(', ')}`;

function isRuleKind(value: string): value is AlertRuleKind {
  return (RULE_KINDS as readonly string[]).includes(value);
}

/** `kind:` of a rule, in any case; backup when left out. */
export const RuleKind = z
  .string({ error: KINDS })
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(RULE_KINDS, { error: KINDS }))
  .default('backup');

/**
 * A state of `states:` in any case, with spaces or dashes (`completed with issues`,
 * `Validation-Failed`). Which states a rule may count depends on its kind: `checkRuleKind` says.
 */
export const RuleState = z.string({ error: 'a state like FAILED' }).transform((s) =>
  s
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_'),
);

/** A rule's filters and the product filter each one sets; every kind takes `regions`. */
const RULE_FILTERS = [
  { field: 'accounts', filter: 'account', noun: 'account' },
  { field: 'resourceTypes', filter: 'resourceType', noun: 'resource type' },
  { field: 'vaults', filter: 'vault', noun: 'vault' },
  { field: 'regions', noun: 'Region' },
] as const satisfies readonly { field: string; filter?: FilterName; noun: string }[];

type RuleFilter = (typeof RULE_FILTERS)[number];

/** Every state a rule of some kind counts, in the order `COUNTABLE_OF_KIND` names them. */
const COUNTABLE_STATES: readonly string[] = [
  ...new Set(JOB_KINDS.flatMap((kind) => COUNTABLE_OF_KIND[kind])),
];

function takes(kind: JobKind, f: RuleFilter): boolean {
  return !('filter' in f) || kindTakes(kind, f.filter);
}

/** The rule fields a rule of `kind` may narrow with. */
function ruleFiltersOf(kind: JobKind): string[] {
  return RULE_FILTERS.filter((f) => takes(kind, f)).map((f) => f.field);
}

/**
 * What a rule of `kind` (undefined when the kind itself is wrong) may count instead of `state`, and
 * which kinds of rule count it when some do.
 */
function stateProblem(kind: JobKind | undefined, state: string): string {
  const list = `one of ${(kind ? COUNTABLE_OF_KIND[kind] : COUNTABLE_STATES).join(', ')}`;
  const others = JOB_KINDS.filter((k) => k !== kind && COUNTABLE_OF_KIND[k].includes(state));
  if (kind === undefined || (kind === 'backup' && others.length === 0)) return list;
  const what = `${list}, the states a ${kind} rule counts`;
  return others.length > 0 ? `${what}; ${state} is counted by ${others.join(' and ')} rules` : what;
}

function filterProblem(kind: JobKind, f: RuleFilter): string {
  return `no ${f.field}: ${KIND_NOUN[kind].many} have no ${f.noun}; a ${kind} rule filters by ${ruleFiltersOf(kind).join(', ')}`;
}

/**
 * The checks that depend on the rule's kind: the fields it needs and those it does not take, each
 * state one the kind counts, and each filter one the kind takes (a stale rule takes them all). Runs
 * beside the field checks, so every problem is listed at once; with a kind that is itself wrong,
 * states are checked against those of every kind.
 */
export function checkRuleKind(rule: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const named = typeof rule.kind === 'string' && isRuleKind(rule.kind) ? rule.kind : undefined;
  if (named === 'stale') {
    checkKindFields('stale', rule, ctx);
    return;
  }
  const kind = named !== undefined && isJobKind(named) ? named : undefined;
  const counted = kind ? COUNTABLE_OF_KIND[kind] : COUNTABLE_STATES;
  const states: unknown[] = Array.isArray(rule.states) ? rule.states : [];
  states.forEach((state, i) => {
    if (typeof state === 'string' && !counted.includes(state))
      ctx.addIssue({ code: 'custom', path: ['states', i], message: stateProblem(kind, state) });
  });
  if (kind === undefined) return;
  checkKindFields(kind, rule, ctx);
  for (const f of RULE_FILTERS) {
    const values = rule[f.field];
    if (!takes(kind, f) && Array.isArray(values) && values.length > 0)
      ctx.addIssue({ code: 'custom', path: [f.field], message: filterProblem(kind, f) });
  }
}
