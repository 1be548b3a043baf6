import type { ListQuery, SummaryQuery } from '../query/types.js';
import type { CallObserver, CallRunner } from './call.js';
import type { BackupClients } from './clients.js';
import { type CountScope, countJobs, type WindowCount } from './count.js';
import { type DescribeWhere, describeJob } from './describe.js';
import { iterateJobs } from './iterate.js';
import { type ListingState, openListing } from './listing.js';
import { fetchPage, type PageResult } from './page.js';
import { listProtectedResources, type ProtectedResource } from './protected.js';
import { fetchSummary } from './summaries.js';
import type { Job, JobDetails, JobSummary } from './types.js';

export type { AwsCallContext, BackupOperation } from './aws-errors.js';
export type { CallObserver } from './call.js';
export { type BackupClientSettings, type BackupClients, createBackupClients } from './clients.js';
export type { CountScope, CountState, WindowCount } from './count.js';
export type { ListingState } from './listing.js';
export type { PageResult } from './page.js';
export type { ProtectedResource } from './protected.js';
export * from './types.js';

/** The product's only door to AWS Backup; built once in cli/ and handed to slack/ and alerts/. */
export interface BackupGateway {
  regions: readonly string[];
  openListing(query: ListQuery): ListingState;
  fetchPage(listing: ListingState, pageSize: number): Promise<PageResult>;
  iterateJobs(listing: ListingState): AsyncGenerator<Job[]>;
  summary(query: SummaryQuery): Promise<JobSummary>;
  /** A job of any kind by id; `where` narrows the kind and Region when a listed job gives them. */
  describe(jobId: string, where?: Omit<DescribeWhere, 'regions'>): Promise<JobDetails>;
  countJobs(scope: CountScope, window: { start: Date; end: Date }): Promise<WindowCount>;
  /**
   * Protected resources in a Region: of the bot's own account, or of a member account through the
   * member role (`memberAccess`). Throws a CodedError naming the account when it cannot be read.
   */
  protectedResources(
    region: string,
    accountId?: string,
  ): Promise<{ resources: ProtectedResource[]; calls: number }>;
  /** Whether member accounts can be read (a member role is configured). */
  memberAccess: boolean;
}

export interface BackupGatewayOptions {
  clients: BackupClients;
  defaultAccountId?: string | undefined;
  observe?: CallObserver;
}

export function createBackupGateway(options: BackupGatewayOptions): BackupGateway {
  const runner: CallRunner = { clients: options.clients, observe: options.observe };
  const scope = { regions: options.clients.regions, defaultAccountId: options.defaultAccountId };
  return {
    regions: scope.regions,
    openListing: (query) => openListing(query, scope),
    fetchPage: (listing, pageSize) => fetchPage(runner, listing, pageSize),
    iterateJobs: (listing) => iterateJobs(runner, listing),
    summary: (query) => fetchSummary(runner, query, scope),
    describe: (jobId, where) => describeJob(runner, jobId, { ...where, regions: scope.regions }),
    countJobs: (countScope, window) => countJobs(runner, countScope, window, scope),
    protectedResources: (region, accountId) =>
      accountId === undefined
        ? listProtectedResources(runner, region, { accountId: '' })
        : listProtectedResources(runner, region, {
            accountId,
            client: options.clients.member(accountId),
          }),
    memberAccess: options.clients.memberRoleName !== undefined,
  };
}
