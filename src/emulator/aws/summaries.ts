import { invalidValue } from './aws-error.js';
import type { AwsHandler, AwsRequest, EmulatorContext } from './context.js';
import type { Caller } from './identity.js';
import type { JobStore, StorableJob } from './job-store.js';
import { parseResourceType } from './list-filters.js';
import { ACCOUNT_ID, param, parseChoice, parseLimit, parsePattern } from './params.js';
import {
  type Dimension,
  periodWindows,
  type SummaryParams,
  type SummaryRow,
  summaryRows,
} from './summary-rows.js';
import { AGGREGATION_PERIODS, JOB_STATES, SUMMARY_SPECIALS } from './vocabulary.js';

const CACHE_LIMIT = 64;

/** What one job kind's summaries operation serves. */
export interface SummarySpec<J extends StorableJob> {
  operation: string;
  /** The member of the response that holds the rows: `BackupJobSummaries`, … */
  member: string;
  store: JobStore<J>;
  /** The values `State` takes, ANY and AGGREGATE_ALL included. */
  states: readonly string[];
  /** Whether the operation takes and returns MessageCategory (ListRestoreJobSummaries does not). */
  withCategory: boolean;
  stateOf(job: J): string;
}

function dimension(raw: string | undefined, fallback: Dimension, read: (v: string) => string): Dimension {
  if (raw === undefined) return fallback;
  if (raw === 'ANY' || raw === 'AGGREGATE_ALL') return { kind: raw };
  return { kind: 'value', value: read(raw) };
}

function readCategory(raw: string | undefined): Dimension {
  return dimension(raw, { kind: 'ANY' }, (v) => {
    if (v.trim() === '' || v.length > 128) {
      throw invalidValue('MessageCategory', v, 'a message category like SUCCESS, ANY or AGGREGATE_ALL');
    }
    return v.toLowerCase();
  });
}

function readParams<J extends StorableJob>(
  query: URLSearchParams,
  caller: Caller,
  spec: SummarySpec<J>,
): SummaryParams {
  const q = (name: string) => param(query, name);
  const p: SummaryParams = {
    account: dimension(q('AccountId'), { kind: 'value', value: caller.account }, (v) =>
      parsePattern('AccountId', v, ACCOUNT_ID, 'a 12-digit account id, ANY or AGGREGATE_ALL'),
    ),
    state: dimension(q('State'), { kind: 'ANY' }, (v) => parseChoice('State', v, spec.states)),
    resourceType: dimension(q('ResourceType'), { kind: 'ANY' }, (v) => parseResourceType('ResourceType', v)),
    period: parseChoice('AggregationPeriod', q('AggregationPeriod') ?? 'ONE_DAY', AGGREGATION_PERIODS),
  };
  if (!caller.management) p.only = caller.account;
  // A kind without MessageCategory ignores the parameter, as AWS ignores query parameters it does not know.
  if (spec.withCategory) p.category = readCategory(q('MessageCategory'));
  return p;
}

/**
 * A page of a job kind's summaries: counts per UTC day (ONE_DAY, the last 14 days) or one total
 * (SEVEN_DAYS, FOURTEEN_DAYS), grouped per AccountId / State / ResourceType (/ MessageCategory) as
 * asked. Without AccountId only the caller's account counts; a member account's caller counts only
 * its own jobs. MaxResults 1..500, default 100.
 */
export function summaryPage<J extends StorableJob>(
  ctx: EmulatorContext,
  req: AwsRequest,
  spec: SummarySpec<J>,
): Record<string, unknown> {
  const p = readParams(req.query, req.caller, spec);
  const limit = parseLimit('MaxResults', param(req.query, 'MaxResults'), 1, 500, 100);
  const scope = `${spec.operation}|${req.region}|${JSON.stringify(p)}`;
  const token = param(req.query, 'NextToken');
  const after = token === undefined ? '' : String(ctx.tokens.read(scope, token));
  const now = ctx.now();
  const cacheKey = `${scope}|${spec.store.version}|${periodWindows(p.period, now).to}`;
  let rows = ctx.summaryCache.get(cacheKey);
  if (!rows) {
    rows = summaryRows(spec.store, req.region, p, now, spec.stateOf);
    if (ctx.summaryCache.size >= CACHE_LIMIT) ctx.summaryCache.clear();
    ctx.summaryCache.set(cacheKey, rows);
  }
  const start = after === '' ? 0 : rows.findIndex((r) => r.key > after);
  const page = start < 0 ? [] : rows.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start >= 0 && start + limit < rows.length;
  return {
    [spec.member]: page.map((r) => toWire(r, req.region)),
    AggregationPeriod: p.period,
    ...(more && last ? { NextToken: ctx.tokens.issue(scope, last.key) } : {}),
  };
}

function toWire(r: SummaryRow, region: string): Record<string, unknown> {
  const { key: _key, StartTime, EndTime, ...rest } = r;
  return { Region: region, ...rest, StartTime: StartTime / 1000, EndTime: EndTime / 1000 };
}

/** ListBackupJobSummaries. */
export const listBackupJobSummaries: AwsHandler = (ctx, req) =>
  summaryPage(ctx, req, {
    operation: 'ListBackupJobSummaries',
    member: 'BackupJobSummaries',
    store: ctx.store,
    states: [...JOB_STATES, ...SUMMARY_SPECIALS],
    withCategory: true,
    stateOf: (job) => job.State,
  });
