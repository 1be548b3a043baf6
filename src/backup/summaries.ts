import {
  ListBackupJobSummariesCommand,
  type ListBackupJobSummariesCommandInput,
} from '@aws-sdk/client-backup';
import type { SummaryQuery } from '../query/types.js';
import { type CallRunner, callAws } from './call.js';
import type { JobSummary, SummaryRow } from './types.js';

function summaryInput(
  query: SummaryQuery,
  defaultAccountId: string | undefined,
): ListBackupJobSummariesCommandInput {
  const s = query.summary;
  const scope = s.account ?? defaultAccountId;
  // `ANY` per dimension gives one row per value: per-state and per-category rows let the reply
  // derive "completed with issues"; `ANY` accounts is every account of the organisation.
  const account = scope === '*' ? 'ANY' : scope;
  return {
    AggregationPeriod: s.period,
    State: s.state ?? 'ANY',
    ResourceType: s.resourceType ?? 'ANY',
    MessageCategory: s.messageCategory ?? 'ANY',
    ...(account ? { AccountId: account } : {}),
    MaxResults: 500,
  };
}

async function regionRows(runner: CallRunner, region: string, input: ListBackupJobSummariesCommandInput) {
  const rows: SummaryRow[] = [];
  let token: string | undefined;
  do {
    const pageInput = { ...input, ...(token ? { NextToken: token } : {}) };
    const page = await callAws(runner, { operation: 'ListBackupJobSummaries', region }, (client) =>
      client.send(new ListBackupJobSummariesCommand(pageInput)),
    );
    for (const r of page.BackupJobSummaries ?? []) {
      rows.push({
        region: r.Region ?? region,
        accountId: r.AccountId ?? '',
        state: r.State ?? 'ANY',
        resourceType: r.ResourceType ?? 'ANY',
        messageCategory: r.MessageCategory ?? 'ANY',
        count: r.Count ?? 0,
        startTime: (r.StartTime ?? new Date(0)).toISOString(),
        endTime: (r.EndTime ?? new Date(0)).toISOString(),
      });
    }
    token = page.NextToken;
  } while (token);
  return rows;
}

/** Job counts from ListBackupJobSummaries, every page of every region in parallel; never a job scan. */
export async function fetchSummary(
  runner: CallRunner,
  query: SummaryQuery,
  scope: { regions: readonly string[]; defaultAccountId?: string | undefined },
): Promise<JobSummary> {
  const regions = query.regions.length > 0 ? [...new Set(query.regions)] : [...scope.regions];
  const input = summaryInput(query, scope.defaultAccountId);
  const settled = await Promise.allSettled(regions.map((region) => regionRows(runner, region, input)));
  const rows: SummaryRow[] = [];
  const failedRegions: JobSummary['failedRegions'] = [];
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') rows.push(...result.value);
    else failedRegions.push({ region: regions[i]!, reason: (result.reason as Error).message });
  });
  if (failedRegions.length === regions.length) throw (settled[0] as PromiseRejectedResult).reason;
  return { period: query.summary.period, regions, rows, failedRegions };
}
