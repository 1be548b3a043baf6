import { type BackupClient, ListBackupJobsCommand } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, idsOf, listAll, NOW, rawRequest } from './helpers.js';

let emu: BackupEmulator;
let client: BackupClient;
let clock = NOW;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  emu = await startBackupEmulator({ jobs: 0, now: () => clock });
  client = clientFor(emu);
  emu.addJobs([
    { BackupJobId: 'EDGE-BEFORE', CreationDate: '2026-11-20T00:00:00.499Z', CompletionDate: 1795137000.25 },
    {
      BackupJobId: 'EDGE-AT',
      CreationDate: '2026-11-20T00:00:00.500Z',
      CompletionDate: '2026-11-20T01:00:00Z',
    },
    {
      BackupJobId: 'EDGE-AFTER',
      CreationDate: at('2026-11-20T00:00:01Z'),
      CompletionDate: '2026-11-21T00:00:00Z',
    },
    { BackupJobId: 'OLD-29D', CreationDate: new Date(NOW.getTime() - 29 * DAY) },
    { BackupJobId: 'OLD-31D', CreationDate: new Date(NOW.getTime() - 31 * DAY) },
  ]);
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

describe('timestamps', () => {
  it('takes Dates with milliseconds from the SDK: after is inclusive, before exclusive', async () => {
    const after = await listAll(client, { ByCreatedAfter: at('2026-11-20T00:00:00.500Z') });
    expect(idsOf(after.jobs)).toEqual(['EDGE-AFTER', 'EDGE-AT']);
    const before = await listAll(client, { ByCreatedBefore: at('2026-11-20T00:00:00.500Z') });
    expect(idsOf(before.jobs)).toEqual(['EDGE-BEFORE', 'OLD-29D']);
  });

  it.each([
    ['Z', '2026-11-20T00:00:00Z', ['EDGE-AFTER', 'EDGE-AT', 'EDGE-BEFORE']],
    ['.500Z (JS SDK)', '2026-11-20T00:00:00.500Z', ['EDGE-AFTER', 'EDGE-AT']],
    ['.500000Z (AWS CLI)', '2026-11-20T00:00:00.500000Z', ['EDGE-AFTER', 'EDGE-AT']],
    ['an offset', '2026-11-20T01:00:00.500+01:00', ['EDGE-AFTER', 'EDGE-AT']],
  ])('accepts the %s form over raw HTTP', async (_name, value, ids) => {
    const res = await rawRequest(emu, 'GET', `/backup-jobs/?createdAfter=${encodeURIComponent(value)}`);
    expect(res.status).toBe(200);
    const jobs = res.json.BackupJobs as { BackupJobId: string }[];
    expect(jobs.map((j) => j.BackupJobId).sort()).toEqual(ids);
  });

  it.each([
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    'yesterday',
    '2026-11-20',
    '2026-11-20T25:00:00Z',
    '',
  ])('refuses the malformed timestamp "%s" with 400 InvalidParameterValueException', async (value) => {
    const res = await rawRequest(emu, 'GET', `/backup-jobs?completeBefore=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('InvalidParameterValueException');
    expect(res.json.Message).toContain('completeBefore');
  });

  it('answers with epoch seconds as JSON numbers, milliseconds kept', async () => {
    const res = await rawRequest(emu, 'GET', '/backup-jobs?createdAfter=2026-11-20T00:00:00Z');
    const jobs = res.json.BackupJobs as Record<string, unknown>[];
    const edge = jobs.find((j) => j.BackupJobId === 'EDGE-AT') as Record<string, unknown>;
    expect(edge.CreationDate).toBe(1795132800.5);
    expect(res.text).toContain('"CreationDate":1795132800.5');
    const sdk = await client.send(
      new ListBackupJobsCommand({ ByCreatedAfter: at('2026-11-20T00:00:00.500Z') }),
    );
    const parsed = sdk.BackupJobs?.find((j) => j.BackupJobId === 'EDGE-AT');
    expect(parsed?.CreationDate?.toISOString()).toBe('2026-11-20T00:00:00.500Z');
    const before = sdk.BackupJobs?.find((j) => j.BackupJobId === 'EDGE-BEFORE');
    expect(before).toBeUndefined();
  });

  it('filters on completion with both bounds', async () => {
    const got = await listAll(client, {
      ByCompleteAfter: at('2026-11-20T00:30:00Z'),
      ByCompleteBefore: at('2026-11-21T00:00:00Z'),
    });
    expect(idsOf(got.jobs)).toEqual(['EDGE-AT', 'EDGE-BEFORE']);
  });

  it('lists only the 30 days before the emulator clock at request time', async () => {
    expect(idsOf((await listAll(client)).jobs)).toContain('OLD-29D');
    expect(idsOf((await listAll(client)).jobs)).not.toContain('OLD-31D');
    clock = new Date(NOW.getTime() + 2 * DAY);
    try {
      const later = idsOf((await listAll(client)).jobs);
      expect(later).not.toContain('OLD-29D');
      expect(later).toContain('EDGE-AT');
    } finally {
      clock = NOW;
    }
  });
});
