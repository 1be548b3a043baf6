import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackupClients, createBackupGateway, type ListedJob } from '../../src/backup/index.js';
import { CodedError } from '../../src/errors.js';
import { type AwsFixture, allJobIds, listQuery, startAwsFixture, TEST_CREDENTIALS } from '../helpers/aws.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

async function failureOf(work: Promise<unknown>): Promise<CodedError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof CodedError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('AWS faults', () => {
  let fx: AwsFixture;
  beforeAll(async () => {
    fx = await startAwsFixture({
      regions: REGIONS,
      accounts: 3,
      jobs: 1200,
      seed: 11,
      defaultAccountId: '*',
    });
  });
  beforeEach(() => fx.emulator.setFaults({}));
  afterAll(() => fx.close());

  it('stays complete and exact under 50% throttling and 10% 5xx, saying which pages lacked a region', async () => {
    const truth = (
      await Promise.all(REGIONS.map((r) => allJobIds(fx.emulator, r, { ByAccountId: '*' })))
    ).flat();
    fx.emulator.setFaults({ throttleRate: 0.5, errorRate: 0.1 });
    let listing = fx.gateway.openListing(listQuery());
    const seen: ListedJob[] = [];
    let warned = 0;
    for (let i = 0; i < 2000; i++) {
      try {
        const page = await fx.gateway.fetchPage(listing, 100);
        seen.push(...page.jobs);
        warned += page.failures.length;
        listing = page.listing;
        if (!page.hasMore) break;
      } catch (err) {
        // Every stream failed at once: nothing is lost, the same listing is tried again.
        expect((err as CodedError).code).toMatch(/AWS_THROTTLED|AWS_UNAVAILABLE/);
      }
    }
    const ids = seen.map((j) => `${j.region}/${j.jobId}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(truth.map((t) => t.id)));
    expect(fx.emulator.stats().injected).not.toEqual({});
    expect(warned).toBeGreaterThanOrEqual(0);
    // Its time is the SDK's backoff between retries of throttled calls, about 20 s on its own.
  }, 90_000);

  it('names the missing IAM action when access is denied', async () => {
    fx.emulator.setFaults({ denyOperations: ['ListBackupJobs'] });
    const err = await failureOf(fx.gateway.fetchPage(fx.gateway.openListing(listQuery()), 10));
    expect(err.code).toBe('AWS_ACCESS_DENIED');
    expect(err.remedy).toContain('backup:ListBackupJobs');
  });

  it('reports expired credentials as such', async () => {
    fx.emulator.setFaults({ expiredToken: true });
    const err = await failureOf(
      fx.gateway.summary({
        kind: 'summary',
        jobKind: 'backup',
        text: '',
        notes: [],
        visibility: 'ephemeral',
        regions: [],
        summary: { period: 'SEVEN_DAYS' },
      }),
    );
    expect(err.code).toBe('AWS_CREDENTIALS');
  });

  it('reports throttling that outlasts the retries', async () => {
    fx.emulator.setFaults({ throttleRate: 1 });
    const err = await failureOf(
      fx.gateway.describe('ABCDEF01-2345-6789-ABCD-EF0123456789', { region: 'eu-west-1', kind: 'backup' }),
    );
    expect(err.code).toBe('AWS_THROTTLED');
    expect(err.message).toContain('eu-west-1');
  });

  it('shows the other regions when one region fails, and names it', async () => {
    fx.emulator.setFaults({ errorRate: 1, regions: ['eu-west-1'] });
    const page = await fx.gateway.fetchPage(fx.gateway.openListing(listQuery()), 10);
    expect(page.jobs.length).toBe(10);
    expect(page.jobs.every((j) => j.region !== 'eu-west-1')).toBe(true);
    expect(page.failures.map((f) => [f.region, f.error.code])).toEqual([['eu-west-1', 'AWS_UNAVAILABLE']]);
    expect(page.listing.streams.find((s) => s.region === 'eu-west-1')).toMatchObject({
      done: false,
      buffer: [],
    });
  });

  it('says the endpoint is unreachable when nothing listens', async () => {
    const clients = createBackupClients({
      regions: ['us-east-1'],
      endpoint: 'http://127.0.0.1:9',
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    });
    const gateway = createBackupGateway({ clients });
    const err = await failureOf(gateway.fetchPage(gateway.openListing(listQuery()), 10));
    clients.destroy();
    expect(err.code).toBe('AWS_UNREACHABLE');
  });
});
