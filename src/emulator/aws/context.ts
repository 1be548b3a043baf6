import type { JobStore } from './job-store.js';
import type { AwsCopyJob, AwsRestoreJob } from './job-types.js';
import type { ListOrder } from './list-query.js';
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
  /** Organisation accounts; the first is the management account and the caller. */
  accounts: readonly string[];
  regions: readonly string[];
  now(): number;
  order: ListOrder;
  summaryCache: Map<string, SummaryRow[]>;
}

/** One AWS call after routing: the region from its signature, its query and path parameters. */
export interface AwsRequest {
  region: string;
  query: URLSearchParams;
  jobId?: string;
}

export type AwsHandler = (ctx: EmulatorContext, req: AwsRequest) => unknown;

export function callerOf(ctx: EmulatorContext): string {
  return ctx.accounts[0] ?? '000000000000';
}
