import {
  type BackupClient,
  DescribeBackupJobCommand,
  GetSupportedResourceTypesCommand,
  ListBackupJobsCommand,
} from '@aws-sdk/client-backup';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, errorOf, NOW, rawRequest } from './helpers.js';

let emu: BackupEmulator;
let client: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ jobs: 0, now: () => NOW });
  client = clientFor(emu);
});

afterEach(async () => {
  await rawRequest(emu, 'POST', '/_emulator/faults', { body: {} });
  await rawRequest(emu, 'POST', '/_emulator/stats/reset');
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

describe('admin API: jobs', () => {
  it('adds partial jobs with realistic defaults, in either body shape and either time form', async () => {
    const res = await rawRequest(emu, 'POST', '/_emulator/jobs', {
      body: [
        { State: 'FAILED', ResourceType: 'RDS', CreationDate: '2026-11-23T08:00:00.500Z' },
        { Region: 'eu-west-1', CreationDate: 1795420800 },
      ],
    });
    expect(res.status).toBe(200);
    const [failed, eu] = res.json.jobs as Record<string, unknown>[];
    expect(failed).toMatchObject({
      Region: 'us-east-1',
      AccountId: emu.accounts[0],
      State: 'FAILED',
      ResourceType: 'RDS',
    });
    expect(failed?.CreationDate).toBe(1795420800.5);
    expect(failed?.ResourceArn).toMatch(/^arn:aws:rds:us-east-1:\d{12}:db:/);
    expect(failed?.MessageCategory).toBe('AccessDenied');
    expect(failed?.StatusMessage).toEqual(expect.stringContaining('not authorized'));
    expect(eu).toMatchObject({
      Region: 'eu-west-1',
      State: 'COMPLETED',
      MessageCategory: 'SUCCESS',
      PercentDone: '100.0',
    });
    const wrapped = await rawRequest(emu, 'POST', '/_emulator/jobs', {
      body: { jobs: [{ BackupJobId: 'WRAPPED-1' }] },
    });
    expect((wrapped.json.jobs as { BackupJobId: string }[])[0]?.BackupJobId).toBe('WRAPPED-1');
    const described = await client.send(new DescribeBackupJobCommand({ BackupJobId: 'WRAPPED-1' }));
    expect(described.State).toBe('COMPLETED');
  });

  it('clears every job', async () => {
    emu.addJobs([{ BackupJobId: 'TO-CLEAR' }]);
    const res = await rawRequest(emu, 'DELETE', '/_emulator/jobs');
    expect(res.status).toBe(200);
    expect(res.json.deleted).toBeGreaterThan(0);
    const listed = await client.send(new ListBackupJobsCommand({ ByAccountId: '*' }));
    expect(listed.BackupJobs).toEqual([]);
  });

  it.each([
    ['not JSON', '{', 'not JSON'],
    ['a wrong type', [{ State: 'DONE' }], 'State'],
    ['an unknown field', [{ Stat: 'FAILED' }], 'Stat'],
    ['a bad time', [{ CreationDate: 'tuesday' }], 'CreationDate'],
    ['a duplicate id', [{ BackupJobId: 'DUP' }, { BackupJobId: 'DUP' }], 'DUP'],
  ])('refuses %s with 400 and a clear message', async (_name, body, mention) => {
    const res = await rawRequest(emu, 'POST', '/_emulator/jobs', { body });
    expect(res.status).toBe(400);
    expect(String(res.json.error)).toContain(mention);
  });

  it('answers 404 for an unknown admin route', async () => {
    const res = await rawRequest(emu, 'GET', '/_emulator/nothing');
    expect(res.status).toBe(404);
    expect(String(res.json.error)).toContain('/_emulator/stats');
  });
});

describe('admin API: faults and stats', () => {
  it('throttles with 400 ThrottlingException, which the SDK retries, and counts every attempt', async () => {
    await rawRequest(emu, 'POST', '/_emulator/faults', { body: { throttleRate: 1 } });
    const retrying = clientFor(emu, 'us-east-1', 2);
    const err = await errorOf(retrying.send(new GetSupportedResourceTypesCommand({})));
    retrying.destroy();
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    const stats = await rawRequest(emu, 'GET', '/_emulator/stats');
    expect(stats.json).toEqual({
      calls: { GetSupportedResourceTypes: { 'us-east-1': 2 } },
      total: 2,
      injected: { ThrottlingException: 2 },
    });
  });

  it('fails with 500 ServiceUnavailableException only in the targeted region and operation', async () => {
    await rawRequest(emu, 'POST', '/_emulator/faults', {
      body: { errorRate: 1, regions: ['eu-west-1'], operations: ['ListBackupJobs'] },
    });
    const eu = clientFor(emu, 'eu-west-1');
    const err = await errorOf(eu.send(new ListBackupJobsCommand({})));
    expect(err.name).toBe('ServiceUnavailableException');
    expect(err.$metadata?.httpStatusCode).toBe(500);
    await expect(eu.send(new GetSupportedResourceTypesCommand({}))).resolves.toBeDefined();
    await expect(client.send(new ListBackupJobsCommand({}))).resolves.toBeDefined();
    eu.destroy();
    expect(emu.stats().calls).toEqual({
      ListBackupJobs: { 'eu-west-1': 1, 'us-east-1': 1 },
      GetSupportedResourceTypes: { 'eu-west-1': 1 },
    });
  });

  it('denies an operation with 403 AccessDeniedException naming the backup: action', async () => {
    await rawRequest(emu, 'POST', '/_emulator/faults', { body: { denyOperations: ['ListBackupJobs'] } });
    const err = await errorOf(client.send(new ListBackupJobsCommand({})));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toContain('backup:ListBackupJobs');
  });

  it('reports expired credentials with ExpiredTokenException', async () => {
    emu.setFaults({ expiredToken: true });
    const err = await errorOf(client.send(new ListBackupJobsCommand({})));
    expect(err.name).toBe('ExpiredTokenException');
  });

  it('adds latency to targeted calls, and {} clears every fault', async () => {
    await rawRequest(emu, 'POST', '/_emulator/faults', { body: { latencyMs: 150 } });
    const started = performance.now();
    await client.send(new GetSupportedResourceTypesCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const cleared = await rawRequest(emu, 'POST', '/_emulator/faults', { body: {} });
    expect(cleared.json).toEqual({ faults: {} });
  });

  it('refuses a bad faults body with 400', async () => {
    for (const body of [{ throttleRate: 2 }, { operations: ['DeleteBackupVault'] }, { latency: 5 }]) {
      const res = await rawRequest(emu, 'POST', '/_emulator/faults', { body });
      expect(res.status).toBe(400);
      expect(res.json.error).toEqual(expect.stringContaining('Invalid faults body'));
    }
  });

  it('resets the stats', async () => {
    await client.send(new GetSupportedResourceTypesCommand({}));
    expect(emu.stats().total).toBe(1);
    const res = await rawRequest(emu, 'POST', '/_emulator/stats/reset');
    expect(res.json).toEqual({ calls: {}, total: 0, injected: {} });
    emu.resetStats();
    expect(emu.stats().total).toBe(0);
  });
});
