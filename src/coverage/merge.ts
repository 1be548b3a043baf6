import type { BackupJob, CopyJob } from '../backup/index.js';
import type { ProtectedResource } from '../backup/protected.js';
import { isCompletedWithIssues } from '../domain/index.js';
import type { CopyFreshness, LastJob, ResourceFreshness } from './types.js';

/**
 * How what AWS says moves a resource's record. Pure, and order-blind: applying the same jobs twice,
 * or in any order, gives the same record, so passes may overlap for late arrivals.
 */

const ENDED = new Set(['COMPLETED', 'FAILED', 'ABORTED', 'EXPIRED', 'PARTIAL']);

function later(a: string | undefined, b: string | undefined): boolean {
  return b === undefined || (a !== undefined && a > b);
}

function lastJobOf(job: BackupJob | CopyJob): LastJob {
  const reason = job.statusMessage ?? job.messageCategory;
  return {
    jobId: job.jobId,
    state: job.state,
    at: job.completedAt ?? job.createdAt,
    ...(reason ? { reason: reason.slice(0, 300) } : {}),
  };
}

/** The newer of two last jobs; ties by id so the result does not depend on the order. */
function newerJob(current: LastJob | undefined, next: LastJob): LastJob {
  if (current === undefined) return next;
  if (next.at !== current.at) return next.at > current.at ? next : current;
  return next.jobId > current.jobId ? next : current;
}

function fresh(job: BackupJob | CopyJob): ResourceFreshness {
  return {
    resourceArn: job.resourceArn ?? '',
    accountId: job.accountId,
    region: job.region,
    ...(job.resourceType ? { resourceType: job.resourceType } : {}),
    ...(job.resourceName ? { resourceName: job.resourceName } : {}),
  };
}

/** Whether a job has ended and names its resource: only those move a record. */
export function countsForFreshness(job: BackupJob | CopyJob): boolean {
  return job.resourceArn !== undefined && job.resourceArn !== '' && ENDED.has(job.state);
}

function clearGone(record: ResourceFreshness, at: string): ResourceFreshness {
  if (record.goneAt === undefined || record.goneAt > at) return record;
  const { goneAt: _gone, ...rest } = record;
  return rest;
}

export function applyBackupJob(current: ResourceFreshness | undefined, job: BackupJob): ResourceFreshness {
  let record: ResourceFreshness = { ...(current ?? fresh(job)) };
  if (!record.resourceType && job.resourceType) record.resourceType = job.resourceType;
  if (!record.resourceName && job.resourceName) record.resourceName = job.resourceName;
  const last = lastJobOf(job);
  const newest = newerJob(record.lastJob, last);
  record.lastJob = newest;
  if (newest === last) {
    if (job.plan?.name) record.plan = job.plan.name;
    if (job.vaultName) record.vault = job.vaultName;
  }
  if (job.state === 'COMPLETED' && later(last.at, record.lastBackupAt)) {
    record.lastBackupAt = last.at;
    record.lastBackupJobId = job.jobId;
    record.lastBackupWithIssues = isCompletedWithIssues(job);
  }
  record = clearGone(record, last.at);
  return record;
}

export function applyCopyJob(current: ResourceFreshness | undefined, job: CopyJob): ResourceFreshness {
  const record: ResourceFreshness = { ...(current ?? fresh(job)) };
  if (!record.resourceType && job.resourceType) record.resourceType = job.resourceType;
  const region = job.destinationRegion ?? job.region;
  const account = job.destinationAccountId ?? job.accountId;
  const key = `${region}/${account}`;
  const copies = { ...(record.copies ?? {}) };
  const copy: CopyFreshness = {
    ...(copies[key] ?? { destinationRegion: region, destinationAccountId: account }),
  };
  if (job.destinationVaultName) copy.destinationVault = job.destinationVaultName;
  const last = lastJobOf(job);
  copy.lastJob = newerJob(copy.lastJob, last);
  if (job.state === 'COMPLETED' && later(last.at, copy.lastCopyAt)) copy.lastCopyAt = last.at;
  copies[key] = copy;
  record.copies = copies;
  return clearGone(record, last.at);
}

/** A resource as ListProtectedResources lists it now: its last recovery point may predate the jobs kept. */
export function applyProtected(
  current: ResourceFreshness | undefined,
  resource: ProtectedResource,
  listedAt: string,
): ResourceFreshness {
  const record: ResourceFreshness = {
    ...(current ?? {
      resourceArn: resource.resourceArn,
      accountId: resource.accountId,
      region: resource.region,
    }),
  };
  if (!record.resourceType && resource.resourceType) record.resourceType = resource.resourceType;
  if (!record.resourceName && resource.resourceName) record.resourceName = resource.resourceName;
  if (!record.vault && resource.lastBackupVaultName) record.vault = resource.lastBackupVaultName;
  if (resource.lastBackupAt !== undefined && later(resource.lastBackupAt, record.lastBackupAt)) {
    record.lastBackupAt = resource.lastBackupAt;
    delete record.lastBackupJobId;
    delete record.lastBackupWithIssues;
  }
  record.listedAt = listedAt;
  const { goneAt: _gone, ...rest } = record;
  return rest;
}

/**
 * After a full read of an account's protected resources in a Region: a resource it listed before,
 * that it no longer lists and that has had no job since, is gone (deleted, or its recovery points
 * expired). Null when the record stays as it is.
 */
export function goneAfterRead(record: ResourceFreshness, readAt: string): ResourceFreshness | null {
  if (record.goneAt !== undefined || record.listedAt === undefined || record.listedAt >= readAt) return null;
  if (record.lastJob !== undefined && record.lastJob.at > record.listedAt) return null;
  return { ...record, goneAt: readAt };
}
