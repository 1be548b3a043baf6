import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { NOW, rawRequest } from './helpers.js';

let emu: BackupEmulator;

beforeAll(async () => {
  emu = await startBackupEmulator({ jobs: 0, now: () => NOW });
  emu.addCopyJobs([
    { CopyJobId: 'COPY-DONE', CreationDate: '2026-11-23T08:00:00.250Z' },
    { CopyJobId: 'COPY-RUNNING', State: 'RUNNING' },
  ]);
  emu.addRestoreJobs([
    { RestoreJobId: 'RESTORE-DONE', CreationDate: 1795420800.5 },
    { RestoreJobId: 'RESTORE-PENDING', Status: 'PENDING' },
  ]);
});

afterAll(async () => {
  await emu.close();
});

describe('copy and restore jobs on the wire', () => {
  it('send times as epoch seconds (JSON numbers with milliseconds)', async () => {
    const copies = (await rawRequest(emu, 'GET', '/copy-jobs')).json.CopyJobs as Record<string, unknown>[];
    const done = copies.find((c) => c.CopyJobId === 'COPY-DONE');
    expect(done?.CreationDate).toBe(Date.parse('2026-11-23T08:00:00.250Z') / 1000);
    expect(typeof done?.CompletionDate).toBe('number');
    const restore = (await rawRequest(emu, 'GET', '/restore-jobs/RESTORE-DONE')).json;
    expect(restore.CreationDate).toBe(1795420800.5);
    expect(typeof restore.RecoveryPointCreationDate).toBe('number');
    const summary = (await rawRequest(emu, 'GET', '/audit/copy-job-summaries')).json
      .CopyJobSummaries as Record<string, unknown>[];
    expect(typeof summary[0]?.StartTime).toBe('number');
  });

  it('leave absent fields out rather than sending null, and never send the Region', async () => {
    const running = (await rawRequest(emu, 'GET', '/copy-jobs/COPY-RUNNING')).json.CopyJob as Record<
      string,
      unknown
    >;
    expect(running.State).toBe('RUNNING');
    for (const absent of ['CompletionDate', 'DestinationRecoveryPointArn', 'MessageCategory', 'Region']) {
      expect(running, absent).not.toHaveProperty(absent);
    }
    const pending = (await rawRequest(emu, 'GET', '/restore-jobs/RESTORE-PENDING')).json;
    for (const absent of [
      'CompletionDate',
      'CreatedResourceArn',
      'ValidationStatus',
      'DeletionStatus',
      'Region',
    ]) {
      expect(pending, absent).not.toHaveProperty(absent);
    }
    const text = (await rawRequest(emu, 'GET', '/restore-jobs')).text;
    expect(text).not.toContain('null');
  });
});
