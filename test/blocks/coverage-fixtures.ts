import type { CoverageGroup, StaleEntry } from '../../src/coverage/queries.js';
import type { CopyFreshness, CoverageStatus, ResourceFreshness } from '../../src/coverage/types.js';
import { hostileText, NOW } from './fixtures.js';

export { NOW };

/** A time `hours` before NOW (Tuesday 2026-11-10 15:30 UTC). */
export function hoursAgo(hours: number): string {
  return new Date(NOW.getTime() - hours * 3_600_000).toISOString();
}

/** An RDS database backed up three days ago, listed by AWS Backup; override what a test is about. */
export function resource(overrides: Partial<ResourceFreshness> = {}): ResourceFreshness {
  return {
    resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
    resourceType: 'RDS',
    resourceName: 'orders-db',
    accountId: '123456789012',
    region: 'us-east-1',
    lastBackupAt: hoursAgo(72),
    lastBackupJobId: 'A1B2C3D4-0000-4000-8000-000000000001',
    lastJob: {
      jobId: 'F0000000-0000-4000-8000-000000000001',
      state: 'FAILED',
      at: hoursAgo(13.5),
      reason: 'Access denied to KMS key',
    },
    plan: 'daily-35d',
    vault: 'prod-vault',
    listedAt: hoursAgo(0.5),
    ...overrides,
  };
}

/** Copies of `resource()` to dr-vault in us-west-2 of account 999988887777, last four days ago. */
export function copy(overrides: Partial<CopyFreshness> = {}): CopyFreshness {
  return {
    destinationRegion: 'us-west-2',
    destinationAccountId: '999988887777',
    destinationVault: 'dr-vault',
    lastCopyAt: hoursAgo(96),
    lastJob: {
      jobId: 'C0000000-0000-4000-8000-000000000009',
      state: 'FAILED',
      at: hoursAgo(2),
      reason: 'Throttled',
    },
    ...overrides,
  };
}

/** A stale entry for a resource, its last good time taken from it as the queries do. */
export function entry(r: ResourceFreshness = resource(), destination?: CopyFreshness): StaleEntry {
  if (destination) {
    return {
      resource: r,
      copy: destination,
      ...(destination.lastCopyAt ? { lastGoodAt: destination.lastCopyAt } : {}),
    };
  }
  return { resource: r, ...(r.lastBackupAt ? { lastGoodAt: r.lastBackupAt } : {}) };
}

/** A pass that finished two minutes before NOW, every account read. */
export function status(overrides: Partial<CoverageStatus> = {}): CoverageStatus {
  return {
    passAt: new Date(NOW.getTime() - 120_000).toISOString(),
    accounts: [{ accountId: '123456789012', readAt: hoursAgo(0.1) }],
    resources: 1204,
    ...overrides,
  };
}

/** `count` entries with everything as long and hostile as AWS allows, some never backed up, some copies. */
export function worstEntries(count: number, copies = false): StaleEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const r = resource({
      resourceArn: `arn:aws:ec2:us-east-1:123456789012:volume/${'v'.repeat(1500)}${i}`,
      resourceName: hostileText(255),
      resourceType: 'SAP HANA on Amazon EC2',
      plan: hostileText(300),
      vault: hostileText(50),
      lastBackupWithIssues: i % 2 === 0,
      lastJob: {
        jobId: hostileText(300),
        state: i % 3 ? 'FAILED' : '<!channel> NEW_STATE',
        at: hoursAgo(i),
        reason: hostileText(10_000),
      },
      lastBackupAt: hoursAgo(30 + i),
    });
    if (i % 4 === 0) delete r.lastBackupAt;
    if (i % 5 === 0) delete r.listedAt;
    const destination = copies
      ? copy({
          destinationRegion: hostileText(40),
          destinationAccountId: hostileText(40),
          destinationVault: hostileText(200),
          lastJob: {
            jobId: hostileText(300),
            state: 'PARTIAL',
            at: hoursAgo(1),
            reason: hostileText(10_000),
          },
        })
      : undefined;
    return entry(r, destination);
  });
}

/** A status with a failed pass after the last good one and many accounts not read in full. */
export function worstStatus(): CoverageStatus {
  return {
    passAt: hoursAgo(3),
    failure: { at: hoursAgo(1), reason: hostileText(5000) },
    accounts: Array.from({ length: 500 }, (_, i) => ({
      accountId: i % 2 ? hostileText(60) : String(100000000000 + i),
      ...(i % 3 ? { problem: hostileText(2000) } : {}),
    })),
    resources: 123_456_789,
  };
}

/** A coverage group; override what a test is about. */
export function group(overrides: Partial<CoverageGroup> = {}): CoverageGroup {
  return {
    resourceType: 'RDS',
    accountId: '123456789012',
    region: 'us-east-1',
    fresh: 5,
    stale: 2,
    never: 1,
    ...overrides,
  };
}
