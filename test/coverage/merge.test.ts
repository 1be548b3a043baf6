import { describe, expect, it } from 'vitest';
import type { BackupJob, CopyJob } from '../../src/backup/index.js';
import {
  applyBackupJob,
  applyCopyJob,
  applyProtected,
  countsForFreshness,
  goneAfterRead,
  type ResourceFreshness,
} from '../../src/coverage/index.js';

const ARN = 'arn:aws:rds:eu-west-1:111122223333:db:orders';

function backup(over: Partial<BackupJob>): BackupJob {
  return {
    kind: 'backup',
    jobId: 'B1',
    region: 'eu-west-1',
    accountId: '111122223333',
    state: 'COMPLETED',
    resourceArn: ARN,
    resourceType: 'RDS',
    resourceName: 'orders',
    createdAt: '2026-11-01T00:00:00.000Z',
    completedAt: '2026-11-01T01:00:00.000Z',
    isParent: false,
    ...over,
  };
}

function copy(over: Partial<CopyJob>): CopyJob {
  return {
    kind: 'copy',
    jobId: 'C1',
    region: 'eu-west-1',
    accountId: '111122223333',
    state: 'COMPLETED',
    resourceArn: ARN,
    resourceType: 'RDS',
    createdAt: '2026-11-01T02:00:00.000Z',
    completedAt: '2026-11-01T03:00:00.000Z',
    destinationRegion: 'us-west-2',
    destinationAccountId: '999988887777',
    destinationVaultName: 'dr',
    isParent: false,
    ...over,
  };
}

function fold(jobs: (BackupJob | CopyJob)[]): ResourceFreshness | undefined {
  let record: ResourceFreshness | undefined;
  for (const job of jobs)
    record = job.kind === 'backup' ? applyBackupJob(record, job) : applyCopyJob(record, job);
  return record;
}

describe('a resource record moved by jobs', () => {
  it('keeps the last good backup apart from the last job, with its plan and vault', () => {
    const record = fold([
      backup({
        jobId: 'B1',
        completedAt: '2026-11-01T01:00:00.000Z',
        vaultName: 'prod',
        plan: { name: 'daily' },
      }),
      backup({
        jobId: 'B2',
        state: 'FAILED',
        completedAt: '2026-11-02T01:00:00.000Z',
        statusMessage: 'IAM role cannot be assumed',
        vaultName: 'prod',
        plan: { name: 'daily' },
      }),
    ]);
    expect(record).toMatchObject({
      lastBackupAt: '2026-11-01T01:00:00.000Z',
      lastBackupJobId: 'B1',
      lastJob: { jobId: 'B2', state: 'FAILED', reason: 'IAM role cannot be assumed' },
      plan: 'daily',
      vault: 'prod',
    });
  });

  it('gives the same record whatever the order, and when jobs are read twice', () => {
    const jobs = [
      backup({ jobId: 'B1', completedAt: '2026-11-01T01:00:00.000Z' }),
      backup({ jobId: 'B2', state: 'FAILED', completedAt: '2026-11-03T01:00:00.000Z' }),
      backup({ jobId: 'B3', completedAt: '2026-11-02T01:00:00.000Z', messageCategory: 'Success' }),
      copy({ jobId: 'C1', completedAt: '2026-11-02T05:00:00.000Z' }),
      copy({ jobId: 'C2', state: 'FAILED', completedAt: '2026-11-03T05:00:00.000Z' }),
    ];
    const forward = fold(jobs);
    expect(fold([...jobs].reverse())).toEqual(forward);
    expect(fold([...jobs, ...jobs])).toEqual(forward);
    expect(forward?.lastBackupAt).toBe('2026-11-02T01:00:00.000Z');
    expect(forward?.lastBackupWithIssues).toBe(false);
    expect(forward?.copies?.['us-west-2/999988887777']).toMatchObject({
      lastCopyAt: '2026-11-02T05:00:00.000Z',
      lastJob: { jobId: 'C2', state: 'FAILED' },
      destinationVault: 'dr',
    });
  });

  it('counts a backup completed with issues as good, and marks it', () => {
    const record = fold([backup({ messageCategory: 'ACCESS_DENIED' })]);
    expect(record).toMatchObject({ lastBackupAt: '2026-11-01T01:00:00.000Z', lastBackupWithIssues: true });
  });

  it('ignores jobs still running and jobs without a resource', () => {
    expect(countsForFreshness(backup({ state: 'RUNNING' }))).toBe(false);
    expect(countsForFreshness(backup({ resourceArn: undefined as unknown as string }))).toBe(false);
    expect(countsForFreshness(backup({ state: 'EXPIRED' }))).toBe(true);
  });
});

describe('a resource record moved by ListProtectedResources', () => {
  const listed = {
    resourceArn: ARN,
    accountId: '111122223333',
    region: 'eu-west-1',
    resourceType: 'RDS',
    lastBackupAt: '2026-09-01T00:00:00.000Z',
    lastBackupVaultName: 'archive',
  };

  it('knows a last backup older than the 30 days of jobs', () => {
    const record = applyProtected(undefined, listed, '2026-11-05T00:00:00.000Z');
    expect(record).toMatchObject({ lastBackupAt: '2026-09-01T00:00:00.000Z', vault: 'archive' });
    expect(record.listedAt).toBe('2026-11-05T00:00:00.000Z');
  });

  it('never moves a newer backup from jobs back', () => {
    const fromJobs = fold([backup({})])!;
    const record = applyProtected(fromJobs, listed, '2026-11-05T00:00:00.000Z');
    expect(record.lastBackupAt).toBe('2026-11-01T01:00:00.000Z');
    expect(record.lastBackupJobId).toBe('B1');
  });

  it('marks a resource gone when its account stops listing it and it ran no job since', () => {
    const record = applyProtected(undefined, listed, '2026-11-05T00:00:00.000Z');
    expect(goneAfterRead(record, '2026-11-05T00:00:00.000Z')).toBeNull();
    const gone = goneAfterRead(record, '2026-11-06T00:00:00.000Z');
    expect(gone?.goneAt).toBe('2026-11-06T00:00:00.000Z');
    const ranSince = applyBackupJob(record, backup({ jobId: 'B9', completedAt: '2026-11-05T10:00:00.000Z' }));
    expect(goneAfterRead(ranSince, '2026-11-06T00:00:00.000Z')).toBeNull();
    // Known from jobs only (never listed): not gone, just never listed.
    expect(goneAfterRead(fold([backup({})])!, '2026-11-06T00:00:00.000Z')).toBeNull();
    // A job after it went clears the mark.
    expect(
      applyBackupJob(gone!, backup({ jobId: 'B10', completedAt: '2026-11-07T00:00:00.000Z' })).goneAt,
    ).toBeUndefined();
  });
});
