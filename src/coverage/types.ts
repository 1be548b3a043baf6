/**
 * What the bot knows about each resource's protection: when it was last backed up (and copied),
 * what its last job did, and where that knowledge came from. Plain JSON, kept in Redis by store.ts.
 */

/** The last job of a resource that ended, whatever its state. */
export interface LastJob {
  jobId: string;
  state: string;
  /** When it ended (CompletionDate), or was created when AWS gives no end. */
  at: string;
  /** StatusMessage, else MessageCategory. */
  reason?: string;
}

/** Copies of a resource to one destination (`{region}/{account}`). */
export interface CopyFreshness {
  destinationRegion: string;
  destinationAccountId: string;
  destinationVault?: string;
  /** The last COMPLETED copy. */
  lastCopyAt?: string;
  lastJob?: LastJob;
}

export interface ResourceFreshness {
  resourceArn: string;
  resourceType?: string;
  resourceName?: string;
  accountId: string;
  region: string;
  /** The last good backup: a COMPLETED backup job, or LastBackupTime of ListProtectedResources. */
  lastBackupAt?: string;
  /** The last good backup completed with issues (counted as success, shown as such). */
  lastBackupWithIssues?: boolean;
  lastBackupJobId?: string;
  lastJob?: LastJob;
  plan?: string;
  vault?: string;
  /** Keyed `{region}/{account}` of the destination. */
  copies?: Record<string, CopyFreshness>;
  /** When ListProtectedResources last listed it (absent: known from job history only). */
  listedAt?: string;
  /** Not listed by its account's last read of protected resources, and no job since: deleted. */
  goneAt?: string;
}

/** How one account was read in the last full read of protected resources. */
export interface AccountRead {
  accountId: string;
  /** ISO time of the last successful read. */
  readAt?: string;
  /** Why the last read failed (AccessDenied, role not assumable): named in replies and alerts. */
  problem?: string;
}

/** What a reply says about how current and complete the kept state is. */
export interface CoverageStatus {
  /** The last pass that finished (ISO), absent before the first. */
  passAt?: string;
  /** The last pass that failed, and why; the kept state is that of `passAt`. */
  failure?: { at: string; reason: string };
  /** Accounts whose protected resources were read, and those that could not be. */
  accounts: AccountRead[];
  /** Resources known. */
  resources: number;
}

/** What `stale`, `coverage` and stale alert rules narrow to. */
export interface CoverageFilters {
  accounts?: readonly string[];
  regions?: readonly string[];
  resourceTypes?: readonly string[];
  vaults?: readonly string[];
}
