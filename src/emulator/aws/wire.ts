import type { AwsBackupVault } from './types.js';

/** Epoch seconds with milliseconds, as AWS's rest-json timestamps: 1795000000.123. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/**
 * A job of any kind as the List operations return it: no Region, times (every Date field) as epoch
 * seconds, undefined fields left out.
 */
export function toWireJob(job: object, withRegion = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(job)) {
    if (value === undefined || (key === 'Region' && !withRegion)) continue;
    out[key] = value instanceof Date ? epochSeconds(value) : value;
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
