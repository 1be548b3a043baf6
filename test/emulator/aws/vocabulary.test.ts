import {
  AggregationPeriod,
  BackupJobState,
  BackupJobStatus,
  CopyJobState,
  CopyJobStatus,
  RestoreDeletionStatus,
  RestoreJobState,
  RestoreJobStatus,
  RestoreValidationStatus,
  VaultType,
} from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import {
  AGGREGATION_PERIODS,
  COPY_JOB_STATES,
  COPY_SUMMARY_STATES,
  JOB_STATES,
  RESOURCE_TYPE_MAX_LENGTH,
  RESOURCE_TYPES,
  RESTORE_DELETION_STATUSES,
  RESTORE_JOB_STATUSES,
  RESTORE_SUMMARY_STATES,
  RESTORE_VALIDATION_STATUSES,
  SUMMARY_SPECIALS,
  VAULT_TYPES,
} from '../../../src/emulator/aws/vocabulary.js';

const sorted = (values: Iterable<string>) => [...values].sort();

describe("the emulator's vocabulary matches AWS's API model (the SDK's enums), not the product's lists", () => {
  it('job states are BackupJobState', () => {
    expect(sorted(JOB_STATES)).toEqual(sorted(Object.values(BackupJobState)));
  });

  it('summary states are BackupJobStatus: the job states plus ANY and AGGREGATE_ALL', () => {
    expect(sorted([...JOB_STATES, ...SUMMARY_SPECIALS])).toEqual(sorted(Object.values(BackupJobStatus)));
  });

  it('aggregation periods are AggregationPeriod, vault types are VaultType', () => {
    expect(sorted(AGGREGATION_PERIODS)).toEqual(sorted(Object.values(AggregationPeriod)));
    expect(sorted(VAULT_TYPES)).toEqual(sorted(Object.values(VaultType)));
  });

  it('resource types fit the model bound of 50 characters; two hold spaces', () => {
    expect(RESOURCE_TYPES).toHaveLength(17);
    expect(RESOURCE_TYPES.every((t) => t.length >= 1 && t.length <= RESOURCE_TYPE_MAX_LENGTH)).toBe(true);
    expect(RESOURCE_TYPES.filter((t) => t.includes(' '))).toEqual([
      'SAP HANA on Amazon EC2',
      'Storage Gateway',
    ]);
  });

  it('copy states are CopyJobState; copy summary states are CopyJobStatus', () => {
    expect(sorted(COPY_JOB_STATES)).toEqual(sorted(Object.values(CopyJobState)));
    expect(sorted(COPY_SUMMARY_STATES)).toEqual(sorted(Object.values(CopyJobStatus)));
  });

  it('restore statuses are RestoreJobStatus; restore summary states are RestoreJobState', () => {
    expect(sorted(RESTORE_JOB_STATUSES)).toEqual(sorted(Object.values(RestoreJobStatus)));
    expect(sorted(RESTORE_SUMMARY_STATES)).toEqual(sorted(Object.values(RestoreJobState)));
  });

  it('restore test results are RestoreValidationStatus and RestoreDeletionStatus', () => {
    expect(sorted(RESTORE_VALIDATION_STATUSES)).toEqual(sorted(Object.values(RestoreValidationStatus)));
    expect(sorted(RESTORE_DELETION_STATUSES)).toEqual(sorted(Object.values(RestoreDeletionStatus)));
  });
});
