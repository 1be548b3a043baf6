import { AggregationPeriod, BackupJobState, BackupJobStatus, VaultType } from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import {
  AGGREGATION_PERIODS,
  JOB_STATES,
  RESOURCE_TYPE_MAX_LENGTH,
  RESOURCE_TYPES,
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
});
