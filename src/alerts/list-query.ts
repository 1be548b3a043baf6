import type { JobState } from '../domain/index.js';
import { DEFAULT_PAGE_SIZE, type ListFilters, type ListQuery } from '../query/types.js';
import type { AlertRule } from './rules.js';

function single(values: readonly string[]): string | undefined {
  return values.length === 1 ? values[0] : undefined;
}

/**
 * The list query behind an alert's Show jobs button: the rule's states and filters over its window
 * ending `now`. ListQuery holds one value per filter, so a rule with several accounts, types or
 * vaults lists them all and says so in a note.
 */
export function ruleToListQuery(rule: AlertRule, now: Date): ListQuery {
  const states = rule.states.filter(
    (s): s is JobState & AlertRule['states'][number] => s !== 'COMPLETED_WITH_ISSUES',
  );
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
  return {
    kind: 'list',
    text: `alert ${rule.name}`,
    notes,
    visibility: 'ephemeral',
    states,
    withIssues: rule.states.includes('COMPLETED_WITH_ISSUES'),
    filters,
    regions: [...rule.regions],
    pageSize: DEFAULT_PAGE_SIZE,
  };
}
