import {
  type BackupClient,
  type BackupJobSummary,
  ListBackupJobSummariesCommand,
  type ListBackupJobSummariesCommandInput,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, errorOf, NOW } from './helpers.js';

let emu: BackupEmulator;
let client: BackupClient;
let a: string;
let b: string;
let c: string;

beforeAll(async () => {
  emu = await startBackupEmulator({ jobs: 0, now: () => NOW });
  client = clientFor(emu);
  [a = '', b = '', c = ''] = emu.accounts;
  emu.addJobs([
    { AccountId: a, ResourceType: 'EBS', State: 'COMPLETED', CreationDate: '2026-11-23T08:00:00Z' },
    { AccountId: a, ResourceType: 'EBS', State: 'COMPLETED', CreationDate: '2026-11-23T08:05:00Z' },
    {
      AccountId: a,
      ResourceType: 'RDS',
      State: 'FAILED',
      MessageCategory: 'AccessDenied',
      CreationDate: '2026-11-22T03:00:00Z',
    },
    {
      AccountId: a,
      ResourceType: 'EC2',
      State: 'COMPLETED',
      MessageCategory: 'InvalidState',
      CreationDate: '2026-11-20T03:00:00Z',
    },
    { AccountId: a, ResourceType: 'EBS', State: 'COMPLETED', CreationDate: '2026-11-12T03:00:00Z' },
    { AccountId: a, ResourceType: 'EBS', State: 'COMPLETED', CreationDate: '2026-11-09T23:59:59Z' },
    { AccountId: b, ResourceType: 'S3', State: 'COMPLETED', CreationDate: '2026-11-22T05:00:00Z' },
    {
      AccountId: b,
      ResourceType: 'S3',
      State: 'FAILED',
      MessageCategory: 'AccessDenied',
      CreationDate: '2026-11-22T05:00:00Z',
    },
    { AccountId: c, ResourceType: 'EFS', State: 'RUNNING', CreationDate: '2026-11-23T09:30:00Z' },
    {
      AccountId: a,
      Region: 'eu-west-1',
      ResourceType: 'EBS',
      State: 'COMPLETED',
      CreationDate: '2026-11-23T08:00:00Z',
    },
  ]);
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

async function rows(input: ListBackupJobSummariesCommandInput): Promise<BackupJobSummary[]> {
  const out = await client.send(new ListBackupJobSummariesCommand({ MaxResults: 500, ...input }));
  return out.BackupJobSummaries ?? [];
}

function brief(r: BackupJobSummary): string {
  const day = r.StartTime?.toISOString().slice(0, 10);
  return [
    day,
    r.AccountId === a ? 'A' : r.AccountId === b ? 'B' : r.AccountId === c ? 'C' : r.AccountId,
    r.State,
    r.ResourceType,
    r.MessageCategory ?? '-',
    r.Count,
  ].join(' ');
}

const sum = (list: BackupJobSummary[]) => list.reduce((n, r) => n + (r.Count ?? 0), 0);

describe('ListBackupJobSummaries', () => {
  it('ONE_DAY gives daily rows for the 14 days up to today, for the caller only by default', async () => {
    const got = await rows({ AggregationPeriod: 'ONE_DAY' });
    expect(got.map(brief)).toEqual([
      '2026-11-12 A COMPLETED EBS SUCCESS 1',
      '2026-11-20 A COMPLETED EC2 InvalidState 1',
      '2026-11-22 A FAILED RDS AccessDenied 1',
      '2026-11-23 A COMPLETED EBS SUCCESS 2',
    ]);
    const today = got.at(-1) as BackupJobSummary;
    expect(today.Region).toBe('us-east-1');
    expect(today.StartTime?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(today.EndTime?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('SEVEN_DAYS with AccountId ANY and the rest AGGREGATE_ALL gives one total per account', async () => {
    const got = await rows({
      AggregationPeriod: 'SEVEN_DAYS',
      AccountId: 'ANY',
      State: 'AGGREGATE_ALL',
      ResourceType: 'AGGREGATE_ALL',
      MessageCategory: 'AGGREGATE_ALL',
    });
    expect(got.map(brief).sort()).toEqual([
      '2026-11-17 A AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL 4',
      '2026-11-17 B AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL 2',
      '2026-11-17 C AGGREGATE_ALL AGGREGATE_ALL AGGREGATE_ALL 1',
    ]);
    expect(got[0]?.EndTime?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('FOURTEEN_DAYS with AccountId AGGREGATE_ALL and State ANY gives one row per state', async () => {
    const got = await rows({
      AggregationPeriod: 'FOURTEEN_DAYS',
      AccountId: 'AGGREGATE_ALL',
      State: 'ANY',
      ResourceType: 'AGGREGATE_ALL',
      MessageCategory: 'AGGREGATE_ALL',
    });
    expect(got.map(brief)).toEqual([
      '2026-11-10 AGGREGATE_ALL COMPLETED AGGREGATE_ALL AGGREGATE_ALL 5',
      '2026-11-10 AGGREGATE_ALL FAILED AGGREGATE_ALL AGGREGATE_ALL 2',
      '2026-11-10 AGGREGATE_ALL RUNNING AGGREGATE_ALL AGGREGATE_ALL 1',
    ]);
  });

  it('counts "completed with issues" by subtraction, as AWS documents', async () => {
    const base = {
      AggregationPeriod: 'FOURTEEN_DAYS',
      AccountId: 'ANY',
      ResourceType: 'AGGREGATE_ALL',
    } as const;
    const completed = sum(await rows({ ...base, State: 'COMPLETED', MessageCategory: 'AGGREGATE_ALL' }));
    const success = sum(await rows({ ...base, State: 'COMPLETED', MessageCategory: 'SUCCESS' }));
    expect([completed, success]).toEqual([5, 4]);
  });

  it('filters on a concrete account, type and (case-insensitive) category', async () => {
    expect(
      (await rows({ AggregationPeriod: 'ONE_DAY', AccountId: b, ResourceType: 'S3' })).map(brief),
    ).toEqual(['2026-11-22 B COMPLETED S3 SUCCESS 1', '2026-11-22 B FAILED S3 AccessDenied 1']);
    const denied = await rows({
      AggregationPeriod: 'FOURTEEN_DAYS',
      AccountId: 'ANY',
      MessageCategory: 'accessdenied',
    });
    expect(sum(denied)).toBe(2);
  });

  it('counts nothing, without error, for a ResourceType AWS does not list (the API has no enum for it)', async () => {
    for (const type of ['Ec2', 'Aurora DSQL', 'x'.repeat(50)]) {
      expect(
        await rows({ AggregationPeriod: 'FOURTEEN_DAYS', AccountId: 'ANY', ResourceType: type }),
      ).toEqual([]);
    }
    const ebs = await rows({ AggregationPeriod: 'FOURTEEN_DAYS', AccountId: 'ANY', ResourceType: 'EBS' });
    expect(sum(ebs)).toBeGreaterThan(0);
  });

  it.each([
    ['State', { State: 'BOGUS' }],
    ['ResourceType of 51 characters', { ResourceType: 'x'.repeat(51) }],
    ['AccountId', { AccountId: '*' }],
    ['AggregationPeriod', { AggregationPeriod: 'ONE_WEEK' }],
    ['MaxResults', { MaxResults: 0 }],
    ['MaxResults', { MaxResults: 501 }],
    ['NextToken', { NextToken: 'abc' }],
  ])('refuses a bad %s with InvalidParameterValueException', async (_name, input) => {
    const err = await errorOf(
      client.send(new ListBackupJobSummariesCommand(input as ListBackupJobSummariesCommandInput)),
    );
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });
});
