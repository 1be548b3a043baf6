import type { SummaryQuery } from '../query/types.js';
import { type CallRunner, callAws } from './call.js';
import { sourceOf } from './kinds/index.js';
import type { ListingScope } from './listing.js';
import type { JobSummary, SummaryRow } from './types.js';

async function regionRows(
  runner: CallRunner,
  query: SummaryQuery,
  region: string,
  account: string | undefined,
) {
  const source = sourceOf(query.jobKind);
  const input = { ...query.summary, ...(account ? { account } : {}) };
  const rows: SummaryRow[] = [];
  let token: string | undefined;
  do {
    const page = await callAws(runner, { operation: source.operations.summaries, region }, (client) =>
      source.summaries(client, input, token),
    );
    for (const row of page.rows) rows.push({ ...row, region: row.region ?? region });
    token = page.nextToken;
  } while (token);
  return rows;
}

/** Job counts from the kind's Summaries API, every page of every Region in parallel; never a job scan. */
export async function fetchSummary(
  runner: CallRunner,
  query: SummaryQuery,
  scope: ListingScope,
): Promise<JobSummary> {
  const regions = query.regions.length > 0 ? [...new Set(query.regions)] : [...scope.regions];
  const account = query.summary.account ?? scope.defaultAccountId;
  const settled = await Promise.allSettled(
    regions.map((region) => regionRows(runner, query, region, account)),
  );
  const rows: SummaryRow[] = [];
  const failedRegions: JobSummary['failedRegions'] = [];
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') rows.push(...result.value);
    else failedRegions.push({ region: regions[i]!, reason: (result.reason as Error).message });
  });
  if (failedRegions.length === regions.length) throw (settled[0] as PromiseRejectedResult).reason;
  return {
    jobKind: query.jobKind,
    period: query.summary.period,
    regions,
    rows,
    failedRegions,
    readAt: new Date().toISOString(),
  };
}
