import { EVERY_ACCOUNT } from '../domain/index.js';
import { describeAmount, formatDuration, UNIT_MS } from '../time/duration.js';
import { orList } from './suggest.js';
import type { CoverageQuery, ResourceFilters, StaleQuery } from './types.js';

/**
 * Headings of the questions about protection gaps: `Resources with no good backup in the last 24
 * hours, of type RDS in account 111122223333, eu-west-1`, `Coverage: fresh within 26 hours`.
 */

export function describeStale(query: StaleQuery): string {
  const what = query.copies ? 'no copy' : 'no good backup';
  const age = ageWords(query.maxAgeMs);
  // One unit reads as the unit alone: "in the last hour", as lists say it.
  const within = /^1 [a-z]+$/.test(age) ? age.slice(2) : age;
  return `Resources with ${what} in the last ${within}${filtersPhrase(query.filters)}`;
}

export function describeCoverage(query: CoverageQuery): string {
  return `Coverage: fresh within ${ageWords(query.maxAgeMs)}${filtersPhrase(query.filters)}`;
}

/**
 * An age in the unit people count it in: whole days from two days up (`2 days`, `14 days`), whole
 * hours below (`24 hours`, `26 hours`: a daily backup's age reads in hours), whole minutes under
 * three hours (`90 minutes`), else the duration's words (`5 hours 30 minutes`).
 */
function ageWords(ms: number): string {
  if (ms >= 2 * UNIT_MS.day && ms % UNIT_MS.day === 0)
    return describeAmount({ amount: ms / UNIT_MS.day, unit: 'day' });
  if (ms >= UNIT_MS.hour && ms % UNIT_MS.hour === 0)
    return describeAmount({ amount: ms / UNIT_MS.hour, unit: 'hour' });
  if (ms < 3 * UNIT_MS.hour && ms % UNIT_MS.minute === 0)
    return describeAmount({ amount: ms / UNIT_MS.minute, unit: 'minute' });
  return formatDuration(ms, 'words');
}

/** `, of type RDS or EBS in vault prod in account 111122223333, eu-west-1`, or '' without filters. */
function filtersPhrase(f: ResourceFilters): string {
  const where = [accountsPhrase(f.accounts), orList(f.regions, 'and')].filter((p) => p !== '');
  const parts = [
    f.resourceTypes.length === 0 ? '' : `of type ${orList(f.resourceTypes)}`,
    f.vaults.length === 0 ? '' : `in ${f.vaults.length === 1 ? 'vault' : 'vaults'} ${orList(f.vaults)}`,
    where.length === 0 ? '' : `in ${where.join(', ')}`,
  ].filter((p) => p !== '');
  return parts.length === 0 ? '' : `, ${parts.join(' ')}`;
}

function accountsPhrase(accounts: readonly string[]): string {
  if (accounts.includes(EVERY_ACCOUNT)) return 'all accounts';
  if (accounts.length === 0) return '';
  return `${accounts.length === 1 ? 'account' : 'accounts'} ${orList(accounts, 'and')}`;
}
