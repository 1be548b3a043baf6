import { type BackupClient, type BackupJob, ListBackupJobsCommand } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, errorOf, idsOf, listAll, NOW } from './helpers.js';

let emu: BackupEmulator;
let client: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 11, jobs: 2000, now: () => NOW });
  client = clientFor(emu);
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

function isNewestFirst(jobs: readonly BackupJob[]): boolean {
  return jobs.every((j, i) => i === 0 || (jobs[i - 1]?.CreationDate as Date) >= (j.CreationDate as Date));
}

describe('ListBackupJobs paging', () => {
  it('yields every job exactly once across many pages, newest first, with a new token each page', async () => {
    const whole = await listAll(client, { ByAccountId: '*' }, 1000);
    const paged = await listAll(client, { ByAccountId: '*' }, 7);
    expect(paged.pages).toBeGreaterThan(100);
    expect(new Set(idsOf(paged.jobs)).size).toBe(paged.jobs.length);
    expect(idsOf(paged.jobs)).toEqual(idsOf(whole.jobs));
    expect(new Set(paged.tokens).size).toBe(paged.tokens.length);
    expect(isNewestFirst(paged.jobs)).toBe(true);
  });

  it('never returns the same NextToken twice, even for the same position', async () => {
    const input = { ByAccountId: '*', MaxResults: 5 };
    const a = await client.send(new ListBackupJobsCommand({ ...input }));
    const b = await client.send(new ListBackupJobsCommand({ ...input }));
    expect(a.NextToken).toBeDefined();
    expect(a.NextToken).not.toBe(b.NextToken);
    expect(idsOf(a.BackupJobs ?? [])).toEqual(idsOf(b.BackupJobs ?? []));
  });

  it('serves interleaved readers of the same query independently', async () => {
    const input = { ByAccountId: '*', ByState: 'COMPLETED' as const, MaxResults: 50 };
    const seen: [string[], string[]] = [[], []];
    const tokens: [string | undefined, string | undefined] = [undefined, undefined];
    let done = [false, false];
    while (!done.every(Boolean)) {
      const pages = await Promise.all(
        [0, 1].map((i) =>
          done[i] ? undefined : client.send(new ListBackupJobsCommand({ ...input, NextToken: tokens[i] })),
        ),
      );
      pages.forEach((page, i) => {
        if (!page) return;
        seen[i as 0 | 1].push(...(page.BackupJobs ?? []).map((j) => j.BackupJobId ?? ''));
        tokens[i as 0 | 1] = page.NextToken;
      });
      done = [0, 1].map((i) => done[i] || tokens[i] === undefined);
    }
    expect(seen[0].length).toBeGreaterThan(500);
    expect(new Set(seen[0]).size).toBe(seen[0].length);
    expect([...seen[0]].sort()).toEqual([...seen[1]].sort());
  });

  it('stays exact while jobs are added between pages', async () => {
    const input = { ByAccountId: '*', ByResourceType: 'EBS' as const, MaxResults: 20 };
    const before = idsOf((await listAll(client, { ByAccountId: '*', ByResourceType: 'EBS' })).jobs);
    const first = await client.send(new ListBackupJobsCommand({ ...input }));
    const seen = (first.BackupJobs ?? []).map((j) => j.BackupJobId ?? '');
    const oldest = first.BackupJobs?.at(-1)?.CreationDate as Date;
    const added = emu.addJobs([
      { ResourceType: 'EBS', CreationDate: new Date(NOW.getTime() - 60_000) },
      { ResourceType: 'EBS', CreationDate: new Date(oldest.getTime() - 1) },
      { ResourceType: 'EBS', CreationDate: new Date(NOW.getTime() - 29 * DAY) },
    ]);
    let token = first.NextToken;
    while (token) {
      const page = await client.send(new ListBackupJobsCommand({ ...input, NextToken: token }));
      seen.push(...(page.BackupJobs ?? []).map((j) => j.BackupJobId ?? ''));
      token = page.NextToken;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const addedIds = added.map((j) => j.BackupJobId);
    expect(seen.filter((id) => !addedIds.includes(id)).sort()).toEqual(before);
    // Jobs added behind the position already passed are not seen; those ahead of it are.
    expect(seen).not.toContain(addedIds[0]);
    expect(seen).toContain(addedIds[1]);
    expect(seen).toContain(addedIds[2]);
  });

  it('accepts MaxResults 1 and 1000', async () => {
    const one = await client.send(new ListBackupJobsCommand({ ByAccountId: '*', MaxResults: 1 }));
    expect(one.BackupJobs).toHaveLength(1);
    const many = await client.send(new ListBackupJobsCommand({ ByAccountId: '*', MaxResults: 1000 }));
    expect(many.BackupJobs).toHaveLength(1000);
    expect(many.NextToken).toBeDefined();
  });

  it('refuses a forged, edited, foreign or other-region NextToken', async () => {
    const page = await client.send(new ListBackupJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    const token = page.NextToken as string;
    const [payload = '', signature = ''] = token.split('.');
    const forged = `${Buffer.from('{"s":"x","k":[0,"A"],"n":"n"}').toString('base64url')}.${signature}`;
    const edited = `${payload.slice(0, -2)}AA.${signature}`;
    const cases = [
      ['garbage', { ByAccountId: '*', NextToken: 'not-a-token' }],
      ['forged', { ByAccountId: '*', NextToken: forged }],
      ['edited', { ByAccountId: '*', NextToken: edited }],
      ['foreign filters', { ByAccountId: '*', ByState: 'FAILED' as const, NextToken: token }],
      ['foreign account scope', { NextToken: token }],
    ] as const;
    for (const [, input] of cases) {
      const err = await errorOf(client.send(new ListBackupJobsCommand(input)));
      expect(err.name).toBe('InvalidParameterValueException');
      expect(err.$metadata?.httpStatusCode).toBe(400);
    }
    const eu = clientFor(emu, 'eu-west-1');
    const err = await errorOf(eu.send(new ListBackupJobsCommand({ ByAccountId: '*', NextToken: token })));
    eu.destroy();
    expect(err.name).toBe('InvalidParameterValueException');
  });
});

describe('ListBackupJobs order', () => {
  it('lists oldest first when asked', async () => {
    const oldest = await startBackupEmulator({ seed: 11, jobs: 300, now: () => NOW, order: 'oldest' });
    const c = clientFor(oldest);
    const { jobs } = await listAll(c, { ByAccountId: '*' }, 9);
    c.destroy();
    await oldest.close();
    expect(jobs.length).toBeGreaterThan(100);
    expect(isNewestFirst([...jobs].reverse())).toBe(true);
  });

  it('shuffles deterministically per query and still pages every job exactly once', async () => {
    const shuffled = await startBackupEmulator({ seed: 11, jobs: 600, now: () => NOW, order: 'shuffled' });
    const c = clientFor(shuffled);
    const a = await listAll(c, { ByAccountId: '*' }, 13);
    const b = await listAll(c, { ByAccountId: '*' }, 13);
    const completed = await listAll(c, { ByAccountId: '*', ByState: 'COMPLETED' }, 13);
    c.destroy();
    await shuffled.close();
    expect(a.jobs.length).toBeGreaterThan(200);
    expect(new Set(idsOf(a.jobs)).size).toBe(a.jobs.length);
    expect(a.jobs.map((j) => j.BackupJobId)).toEqual(b.jobs.map((j) => j.BackupJobId));
    expect(isNewestFirst(a.jobs)).toBe(false);
    expect(isNewestFirst([...a.jobs].reverse())).toBe(false);
    expect(completed.jobs.length).toBeGreaterThan(100);
    expect(completed.jobs.every((j) => j.State === 'COMPLETED')).toBe(true);
  });
});
