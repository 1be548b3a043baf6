import { invalidValue } from './aws-error.js';
import { type AwsHandler, callerOf } from './context.js';
import { parseResourceType } from './list-jobs.js';
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

function dimension(raw: string | undefined, fallback: Dimension, read: (v: string) => string): Dimension {
  if (raw === undefined) return fallback;
  if (raw === 'ANY' || raw === 'AGGREGATE_ALL') return { kind: raw };
  return { kind: 'value', value: read(raw) };
}

function readParams(query: URLSearchParams, caller: string): SummaryParams {
  const q = (name: string) => param(query, name);
  return {
    account: dimension(q('AccountId'), { kind: 'value', value: caller }, (v) =>
      parsePattern('AccountId', v, ACCOUNT_ID, 'a 12-digit account id, ANY or AGGREGATE_ALL'),
    ),
    state: dimension(q('State'), { kind: 'ANY' }, (v) =>
      parseChoice('State', v, [...JOB_STATES, ...SUMMARY_SPECIALS]),
    ),
    resourceType: dimension(q('ResourceType'), { kind: 'ANY' }, (v) => parseResourceType('ResourceType', v)),
    category: dimension(q('MessageCategory'), { kind: 'ANY' }, (v) => {
      if (v.trim() === '' || v.length > 128) {
        throw invalidValue('MessageCategory', v, 'a message category like SUCCESS, ANY or AGGREGATE_ALL');
      }
      return v.toLowerCase();
    }),
    period: parseChoice('AggregationPeriod', q('AggregationPeriod') ?? 'ONE_DAY', AGGREGATION_PERIODS),
  };
}

/**
 * ListBackupJobSummaries: counts per UTC day (ONE_DAY, the last 14 days) or one total (SEVEN_DAYS,
 * FOURTEEN_DAYS), grouped per AccountId / State / ResourceType / MessageCategory as asked.
 * Without AccountId only the caller's account counts. MaxResults 1..500, default 100.
 */
export const listBackupJobSummaries: AwsHandler = (ctx, req) => {
  const p = readParams(req.query, callerOf(ctx));
  const limit = parseLimit('MaxResults', param(req.query, 'MaxResults'), 1, 500, 100);
  const scope = `ListBackupJobSummaries|${req.region}|${JSON.stringify(p)}`;
  const token = param(req.query, 'NextToken');
  const after = token === undefined ? '' : String(ctx.tokens.read(scope, token));
  const now = ctx.now();
  const cacheKey = `${scope}|${ctx.store.version}|${periodWindows(p.period, now).to}`;
  let rows = ctx.summaryCache.get(cacheKey);
  if (!rows) {
    rows = summaryRows(ctx.store, req.region, p, now);
    if (ctx.summaryCache.size >= CACHE_LIMIT) ctx.summaryCache.clear();
    ctx.summaryCache.set(cacheKey, rows);
  }
  const start = after === '' ? 0 : rows.findIndex((r) => r.key > after);
  const page = start < 0 ? [] : rows.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start >= 0 && start + limit < rows.length;
  return {
    BackupJobSummaries: page.map((r) => toWire(r, req.region)),
    AggregationPeriod: p.period,
    ...(more && last ? { NextToken: ctx.tokens.issue(scope, last.key) } : {}),
  };
};

function toWire(r: SummaryRow, region: string): Record<string, unknown> {
  const { key: _key, StartTime, EndTime, ...rest } = r;
  return { Region: region, ...rest, StartTime: StartTime / 1000, EndTime: EndTime / 1000 };
}
