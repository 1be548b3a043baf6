import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListedJob, ListingState } from '../../src/backup/index.js';
import { type AwsFixture, allJobIds, listQuery, startAwsFixture } from '../helpers/aws.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

async function pageToEnd(fx: AwsFixture, listing: ListingState, pageSize: number) {
  const pages: ListedJob[][] = [];
  let current = listing;
  for (let i = 0; i < 10_000; i++) {
    const result = await fx.gateway.fetchPage(current, pageSize);
    pages.push(result.jobs);
    current = result.listing;
    if (!result.hasMore) break;
  }
  return pages;
}

function keys(jobs: ListedJob[]): string[] {
  return jobs.map((j) => `${j.region}/${j.jobId}`);
}

describe.each(['newest', 'shuffled'] as const)('paged listing across 3 regions (%s order)', (order) => {
  let fx: AwsFixture;
  beforeAll(async () => {
    fx = await startAwsFixture({ regions: REGIONS, accounts: 3, jobs: 2400, seed: 7, order });
  });
  afterAll(() => fx.close());

  it('returns every job of the organisation exactly once', async () => {
    const truth = (
      await Promise.all(REGIONS.map((r) => allJobIds(fx.emulator, r, { ByAccountId: '*' })))
    ).flat();
    const pages = await pageToEnd(fx, fx.gateway.openListing(listQuery({ filters: { account: '*' } })), 50);
    const seen = keys(pages.flat());
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(truth.map((t) => t.id)));
    expect(pages.slice(0, -1).every((p) => p.length === 50)).toBe(true);
  });

  it('unions several states and "completed with issues", filtered on the server', async () => {
    const all = (
      await Promise.all(REGIONS.map((r) => allJobIds(fx.emulator, r, { ByAccountId: '*' })))
    ).flat();
    const truth = all.filter(
      (t) =>
        t.state === 'FAILED' ||
        t.state === 'PARTIAL' ||
        (t.state === 'COMPLETED' && t.category !== 'SUCCESS'),
    );
    expect(truth.length).toBeGreaterThan(10);
    const query = listQuery({
      states: ['FAILED', 'PARTIAL'],
      withIssues: true,
      filters: { account: '*' },
    });
    const pages = await pageToEnd(fx, fx.gateway.openListing(query), 10);
    const seen = keys(pages.flat());
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(truth.map((t) => t.id)));
  });

  it('costs at most one call per stream per page, and lists newest first when AWS does', async () => {
    const listing = fx.gateway.openListing(listQuery({ states: ['COMPLETED'], filters: { account: '*' } }));
    expect(listing.streams).toHaveLength(3);
    fx.emulator.resetStats();
    const first = await fx.gateway.fetchPage(listing, 20);
    expect(first.calls).toBe(3);
    expect(fx.emulator.stats().calls.ListBackupJobs).toEqual({
      'us-east-1': 1,
      'eu-west-1': 1,
      'ap-southeast-2': 1,
    });
    const second = await fx.gateway.fetchPage(first.listing, 20);
    expect(second.calls).toBeLessThanOrEqual(3);
    expect(fx.emulator.stats().total).toBe(3 + second.calls);
    if (order === 'newest') {
      const times = [...first.jobs, ...second.jobs].map((j) => j.createdAt);
      expect(times).toEqual([...times].sort().reverse());
    }
  });
});

describe('filters and defaults', () => {
  let fx: AwsFixture;
  beforeAll(async () => {
    fx = await startAwsFixture({ regions: REGIONS, accounts: 3, jobs: 1500, seed: 3, defaultAccountId: '*' });
  });
  afterAll(() => fx.close());

  it('pushes every filter down to ListBackupJobs', async () => {
    const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const added = fx.emulator.addJobs(
      Array.from({ length: 5 }, (_, i) => ({
        Region: 'eu-west-1',
        AccountId: fx.emulator.accounts[1]!,
        ResourceType: 'RDS',
        State: 'COMPLETED' as const,
        CreationDate: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      })),
    );
    const query = listQuery({
      states: ['COMPLETED'],
      regions: ['eu-west-1'],
      filters: { resourceType: 'RDS', createdAfter: since, account: fx.emulator.accounts[1]! },
      pageSize: 50,
    });
    const listing = fx.gateway.openListing(query);
    expect(listing.streams.map((s) => s.region)).toEqual(['eu-west-1']);
    const jobs = (await pageToEnd(fx, listing, 50)).flat();
    expect(jobs.map((j) => j.jobId)).toEqual(expect.arrayContaining(added.map((a) => a.BackupJobId)));
    for (const job of jobs) {
      expect(job).toMatchObject({
        state: 'COMPLETED',
        resourceType: 'RDS',
        accountId: fx.emulator.accounts[1],
        region: 'eu-west-1',
      });
      expect(job.createdAt >= since).toBe(true);
    }
  });

  it('applies DEFAULT_ACCOUNT_ID when the query names no account', () => {
    expect(fx.gateway.openListing(listQuery()).filters.account).toBe('*');
    expect(fx.gateway.openListing(listQuery({ filters: { account: '123456789012' } })).filters.account).toBe(
      '123456789012',
    );
  });

  it('an empty result is one call per region and says there is no more', async () => {
    const result = await fx.gateway.fetchPage(
      fx.gateway.openListing(listQuery({ filters: { vault: 'no-such-vault' } })),
      10,
    );
    expect(result).toMatchObject({ jobs: [], hasMore: false, calls: 3, failures: [] });
  });
});
