import {
  type BackupClient,
  ListCopyJobSummariesCommand,
  type ListCopyJobSummariesCommandInput,
  ListRestoreJobSummariesCommand,
  type ListRestoreJobSummariesCommandInput,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, errorOf, NOW, rawRequest } from './helpers.js';
import { listCopies, listRestores } from './kind-helpers.js';

let emu: BackupEmulator;
let seeded: BackupEmulator;
let client: BackupClient;
let a: string;
let b: string;
let c: string;

beforeAll(async () => {
  emu = await startBackupEmulator({ jobs: 0, now: () => NOW });
  seeded = await startBackupEmulator({ seed: 4, jobs: 2000, now: () => NOW });
  client = clientFor(emu);
  [a = '', b = '', c = ''] = emu.accounts;
  const at = (
    AccountId: string,
    ResourceType: 'EBS' | 'RDS' | 'EC2' | 'S3' | 'EFS',
    CreationDate: string,
  ) => ({
    AccountId,
    ResourceType,
    CreationDate,
  });
  emu.addCopyJobs([
    { ...at(a, 'EBS', '2026-11-23T08:00:00Z'), State: 'COMPLETED' },
    { ...at(a, 'EBS', '2026-11-23T08:05:00Z'), State: 'COMPLETED' },
    { ...at(a, 'RDS', '2026-11-22T03:00:00Z'), State: 'FAILED', MessageCategory: 'AccessDenied' },
    { ...at(a, 'EC2', '2026-11-20T03:00:00Z'), State: 'FAILED', MessageCategory: 'InvalidState' },
    { ...at(a, 'EBS', '2026-11-12T03:00:00Z'), State: 'COMPLETED' },
    { ...at(a, 'EBS', '2026-11-09T23:59:59Z'), State: 'COMPLETED' },
    { ...at(b, 'S3', '2026-11-22T05:00:00Z'), State: 'COMPLETED' },
    { ...at(b, 'S3', '2026-11-22T05:00:00Z'), State: 'FAILED', MessageCategory: 'AccessDenied' },
    { ...at(c, 'EFS', '2026-11-23T09:30:00Z'), State: 'RUNNING' },
    { ...at(a, 'EBS', '2026-11-23T08:00:00Z'), State: 'COMPLETED', Region: 'eu-west-1' },
  ]);
  emu.addRestoreJobs([
    { ...at(a, 'EBS', '2026-11-23T07:00:00Z'), Status: 'COMPLETED' },
    { ...at(a, 'RDS', '2026-11-21T07:00:00Z'), Status: 'FAILED' },
    { ...at(a, 'RDS', '2026-11-21T08:00:00Z'), Status: 'FAILED' },
    { ...at(b, 'S3', '2026-11-15T07:00:00Z'), Status: 'ABORTED' },
    { ...at(c, 'EFS', '2026-11-23T09:50:00Z'), Status: 'PENDING' },
  ]);
});

afterAll(async () => {
  client.destroy();
  await Promise.all([emu.close(), seeded.close()]);
});

interface Row {
  StartTime?: Date | undefined;
  AccountId?: string | undefined;
  State?: string | undefined;
  ResourceType?: string | undefined;
  MessageCategory?: string | undefined;
  Count?: number | undefined;
}

function brief(r: Row): string {
  const who = r.AccountId === a ? 'A' : r.AccountId === b ? 'B' : r.AccountId === c ? 'C' : r.AccountId;
  return [
    r.StartTime?.toISOString().slice(0, 10),
    who,
    r.State,
    r.ResourceType,
    r.MessageCategory ?? '-',
    r.Count,
  ].join(' ');
}

async function copyRows(input: ListCopyJobSummariesCommandInput, on = client): Promise<string[]> {
  const out = await on.send(new ListCopyJobSummariesCommand({ MaxResults: 500, ...input }));
  return (out.CopyJobSummaries ?? []).map(brief);
}

async function restoreRows(input: ListRestoreJobSummariesCommandInput, on = client): Promise<string[]> {
  const out = await on.send(new ListRestoreJobSummariesCommand({ MaxResults: 500, ...input }));
  return (out.RestoreJobSummaries ?? []).map(brief);
}

describe('ListCopyJobSummaries', () => {
  it("counts the caller's copies per UTC day of the last 14 days by default", async () => {
    expect(await copyRows({})).toEqual([
      '2026-11-12 A COMPLETED EBS SUCCESS 1',
      '2026-11-20 A FAILED EC2 InvalidState 1',
      '2026-11-22 A FAILED RDS AccessDenied 1',
      '2026-11-23 A COMPLETED EBS SUCCESS 2',
    ]);
  });

  it('sums every account over seven days with ANY and AGGREGATE_ALL', async () => {
    const rows = await copyRows({
      AggregationPeriod: 'SEVEN_DAYS',
      AccountId: 'ANY',
      State: 'AGGREGATE_ALL',
      ResourceType: 'AGGREGATE_ALL',
      MessageCategory: 'AGGREGATE_ALL',
    });
    // Rows come sorted by account id; A, B and C are the accounts in the organisation's order.
    expect(rows.sort()).toEqual([
      '2026-11-17 A AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL 4',
      '2026-11-17 B AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL 2',
      '2026-11-17 C AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL 1',
    ]);
  });

  it('filters by MessageCategory case-insensitively, by State and by ResourceType', async () => {
    const denied = await copyRows({
      AggregationPeriod: 'FOURTEEN_DAYS',
      AccountId: 'ANY',
      MessageCategory: 'accessdenied',
    });
    expect(denied.sort()).toEqual([
      '2026-11-10 A FAILED RDS AccessDenied 1',
      '2026-11-10 B FAILED S3 AccessDenied 1',
    ]);
    expect(
      await copyRows({ AggregationPeriod: 'FOURTEEN_DAYS', State: 'COMPLETED', ResourceType: 'EBS' }),
    ).toEqual(['2026-11-10 A COMPLETED EBS SUCCESS 3']);
    // CopyJobStatus has states no copy job is in: they are valid and count nothing.
    expect(await copyRows({ State: 'ABORTING' })).toEqual([]);
  });

  it('answers for the signed Region only', async () => {
    const eu = clientFor(emu, 'eu-west-1');
    const out = await eu.send(new ListCopyJobSummariesCommand({ AggregationPeriod: 'SEVEN_DAYS' }));
    eu.destroy();
    expect(out.CopyJobSummaries?.map((r) => [r.Region, r.Count])).toEqual([['eu-west-1', 1]]);
  });

  it('pages rows with MaxResults and NextToken, each row once', async () => {
    const input = { AccountId: 'ANY', MaxResults: 2 };
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new ListCopyJobSummariesCommand({ ...input, NextToken: token }));
      seen.push(...(out.CopyJobSummaries ?? []).map(brief));
      token = out.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(4);
    expect(seen).toEqual(await copyRows({ AccountId: 'ANY' }));
  });

  it.each([
    ['State', { State: 'EXPIRED' as never }],
    ['AccountId', { AccountId: 'me' }],
    ['AggregationPeriod', { AggregationPeriod: 'ONE_WEEK' as never }],
    ['MaxResults', { MaxResults: 501 }],
    ['MessageCategory', { MessageCategory: ' ' }],
    ['NextToken', { NextToken: 'forged' }],
  ])('refuses a bad %s with InvalidParameterValueException', async (_name, input) => {
    const err = await errorOf(client.send(new ListCopyJobSummariesCommand(input)));
    expect(err.name).toBe('InvalidParameterValueException');
  });
});

describe('ListRestoreJobSummaries', () => {
  it('counts restores by Status, per day, without MessageCategory', async () => {
    expect((await restoreRows({ AccountId: 'ANY' })).sort()).toEqual([
      '2026-11-15 B ABORTED S3 - 1',
      '2026-11-21 A FAILED RDS - 2',
      '2026-11-23 A COMPLETED EBS - 1',
      '2026-11-23 C PENDING EFS - 1',
    ]);
    const raw = await rawRequest(
      emu,
      'GET',
      '/audit/restore-job-summaries?AccountId=ANY&MessageCategory=SUCCESS',
    );
    const rows = raw.json.RestoreJobSummaries as Record<string, unknown>[];
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => !('MessageCategory' in r))).toBe(true);
  });

  it('aggregates and filters like the other summaries', async () => {
    expect(
      await restoreRows({
        AggregationPeriod: 'SEVEN_DAYS',
        AccountId: 'AGGREGATE_ALL',
        ResourceType: 'AGGREGATE_ALL',
      }),
    ).toEqual([
      '2026-11-17 AGGREGATE_ALL COMPLETED AGGREGATE_ALL - 1',
      '2026-11-17 AGGREGATE_ALL FAILED AGGREGATE_ALL - 2',
      '2026-11-17 AGGREGATE_ALL PENDING AGGREGATE_ALL - 1',
    ]);
    expect(await restoreRows({ State: 'FAILED', AggregationPeriod: 'FOURTEEN_DAYS' })).toEqual([
      '2026-11-10 A FAILED RDS - 2',
    ]);
    expect(await restoreRows({ State: 'CREATED' })).toEqual([]);
  });

  it.each([
    ['State of another kind', { State: 'PARTIAL' as never }],
    ['ResourceType', { ResourceType: 'x'.repeat(51) }],
    ['AggregationPeriod', { AggregationPeriod: 'one_day' as never }],
  ])('refuses a bad %s', async (_name, input) => {
    const err = await errorOf(client.send(new ListRestoreJobSummariesCommand(input)));
    expect(err.name).toBe('InvalidParameterValueException');
  });
});

describe('summaries of the generated organisation match its jobs', () => {
  const sevenDaysFrom = Math.floor(NOW.getTime() / DAY) * DAY + DAY - 7 * DAY;

  it('counts every copy and restore job created in the period', async () => {
    const on = clientFor(seeded);
    const all = {
      AccountId: 'AGGREGATE_ALL',
      State: 'AGGREGATE_ALL',
      ResourceType: 'AGGREGATE_ALL',
    } as const;
    const copies = (await listCopies(on, { ByAccountId: '*' })).jobs;
    const restores = (await listRestores(on, { ByAccountId: '*' })).jobs;
    const recent = (d: Date | undefined) => (d?.getTime() ?? 0) >= sevenDaysFrom;
    const copyCount = copies.filter((j) => recent(j.CreationDate)).length;
    const restoreCount = restores.filter((j) => recent(j.CreationDate)).length;
    expect(copyCount).toBeGreaterThan(30);
    expect(restoreCount).toBeGreaterThan(10);
    expect(
      await copyRows({ ...all, MessageCategory: 'AGGREGATE_ALL', AggregationPeriod: 'SEVEN_DAYS' }, on),
    ).toEqual([`2026-11-17 AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL ${copyCount}`]);
    expect(await restoreRows({ ...all, AggregationPeriod: 'SEVEN_DAYS' }, on)).toEqual([
      `2026-11-17 AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL - ${restoreCount}`,
    ]);
    const failedToday = copies.filter(
      (j) => j.State === 'FAILED' && j.AccountId === seeded.accounts[0] && recent(j.CreationDate),
    ).length;
    const failedRows = await on.send(
      new ListCopyJobSummariesCommand({ State: 'FAILED', AggregationPeriod: 'SEVEN_DAYS', MaxResults: 500 }),
    );
    expect((failedRows.CopyJobSummaries ?? []).reduce((n, r) => n + (r.Count ?? 0), 0)).toBe(failedToday);
    on.destroy();
  });
});
