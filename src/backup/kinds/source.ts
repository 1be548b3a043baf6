import type { BackupClient } from '@aws-sdk/client-backup';
import type { JobKind } from '../../domain/index.js';
import type { ListFilters, SummaryInput } from '../../query/types.js';
import type { BackupOperation } from '../aws-errors.js';
import type { JobDetails, JobOf, SummaryRow } from '../types.js';

/** One call of a kind's List operation. */
export interface ListRequest {
  /** The Region the client calls: each job is tagged with it. */
  region: string;
  filters: ListFilters;
  /** A state of the kind, pushed down as ByState / ByStatus. */
  state?: string | undefined;
  nextToken?: string | undefined;
  maxResults: number;
}

/** One page of a kind's summaries; rows without their Region take the Region asked. */
export interface SummaryPage {
  rows: (Omit<SummaryRow, 'region'> & { region?: string })[];
  nextToken?: string | undefined;
}

/**
 * One kind of AWS Backup job: its three operations, with the product's filters mapped to the
 * operation's inputs. The only place a kind's AWS input and output names appear. Each method is
 * one SDK call; `call.ts` wraps it for metrics and error classification, and the generic rooms of
 * `backup/` (listing, page, iterate, count, describe, summaries) page through it.
 */
export interface JobSource<K extends JobKind = JobKind> {
  kind: K;
  operations: { list: BackupOperation; describe: BackupOperation; summaries: BackupOperation };
  list(
    client: BackupClient,
    request: ListRequest,
  ): Promise<{ jobs: JobOf<K>[]; nextToken?: string | undefined }>;
  /** The filters AWS cannot apply for this kind, checked on each job (true when there are none). */
  matches(job: JobOf<K>, filters: ListFilters): boolean;
  /** Whether `matches` drops jobs for these filters: such streams ask for many jobs per call. */
  filtersLocally(filters: ListFilters): boolean;
  /** `signal` cancels the call once another Region or kind has found the job. */
  describe(client: BackupClient, jobId: string, region: string, signal?: AbortSignal): Promise<JobDetails>;
  summaries(
    client: BackupClient,
    input: SummaryInput & { state?: string | undefined },
    nextToken: string | undefined,
  ): Promise<SummaryPage>;
}

/** The ByCreated…/ByComplete… inputs, which every kind's List operation takes. */
export function windowInput(filters: ListFilters): {
  ByCreatedAfter?: Date;
  ByCreatedBefore?: Date;
  ByCompleteAfter?: Date;
  ByCompleteBefore?: Date;
} {
  const input: ReturnType<typeof windowInput> = {};
  if (filters.createdAfter) input.ByCreatedAfter = new Date(filters.createdAfter);
  if (filters.createdBefore) input.ByCreatedBefore = new Date(filters.createdBefore);
  if (filters.completedAfter) input.ByCompleteAfter = new Date(filters.completedAfter);
  if (filters.completedBefore) input.ByCompleteBefore = new Date(filters.completedBefore);
  return input;
}

/**
 * The inputs every kind's Summaries API shares. `ANY` per dimension gives one row per value, so
 * per-state and per-category rows let the reply derive "completed with issues"; `*` (every account
 * of the organisation) is what these APIs call ANY.
 */
export function summaryInput(
  s: SummaryInput & { state?: string | undefined },
  nextToken: string | undefined,
) {
  return {
    AggregationPeriod: s.period,
    State: (s.state ?? 'ANY') as 'ANY',
    ResourceType: s.resourceType ?? 'ANY',
    ...(s.account === undefined ? {} : { AccountId: s.account === '*' ? 'ANY' : s.account }),
    MaxResults: 500,
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

/** A summary row of any kind; restore summaries have no message category (`ANY`). */
export function toSummaryRow(r: {
  Region?: string | undefined;
  AccountId?: string | undefined;
  State?: string | undefined;
  ResourceType?: string | undefined;
  MessageCategory?: string | undefined;
  Count?: number | undefined;
  StartTime?: Date | undefined;
  EndTime?: Date | undefined;
}): SummaryPage['rows'][number] {
  return {
    ...(r.Region ? { region: r.Region } : {}),
    accountId: r.AccountId ?? '',
    state: r.State ?? 'ANY',
    resourceType: r.ResourceType ?? 'ANY',
    messageCategory: r.MessageCategory ?? 'ANY',
    count: r.Count ?? 0,
    startTime: (r.StartTime ?? new Date(0)).toISOString(),
    endTime: (r.EndTime ?? new Date(0)).toISOString(),
  };
}

/** The SDK's send options for a call that may be cancelled. */
export function abortable(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}
