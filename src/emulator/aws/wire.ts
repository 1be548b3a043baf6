import type { AwsBackupJob, AwsBackupVault } from './types.js';

/** Epoch seconds with milliseconds, as AWS's rest-json timestamps: 1795000000.123. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

const TIME_FIELDS = new Set([
  'CreationDate',
  'CompletionDate',
  'ExpectedCompletionDate',
  'StartBy',
  'InitiationDate',
]);

/** A job as ListBackupJobs returns it: no Region, times as epoch seconds, undefined fields left out. */
export function toWireJob(job: AwsBackupJob, withRegion = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(job)) {
    if (value === undefined || (key === 'Region' && !withRegion)) continue;
    out[key] = TIME_FIELDS.has(key) ? epochSeconds(value as Date) : value;
  }
  return out;
}

export function toWireVault(vault: AwsBackupVault, recoveryPoints: number): Record<string, unknown> {
  return {
    ...vault,
    CreationDate: epochSeconds(vault.CreationDate),
    ...(vault.LockDate ? { LockDate: epochSeconds(vault.LockDate) } : {}),
    NumberOfRecoveryPoints: recoveryPoints,
  };
}
