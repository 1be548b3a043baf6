/** The counts and rows of the coverage table. */

import type { KnownBlock } from '@slack/types';
import type { CoverageGroup } from '../coverage/queries.js';
import { ACTION, encodeQueryValue, indexedActionId } from './actions.js';
import { formatCount } from './format.js';
import { button, section } from './kit.js';
import { groupStaleQuery } from './resource-queries.js';
import { code, mrkdwnText } from './text.js';

/** Resources by freshness. */
export interface Counts {
  fresh: number;
  stale: number;
  never: number;
}

/** Stale or never backed up: what needs attention. */
export function bad(c: Counts): number {
  return c.stale + c.never;
}

/** Adds `c` into `into`. */
export function add(into: Counts, c: Counts): Counts {
  into.fresh += c.fresh;
  into.stale += c.stale;
  into.never += c.never;
  return into;
}

/** `5 fresh · 2 stale · 1 never backed up`. */
export function countsText(c: Counts): string {
  return `${formatCount(c.fresh)} fresh · ${formatCount(c.stale)} stale · ${formatCount(c.never)} never backed up`;
}

/** `:no_entry_sign:` when some were never backed up, `:warning:` when some are stale. */
export function icon(c: Counts): string {
  if (c.never > 0) return ':no_entry_sign:';
  return c.stale > 0 ? ':warning:' : ':large_green_circle:';
}

/** A resource type in bold, escaped; resources of no known type are grouped as `unknown`. */
export function typeName(type: string, max: number): string {
  return type === 'unknown' ? '_type unknown_' : `*${mrkdwnText(type, max)}*`;
}

/** Types with most stale or never backed up first; within a type, its stalest groups first. */
export function coverageOrder(groups: readonly CoverageGroup[]): TypeGroups[] {
  const byType = new Map<string, TypeGroups>();
  for (const g of groups) {
    const entry = byType.get(g.resourceType) ?? {
      type: g.resourceType,
      counts: { fresh: 0, stale: 0, never: 0 },
      groups: [],
    };
    add(entry.counts, g);
    entry.groups.push(g);
    byType.set(g.resourceType, entry);
  }
  const types = [...byType.values()].sort(
    (a, b) => bad(b.counts) - bad(a.counts) || a.type.localeCompare(b.type),
  );
  for (const t of types) {
    t.groups.sort(
      (a, b) => bad(b) - bad(a) || a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region),
    );
  }
  return types;
}

/** The groups of one resource type and their sum. */
export interface TypeGroups {
  type: string;
  counts: Counts;
  groups: CoverageGroup[];
}

/**
 * One group's row: its type, account and Region, its counts, and a button into its stale list when
 * something in it is stale and the group can be named in a query.
 */
export function groupRow(
  g: CoverageGroup,
  index: number,
  asked: { maxAgeMs: number; vaults?: readonly string[] | undefined },
  typeMax: number,
): KnownBlock {
  const text = `${icon(g)} ${typeName(g.resourceType, typeMax)} · account ${code(g.accountId, 40)} · ${mrkdwnText(
    g.region,
    30,
  )}\n${countsText(g)}`;
  const query = bad(g) > 0 ? groupStaleQuery(g, asked.maxAgeMs, asked.vaults) : undefined;
  const open =
    query === undefined
      ? undefined
      : button({
          text: 'Stale list',
          actionId: indexedActionId(ACTION.runAgain, index),
          value: encodeQueryValue(query),
        });
  return section(text, `bj_coverage_row_${index}`, open);
}
