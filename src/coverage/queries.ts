import type { CoverageStore } from './store.js';
import type { CopyFreshness, CoverageFilters, CoverageStatus, ResourceFreshness } from './types.js';

/** A resource whose last good backup (or copy to one destination) is older than asked. */
export interface StaleEntry {
  resource: ResourceFreshness;
  /** Set for copy freshness: the destination whose copies are old. */
  copy?: CopyFreshness;
  /** The last good backup or copy, absent when none is known (none in 30 days, never listed). */
  lastGoodAt?: string;
}

export interface StaleAnswer {
  entries: StaleEntry[];
  status: CoverageStatus;
}

function matches(record: ResourceFreshness, filters: CoverageFilters): boolean {
  const within = (values: readonly string[] | undefined, value: string | undefined) =>
    values === undefined ||
    values.length === 0 ||
    values.includes('*') ||
    (value !== undefined && values.some((v) => v.toLowerCase() === value.toLowerCase()));
  return (
    within(filters.accounts, record.accountId) &&
    within(filters.regions, record.region) &&
    within(filters.resourceTypes, record.resourceType) &&
    within(filters.vaults, record.vault)
  );
}

/**
 * Resources whose last good backup is older than `maxAgeMs` at `now` (or unknown), stalest first,
 * from the kept state: one sorted-set range and one read of the matching records, whatever the
 * size of the estate's fresh part. Resources that are gone are left out.
 */
export async function staleResources(
  store: CoverageStore,
  query: { maxAgeMs: number; copies: boolean; filters: CoverageFilters },
  now: Date,
): Promise<StaleAnswer> {
  const before = now.getTime() - query.maxAgeMs;
  const status = await store.status();
  if (!query.copies) {
    const arns = await store.staleArns(before);
    const records = await store.getMany(arns);
    const entries = arns
      .map((arn) => records.get(arn))
      .filter(
        (r): r is ResourceFreshness => r !== undefined && r.goneAt === undefined && matches(r, query.filters),
      )
      .map((resource) => ({
        resource,
        ...(resource.lastBackupAt ? { lastGoodAt: resource.lastBackupAt } : {}),
      }));
    return { entries, status };
  }
  const copies = await store.staleCopies(before);
  const records = await store.getMany([...new Set(copies.map((c) => c.arn))]);
  const entries: StaleEntry[] = [];
  for (const { arn, destination } of copies) {
    const resource = records.get(arn);
    const copy = resource?.copies?.[destination];
    if (!resource || !copy || resource.goneAt !== undefined || !matches(resource, query.filters)) continue;
    entries.push({ resource, copy, ...(copy.lastCopyAt ? { lastGoodAt: copy.lastCopyAt } : {}) });
  }
  return { entries, status };
}

/** One group of `coverage`: resources of a type in an account and Region, by freshness. */
export interface CoverageGroup {
  resourceType: string;
  accountId: string;
  region: string;
  fresh: number;
  stale: number;
  /** No good backup known in 30 days (and none listed by ListProtectedResources). */
  never: number;
}

/** Counts every known resource as fresh, stale or never backed up, grouped for the coverage table. */
export async function coverageGroups(
  store: CoverageStore,
  query: { maxAgeMs: number; filters: CoverageFilters },
  now: Date,
): Promise<{ groups: CoverageGroup[]; status: CoverageStatus }> {
  const before = now.getTime() - query.maxAgeMs;
  const groups = new Map<string, CoverageGroup>();
  for await (const batch of store.all()) {
    for (const record of batch) {
      if (record.goneAt !== undefined || !matches(record, query.filters)) continue;
      const resourceType = record.resourceType ?? 'unknown';
      const key = `${resourceType}\n${record.accountId}\n${record.region}`;
      const group = groups.get(key) ?? {
        resourceType,
        accountId: record.accountId,
        region: record.region,
        fresh: 0,
        stale: 0,
        never: 0,
      };
      if (record.lastBackupAt === undefined) group.never++;
      else if (Date.parse(record.lastBackupAt) < before) group.stale++;
      else group.fresh++;
      groups.set(key, group);
    }
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      b.stale + b.never - (a.stale + a.never) ||
      a.resourceType.localeCompare(b.resourceType) ||
      a.accountId.localeCompare(b.accountId) ||
      a.region.localeCompare(b.region),
  );
  return { groups: sorted, status: await store.status() };
}

/**
 * The resources a typed ARN or name points at: an ARN is looked up at once; a name (any case) or
 * the last part of an ARN is matched against every record, and several matches are all returned.
 */
export async function findResources(store: CoverageStore, typed: string): Promise<ResourceFreshness[]> {
  const text = typed.trim();
  if (text.startsWith('arn:')) {
    const record = await store.get(text);
    return record ? [record] : [];
  }
  const wanted = text.toLowerCase();
  const found: ResourceFreshness[] = [];
  for await (const batch of store.all()) {
    for (const record of batch) {
      const name = record.resourceName?.toLowerCase();
      const tail = record.resourceArn.split(/[:/]/).pop()?.toLowerCase();
      if (name === wanted || tail === wanted) found.push(record);
    }
  }
  return found.sort((a, b) => a.resourceArn.localeCompare(b.resourceArn));
}
