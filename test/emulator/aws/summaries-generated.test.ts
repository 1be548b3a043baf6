import {
  type BackupClient,
  type BackupJobSummary,
  ListBackupJobSummariesCommand,
  paginateListBackupJobSummaries,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, listAll, NOW } from './helpers.js';

const sum = (list: BackupJobSummary[]) => list.reduce((n, r) => n + (r.Count ?? 0), 0);

describe('ListBackupJobSummaries over a generated organisation', () => {
  let big: BackupEmulator;
  let bigClient: BackupClient;

  beforeAll(async () => {
    big = await startBackupEmulator({ seed: 5, jobs: 2500, now: () => NOW });
    bigClient = clientFor(big);
  });

  afterAll(async () => {
    bigClient.destroy();
    await big.close();
  });

  it('pages with fresh tokens and gives the same rows as one big page', async () => {
    const input = { AggregationPeriod: 'ONE_DAY', AccountId: 'ANY' } as const;
    const whole = await bigClient.send(new ListBackupJobSummariesCommand({ ...input, MaxResults: 500 }));
    const paged: BackupJobSummary[] = [];
    const tokens: string[] = [];
    for await (const page of paginateListBackupJobSummaries(
      { client: bigClient, pageSize: 5 },
      { ...input },
    )) {
      paged.push(...(page.BackupJobSummaries ?? []));
      if (page.NextToken) tokens.push(page.NextToken);
    }
    expect(whole.NextToken).toBeUndefined();
    expect(paged.length).toBeGreaterThan(50);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(paged).toEqual(whole.BackupJobSummaries);
  });

  it('agrees with ListBackupJobs on completed-with-issues counts', async () => {
    const summary = await bigClient.send(
      new ListBackupJobSummariesCommand({
        AggregationPeriod: 'FOURTEEN_DAYS',
        AccountId: 'ANY',
        State: 'COMPLETED',
        ResourceType: 'AGGREGATE_ALL',
        MaxResults: 500,
      }),
    );
    const list = summary.BackupJobSummaries ?? [];
    const issues = sum(list.filter((r) => r.MessageCategory !== 'SUCCESS'));
    const start = list[0]?.StartTime as Date;
    const { jobs } = await listAll(bigClient, {
      ByAccountId: '*',
      ByState: 'COMPLETED',
      ByCreatedAfter: start,
    });
    expect(issues).toBeGreaterThan(0);
    expect(issues).toBe(jobs.filter((j) => j.MessageCategory !== 'SUCCESS').length);
    expect(sum(list)).toBe(jobs.length);
  });
});
