import type { Caller, SessionStore } from './identity.js';
import type { JobStore } from './job-store.js';
import type { AwsCopyJob, AwsRestoreJob } from './job-types.js';
import type { ListOrder } from './list-query.js';
import type { ProtectedIndex } from './protected-index.js';
import type { SummaryRow } from './summary-rows.js';
import type { TokenCodec } from './tokens.js';
import type { VaultStore } from './vault-store.js';

/** What every AWS operation handler reads: the data, the organisation and the clock. */
export interface EmulatorContext {
  /** Backup jobs. */
  store: JobStore;
  copies: JobStore<AwsCopyJob>;
  restores: JobStore<AwsRestoreJob>;
  vaults: VaultStore;
  tokens: TokenCodec;
  /** Organisation accounts; the first is the management account, the base credentials' own. */
  accounts: readonly string[];
  regions: readonly string[];
  now(): number;
  order: ListOrder;
  summaryCache: Map<string, SummaryRow[]>;
  /** Sessions AssumeRole issued: their access keys act as a member account. */
  sessions: SessionStore;
  /** The role AssumeRole may assume in every member account. */
  memberRoleName: string;
  /** Every account's and Region's protected resources, derived from the jobs. */
  protected: ProtectedIndex;
}

/** One AWS call after routing: the signer and Region of its signature, its query and path parameters. */
export interface AwsRequest {
  region: string;
  caller: Caller;
  query: URLSearchParams;
  jobId?: string;
  vaultName?: string;
}

export type AwsHandler = (ctx: EmulatorContext, req: AwsRequest) => unknown;

/** The management account: the first of the organisation, the one the base credentials act as. */
export function managementAccount(ctx: EmulatorContext): string {
  return ctx.accounts[0] ?? '000000000000';
}
