/**
 * The query texts that resource answers' buttons run (through Run again): written in the words
 * people type, so that a click answers what the button says and the text reads back the same.
 */

import type { CoverageGroup } from '../coverage/queries.js';
import {
  isAccountId,
  isRegionName,
  isResourceTypeShaped,
  isVaultName,
  knownResourceType,
} from '../domain/index.js';
import { RETENTION_DAYS } from '../query/types.js';
import { UNIT_MS } from '../time/duration.js';
import { hasResourceValue } from './actions.js';

/** The kinds of job a resource's buttons list: restore jobs cannot be asked for by resource. */
export type ResourceJobKind = 'backup' | 'copy';

/**
 * `resource:<arn> last 30 days` (backup jobs) or `copies resource:<arn> last 30 days`; undefined
 * when the ARN is not one a query can name.
 */
export function resourceJobsQuery(arn: string, kind: ResourceJobKind): string | undefined {
  if (!hasResourceValue(arn)) return undefined;
  const filter = `resource:${arn} last ${RETENTION_DAYS} days`;
  return kind === 'copy' ? `copies ${filter}` : filter;
}

// Largest first: an age is written in the largest unit that holds it whole.
const AGE_UNITS: readonly [ms: number, letter: string][] = [
  [UNIT_MS.day, 'd'],
  [UNIT_MS.hour, 'h'],
  [UNIT_MS.minute, 'm'],
  [UNIT_MS.second, 's'],
];

/** An age as one word of a query, exactly: `26h`, `7d`, `90m`. */
export function ageWord(ms: number): string {
  const whole = Math.max(UNIT_MS.second, Math.ceil(ms / UNIT_MS.second) * UNIT_MS.second);
  const [size, letter] = AGE_UNITS.find(([unit]) => whole % unit === 0) ?? [UNIT_MS.second, 's'];
  return `${whole / size}${letter}`;
}

/** `key:value`, quoted when the value has spaces; undefined when no quoting could keep it whole. */
function filterWord(key: string, value: string): string | undefined {
  if (/["\u201c\u201d]/.test(value) || value.trim() !== value || value === '') return undefined;
  return /\s/.test(value) ? `${key}:"${value}"` : `${key}:${value}`;
}

function typeWord(type: string): string | undefined {
  // Resources of no known type are grouped as `unknown`: no filter names them.
  if (type === 'unknown') return undefined;
  return knownResourceType(type) !== undefined || isResourceTypeShaped(type)
    ? filterWord('type', type)
    : undefined;
}

/**
 * The stale list of one coverage group: `stale 26h type:RDS account:123456789012 region:us-east-1`,
 * with the coverage query's vaults. Undefined when the group cannot be named in a query (no type known).
 */
export function groupStaleQuery(
  group: CoverageGroup,
  maxAgeMs: number,
  vaults: readonly string[] = [],
): string | undefined {
  const type = typeWord(group.resourceType);
  if (type === undefined || !isAccountId(group.accountId) || !isRegionName(group.region)) return undefined;
  if (!vaults.every(isVaultName)) return undefined;
  const words = [
    'stale',
    ageWord(maxAgeMs),
    type,
    `account:${group.accountId}`,
    `region:${group.region}`,
    ...vaults.map((v) => `vault:${v}`),
  ];
  return words.join(' ');
}
