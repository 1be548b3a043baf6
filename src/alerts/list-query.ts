import { type AnyState, isDerivedOutcome } from '../domain/index.js';
import { listQueryOf } from '../query/list.js';
import type { ListFilters, ListQuery, ValidationOutcome } from '../query/types.js';
import { UNIT_MS } from '../time/duration.js';
import { type CountRule, ruleKind, type StaleRule } from './rules.js';

/** The validation outcome a list asks for, by the rule state that counts it. */
const VALIDATION: Readonly<Partial<Record<CountRule['states'][number], ValidationOutcome>>> = {
  VALIDATION_FAILED: 'FAILED',
  VALIDATION_TIMED_OUT: 'TIMED_OUT',
};

function single(values: readonly string[]): string | undefined {
  return values.length === 1 ? values[0] : undefined;
}

/**
 * The list query behind an alert's Show jobs button: jobs of the rule's kind in its states and
 * outcomes (completed with issues, restore validation), with its filters, over its window ending
 * `now`. ListQuery holds one value per filter, so a rule with several accounts, types or vaults
 * lists them all and says so in a note.
 */
export function ruleToListQuery(rule: CountRule, now: Date): ListQuery {
  const states: AnyState[] = [...new Set(rule.states.filter((s) => !isDerivedOutcome(s)))];
  const validation = [...new Set(rule.states.flatMap((s) => VALIDATION[s] ?? []))];
  const filters: ListFilters = { completedAfter: new Date(now.getTime() - rule.window).toISOString() };
  const notes: string[] = [];
  const account = rule.accounts.length > 1 ? '*' : single(rule.accounts);
  if (account) filters.account = account;
  const type = single(rule.resourceTypes);
  if (type) filters.resourceType = type;
  const vault = single(rule.vaults);
  if (vault) filters.vault = vault;
  if (rule.accounts.length > 1)
    notes.push(`The rule counts accounts ${rule.accounts.join(', ')}; this list shows every account.`);
  if (rule.resourceTypes.length > 1)
    notes.push(`The rule counts ${rule.resourceTypes.join(', ')}; this list shows every resource type.`);
  if (rule.vaults.length > 1)
    notes.push(`The rule counts vaults ${rule.vaults.join(', ')}; this list shows every vault.`);
  return listQueryOf(ruleKind(rule), `alert ${rule.name}`, {
    notes,
    states,
    withIssues: rule.states.includes('COMPLETED_WITH_ISSUES'),
    validation,
    filters,
    regions: [...rule.regions],
  });
}

/** The filters of a stale rule as `stale` takes them: `type:RDS,EBS`, quoted when a value has spaces. */
const STALE_FILTERS = [
  ['account', 'accounts'],
  ['type', 'resourceTypes'],
  ['vault', 'vaults'],
  ['region', 'regions'],
] as const satisfies readonly (readonly [string, keyof StaleRule])[];

/** An age as one exact word the query language reads back: `26h`, `90m`. */
function ageWord(ms: number): string {
  if (ms % UNIT_MS.hour === 0) return `${ms / UNIT_MS.hour}h`;
  if (ms % UNIT_MS.minute === 0) return `${ms / UNIT_MS.minute}m`;
  return `${Math.round(ms / UNIT_MS.second)}s`;
}

/**
 * The question behind a stale alert's Show button, as people type it: `stale 26h type:RDS` or
 * `stale copies 48h account:111122223333`. It lists the resources the rule counts.
 */
export function staleQueryText(rule: StaleRule): string {
  const words = ['stale', ...(rule.copies ? ['copies'] : []), ageWord(rule.maxAge)];
  for (const [key, field] of STALE_FILTERS) {
    const values = rule[field].join(',');
    if (values !== '')
      words.push(/[\s"]/.test(values) ? `${key}:"${values.replace(/"/g, '')}"` : `${key}:${values}`);
  }
  return words.join(' ');
}
