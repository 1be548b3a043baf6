import {
  type BackupClient,
  ListBackupJobsCommand,
  ListCopyJobsCommand,
  ListRestoreJobsCommand,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, errorOf, NOW } from './helpers.js';
import { copyIds, listCopies, listRestores, restoreIds } from './kind-helpers.js';

let emu: BackupEmulator;
let shuffled: BackupEmulator;
let client: BackupClient;
let mixed: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 4, jobs: 2000, now: () => NOW });
  shuffled = await startBackupEmulator({ seed: 4, jobs: 2000, now: () => NOW, order: 'shuffled' });
  client = clientFor(emu);
  mixed = clientFor(shuffled);
});

afterAll(async () => {
  client.destroy();
  mixed.destroy();
  await Promise.all([emu.close(), shuffled.close()]);
});

const newestFirst = (dates: (Date | undefined)[]) =>
  dates.every((d, i) => i === 0 || (dates[i - 1] as Date).getTime() >= (d as Date).getTime());

describe('ListCopyJobs and ListRestoreJobs paging', () => {
  it('yields every copy job exactly once across pages, newest first, with a new token each page', async () => {
    const whole = await listCopies(client, { ByAccountId: '*' });
    const paged = await listCopies(client, { ByAccountId: '*' }, 7);
    expect(paged.pages).toBeGreaterThan(30);
    expect(new Set(copyIds(paged.jobs)).size).toBe(paged.jobs.length);
    expect(copyIds(paged.jobs)).toEqual(copyIds(whole.jobs));
    expect(new Set(paged.tokens).size).toBe(paged.tokens.length);
    expect(newestFirst(paged.jobs.map((j) => j.CreationDate))).toBe(true);
  });

  it('yields every restore job exactly once across pages', async () => {
    const whole = await listRestores(client, { ByAccountId: '*' });
    const paged = await listRestores(client, { ByAccountId: '*' }, 3);
    expect(paged.pages).toBeGreaterThan(10);
    expect(new Set(restoreIds(paged.jobs)).size).toBe(paged.jobs.length);
    expect(restoreIds(paged.jobs)).toEqual(restoreIds(whole.jobs));
    expect(new Set(paged.tokens).size).toBe(paged.tokens.length);
    expect(newestFirst(paged.jobs.map((j) => j.CreationDate))).toBe(true);
  });

  it('pages a shuffled order exactly once too', async () => {
    const input = { ByAccountId: '*', ByState: 'COMPLETED' as const };
    const whole = await listCopies(mixed, input);
    const paged = await listCopies(mixed, input, 11);
    expect(copyIds(paged.jobs)).toEqual(copyIds(whole.jobs));
    expect(new Set(copyIds(paged.jobs)).size).toBe(paged.jobs.length);
    expect(newestFirst(paged.jobs.map((j) => j.CreationDate))).toBe(false);
    const restores = await listRestores(mixed, { ByAccountId: '*' }, 4);
    expect(restoreIds(restores.jobs)).toEqual(
      restoreIds((await listRestores(client, { ByAccountId: '*' })).jobs),
    );
  });

  it('never returns the same NextToken twice for the same position', async () => {
    const a = await client.send(new ListCopyJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    const b = await client.send(new ListCopyJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    expect(a.NextToken).toBeDefined();
    expect(a.NextToken).not.toBe(b.NextToken);
    const c = await client.send(new ListRestoreJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    const d = await client.send(new ListRestoreJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    expect(c.NextToken).not.toBe(d.NextToken);
    expect(c.RestoreJobs).toEqual(d.RestoreJobs);
  });

  it('stays exact while copy jobs are added between pages', async () => {
    const input = { ByAccountId: '*', ByResourceType: 'EBS' };
    const before = copyIds((await listCopies(client, input)).jobs);
    const first = await client.send(new ListCopyJobsCommand({ ...input, MaxResults: 10 }));
    const seen = (first.CopyJobs ?? []).map((j) => j.CopyJobId ?? '');
    const oldest = first.CopyJobs?.at(-1)?.CreationDate as Date;
    const added = emu.addCopyJobs([
      { ResourceType: 'EBS', CreationDate: new Date(NOW.getTime() - 60_000) },
      { ResourceType: 'EBS', CreationDate: new Date(oldest.getTime() - 1) },
      { ResourceType: 'EBS', CreationDate: new Date(NOW.getTime() - 28 * DAY) },
    ]);
    let token = first.NextToken;
    while (token) {
      const page = await client.send(new ListCopyJobsCommand({ ...input, MaxResults: 10, NextToken: token }));
      seen.push(...(page.CopyJobs ?? []).map((j) => j.CopyJobId ?? ''));
      token = page.NextToken;
    }
    const addedIds = added.map((j) => j.CopyJobId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => !addedIds.includes(id)).sort()).toEqual(before);
    expect(seen).not.toContain(addedIds[0]);
    expect(seen).toContain(addedIds[1]);
    expect(seen).toContain(addedIds[2]);
  });

  it('refuses a token from another operation, other filters or another Region', async () => {
    const copies = await client.send(new ListCopyJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    const restores = await client.send(new ListRestoreJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    const backups = await client.send(new ListBackupJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    const eu = clientFor(emu, 'eu-west-1');
    const calls = [
      client.send(new ListRestoreJobsCommand({ ByAccountId: '*', NextToken: copies.NextToken })),
      client.send(new ListBackupJobsCommand({ ByAccountId: '*', NextToken: copies.NextToken })),
      client.send(new ListCopyJobsCommand({ ByAccountId: '*', NextToken: backups.NextToken })),
      client.send(
        new ListCopyJobsCommand({ ByAccountId: '*', ByState: 'FAILED', NextToken: copies.NextToken }),
      ),
      client.send(
        new ListRestoreJobsCommand({ ByAccountId: '*', ByStatus: 'FAILED', NextToken: restores.NextToken }),
      ),
      eu.send(new ListCopyJobsCommand({ ByAccountId: '*', NextToken: copies.NextToken })),
    ];
    for (const call of calls) {
      const err = await errorOf(call);
      expect(err.name).toBe('InvalidParameterValueException');
    }
    eu.destroy();
  });
});
