import type { ListQuery, SummaryQuery } from '../query/types.js';
import type { CallObserver, CallRunner } from './call.js';
import type { BackupClients } from './clients.js';
import { type CountScope, countJobs, type WindowCount } from './count.js';
import { describeJob } from './describe.js';
import { iterateJobs } from './iterate.js';
import { type ListingState, openListing } from './listing.js';
import { fetchPage, type PageResult } from './page.js';
import { fetchSummary } from './summaries.js';
import type { BackupJob, BackupJobDetails, JobSummary } from './types.js';

export type { AwsCallContext, BackupOperation } from './aws-errors.js';
export type { CallObserver } from './call.js';
export { type BackupClientSettings, type BackupClients, createBackupClients } from './clients.js';
export type { CountScope, CountState, WindowCount } from './count.js';
export { isValidJobId } from './describe.js';
export type { ListingState } from './listing.js';
export type { PageResult } from './page.js';
export * from './types.js';

/** The product's only door to AWS Backup; built once in cli/ and handed to slack/ and alerts/. */
export interface BackupGateway {
  regions: readonly string[];
  openListing(query: ListQuery): ListingState;
  fetchPage(listing: ListingState, pageSize: number): Promise<PageResult>;
  iterateJobs(listing: ListingState): AsyncGenerator<BackupJob[]>;
  summary(query: SummaryQuery): Promise<JobSummary>;
  describe(jobId: string, region?: string): Promise<BackupJobDetails>;
  countJobs(scope: CountScope, window: { start: Date; end: Date }): Promise<WindowCount>;
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
    describe: (jobId, region) => describeJob(runner, jobId, { region, regions: scope.regions }),
    countJobs: (countScope, window) => countJobs(runner, countScope, window, scope),
  };
}
