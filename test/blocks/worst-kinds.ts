/** Copy and restore jobs with the longest values AWS allows (and more), for the limits tests. */

import type { CopyJob, RestoreJob } from '../../src/backup/types.js';
import { COPY_JOB_STATES, RESTORE_JOB_STATES, VALIDATION_STATES } from '../../src/domain/index.js';
import { copyJob, hostileText, restoreJob } from './fixtures.js';

const arn = (head: string) => `${head}${hostileText(2000 - head.length)}`;

function when(i: number, running: boolean): { createdAt: string; completedAt?: string } {
  const createdAt = `2026-10-${String(10 + (i % 20)).padStart(2, '0')}T23:59:59.999Z`;
  return running ? { createdAt } : { createdAt, completedAt: '2026-11-10T10:00:00.000Z' };
}

function withoutUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Copies in every state (and completed with issues), hostile names, ARNs and messages everywhere. */
export function worstCopyJobs(count = 50): CopyJob[] {
  const states = [...COPY_JOB_STATES, 'ISSUES'] as const;
  return Array.from({ length: count }, (_, i) => {
    const pick = states[i % states.length] ?? 'FAILED';
    const state = pick === 'ISSUES' ? 'COMPLETED' : pick;
    const running = state === 'RUNNING' || state === 'CREATED';
    const base = copyJob();
    delete base.completedAt;
    return withoutUndefined<CopyJob>({
      ...base,
      ...when(i, running),
      jobId: `C${'F'.repeat(7)}-${String(i).padStart(4, '0')}-4000-8000-${'0'.repeat(12)}`,
      region: i % 2 ? 'ap-southeast-2' : 'us-gov-west-1',
      state,
      resourceName: hostileText(255),
      resourceArn: arn('arn:aws:ec2:us-east-1:123456789012:volume/'),
      resourceType: 'SAP HANA on Amazon EC2',
      sourceVaultName: hostileText(50),
      destinationVaultName: hostileText(50),
      destinationRegion: hostileText(60),
      destinationAccountId: hostileText(60),
      backupJobId: hostileText(256),
      statusMessage: hostileText(10_000),
      messageCategory:
        pick === 'ISSUES' ? 'AccessDenied' : state === 'COMPLETED' ? 'SUCCESS' : hostileText(300),
      sizeBytes: 2 ** 50 * 1000,
      isParent: i % 7 === 0,
    });
  });
}

/** Restores in every status and validation outcome, hostile text everywhere, restore tests among them. */
export function worstRestoreJobs(count = 50): RestoreJob[] {
  const outcomes = [
    ...RESTORE_JOB_STATES.map((state) => ({ state, validation: undefined })),
    ...VALIDATION_STATES.map((validation) => ({ state: 'COMPLETED', validation })),
  ];
  return Array.from({ length: count }, (_, i) => {
    const { state, validation } = outcomes[i % outcomes.length] ?? { state: 'FAILED', validation: undefined };
    const running = state === 'RUNNING' || state === 'PENDING';
    const base = restoreJob();
    delete base.completedAt;
    delete base.validationStatus;
    return withoutUndefined<RestoreJob>({
      ...base,
      ...when(i, running),
      jobId: `D${'F'.repeat(7)}-${String(i).padStart(4, '0')}-4000-8000-${'0'.repeat(12)}`,
      region: i % 2 ? 'ap-southeast-2' : 'us-gov-west-1',
      state,
      resourceArn: arn('arn:aws:ec2:us-east-1:123456789012:volume/'),
      resourceType: 'SAP HANA on Amazon EC2',
      vaultName: hostileText(50),
      statusMessage: hostileText(10_000),
      testingPlanArn: i % 3 ? arn('arn:aws:backup:us-east-1:123456789012:restore-testing-plan:') : undefined,
      validationStatus: validation,
      validationMessage: validation ? hostileText(10_000) : undefined,
      expectedMinutes: 10 ** 9,
      percentDone: running ? 42.5 : 100,
      sizeBytes: 2 ** 50 * 1000,
      isParent: i % 7 === 0,
    });
  });
}

/** A parent copy with every field at its longest. */
export function worstCopyDetails(): CopyJob {
  const base = worstCopyJobs(1)[0] ?? copyJob();
  return {
    ...base,
    state: 'PARTIAL',
    isParent: true,
    parentJobId: hostileText(256),
    iamRoleArn: arn('arn:aws:iam::123456789012:role/'),
    sourceVaultArn: arn('arn:aws:backup:us-east-1:123456789012:backup-vault:'),
    sourceRecoveryPointArn: arn('arn:aws:backup:us-east-1:123456789012:recovery-point:'),
    destinationVaultArn: arn('arn:aws:backup:us-west-2:222233334444:backup-vault:'),
    destinationRecoveryPointArn: arn('arn:aws:backup:us-west-2:222233334444:recovery-point:'),
    destinationEncryptionKeyArn: arn('arn:aws:kms:us-west-2:222233334444:key/'),
    destinationVaultType: hostileText(300),
    destinationVaultLockState: hostileText(300),
    destinationLifecycle: {
      coldStorageAfterDays: 2 ** 31,
      deleteAfterDays: 2 ** 31,
      deleteAfterEvent: hostileText(300),
    },
    compositeMemberIdentifier: hostileText(2000),
    plan: {
      id: hostileText(300),
      arn: arn('arn:aws:backup:us-east-1:123456789012:backup-plan:'),
      name: hostileText(300),
      version: hostileText(300),
      ruleId: hostileText(300),
      ruleName: hostileText(300),
      ruleCron: hostileText(300),
      ruleTimezone: hostileText(300),
    },
    childJobCount: 45_000,
    childJobsInState: Object.fromEntries(
      [...COPY_JOB_STATES, hostileText(100)].map((s, i) => [s, 1000 * (i + 1)]),
    ),
  };
}

/** A parent restore test with every field at its longest, validation failed. */
export function worstRestoreDetails(): RestoreJob {
  const base = worstRestoreJobs(1)[0] ?? restoreJob();
  return {
    ...base,
    state: 'COMPLETED',
    completedAt: '2026-11-10T10:00:00.000Z',
    isParent: true,
    parentJobId: hostileText(256),
    iamRoleArn: arn('arn:aws:iam::123456789012:role/'),
    recoveryPointArn: arn('arn:aws:backup:us-east-1:123456789012:recovery-point:'),
    vaultArn: arn('arn:aws:backup:us-east-1:123456789012:backup-vault:'),
    createdResourceArn: arn('arn:aws:ec2:us-east-1:123456789012:volume/'),
    testingPlanArn: arn('arn:aws:backup:us-east-1:123456789012:restore-testing-plan:'),
    validationStatus: 'FAILED',
    validationMessage: hostileText(10_000),
    deletionStatus: hostileText(300),
    deletionMessage: hostileText(10_000),
    statusMessage: hostileText(10_000),
  };
}
