import { UNIT_MS } from '../time/duration.js';
import type { AgeCommand } from './age.js';
import { gapParsers } from './gap-parsers.js';
import type { Item } from './items.js';
import { rewrite } from './kind-checks.js';
import { clampPageSize } from './list.js';
import type { TimeContext } from './operands.js';
import { firstProblem, isError, kindOf, pageSizeOf, readItems } from './refine.js';
import { noPages, resourceFiltersOf } from './resource-filters.js';
import { quoteWord, type Token } from './tokens.js';
import {
  type CoverageQuery,
  DEFAULT_STALE_AGE_MS,
  type QueryError,
  RETENTION_DAYS,
  type StaleQuery,
} from './types.js';

/**
 * `stale [age] [copies] [filters] [limit:N] [public]`: resources whose last good backup (or copy)
 * is older than the age, 26 hours when none is typed. `tokens` is the whole query; the question's
 * own words start at `start`, after `stale`.
 */
export function parseStale(
  text: string,
  tokens: readonly Token[],
  start: number,
  t: TimeContext,
  defaultPageSize: number | undefined,
): StaleQuery | QueryError {
  const read = readGap('stale', tokens, start, t);
  if (isError(read)) return read;
  const { items, maxAgeMs, copies } = read;
  if (copies !== null && maxAgeMs > RETENTION_DAYS * UNIT_MS.day) {
    const age = ageText(items) ?? '';
    return {
      error: `Copies are known from the ${RETENTION_DAYS} days of copy jobs AWS keeps, so ${quoteWord(age)} is too long an age for them. Try "stale copies ${RETENTION_DAYS}d".`,
      suggestions: [`stale copies ${RETENTION_DAYS}d`],
    };
  }
  const pageSize = pageSizeOf(items);
  if (isError(pageSize)) return pageSize;
  return {
    kind: 'stale',
    text,
    notes: [],
    visibility: visibilityOf(items),
    maxAgeMs,
    copies: copies !== null,
    filters: resourceFiltersOf(items),
    pageSize: pageSize ?? clampPageSize(defaultPageSize),
  };
}

/** `coverage [age] [filters] [public]`: resources by type, account and Region, fresh or not. */
export function parseCoverage(
  text: string,
  tokens: readonly Token[],
  start: number,
  t: TimeContext,
): CoverageQuery | QueryError {
  const read = readGap('coverage', tokens, start, t);
  if (isError(read)) return read;
  const { items, maxAgeMs, copies } = read;
  if (copies !== null) {
    const without = rewrite(tokens, copies);
    return {
      error: `"coverage" counts backups, so ${quoteWord(copies)} does not apply. Try ${quoteWord(without)}, or "stale copies 48h" for resources whose copies are old.`,
      suggestions: [without, 'stale copies 48h'],
    };
  }
  const page = items.find((item) => item.kind === 'page-size');
  if (page !== undefined && 'text' in page) return noPages(page.text, tokens);
  return {
    kind: 'coverage',
    text,
    notes: [],
    visibility: visibilityOf(items),
    maxAgeMs,
    filters: resourceFiltersOf(items),
  };
}

interface GapWords {
  items: Item[];
  maxAgeMs: number;
  /** The words that asked for copies (`copies`), or null for backups. */
  copies: string | null;
}

/** The items of the question, its one age and the kind of recovery point it asks about. */
function readGap(
  command: AgeCommand,
  tokens: readonly Token[],
  start: number,
  t: TimeContext,
): GapWords | QueryError {
  const items = readItems(tokens.slice(start), gapParsers(command, tokens), t);
  const problem = firstProblem(items);
  if (problem !== null) return problem;
  const ages = items.filter((item): item is Extract<Item, { kind: 'age' }> => item.kind === 'age');
  const other = ages.find((age) => age.ms !== ages[0]?.ms);
  if (ages[0] !== undefined && other !== undefined) {
    return {
      error: `${quoteWord(ages[0].text)} and ${quoteWord(other.text)} conflict: "${command}" takes one age. Keep one of them.`,
      suggestions: [`${command} ${ages[0].text}`, `${command} ${other.text}`],
    };
  }
  const asked = kindOf(items);
  if (isError(asked)) return asked;
  if (asked.jobKind === 'restore') {
    return {
      error: `"${command}" looks at backups and copies, so ${quoteWord(asked.text ?? 'restores')} does not apply. Try "${command} 24h", or "restores last 7d" for the restore jobs.`,
      suggestions: [`${command} 24h`, 'restores last 7d'],
    };
  }
  return {
    items,
    maxAgeMs: ages[0]?.ms ?? DEFAULT_STALE_AGE_MS,
    copies: asked.jobKind === 'copy' ? (asked.text ?? 'copies') : null,
  };
}

function ageText(items: readonly Item[]): string | undefined {
  const age = items.find((item) => item.kind === 'age');
  return age !== undefined && 'text' in age ? age.text : undefined;
}

function visibilityOf(items: readonly Item[]): 'in_channel' | 'ephemeral' {
  return items.some((item) => item.kind === 'public') ? 'in_channel' : 'ephemeral';
}
