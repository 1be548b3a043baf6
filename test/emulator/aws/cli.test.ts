import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import {
  type BackupJob,
  GetSupportedResourceTypesCommand,
  ListBackupJobsCommand,
} from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import type { BackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, listAll } from './helpers.js';
import { assume, stsCall } from './sts-helpers.js';

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'emulator', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) return line;
  throw new Error('the emulator printed nothing');
}

describe('backup-jobs emulator', () => {
  it('prints where it listens, serves the AWS API, and stops cleanly on SIGTERM', async () => {
    const child = run([
      '--port',
      '0',
      '--seed',
      '4',
      '--jobs',
      '300',
      '--accounts',
      '2',
      '--regions',
      'eu-west-1,eu-central-1',
    ]);
    const line = await firstLine(child);
    const m =
      /^AWS Backup emulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \((\d+) jobs, accounts (\d{12}), (\d{12}), regions eu-west-1, eu-central-1; members assume OrganizationAccountAccessRole\)$/.exec(
        line,
      );
    expect(m, line).not.toBeNull();
    expect(Number(m?.[3])).toBeGreaterThan(200);
    const emu = { url: m?.[1] } as BackupEmulator;
    const client = clientFor(emu, 'eu-central-1');
    const types = await client.send(new GetSupportedResourceTypesCommand({}));
    expect(types.ResourceTypes).toHaveLength(17);
    const jobs = await client.send(new ListBackupJobsCommand({ ByAccountId: '*', MaxResults: 5 }));
    expect(jobs.BackupJobs).toHaveLength(5);
    client.destroy();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('spreads the jobs over --resources, and lets members be assumed as --member-role-name alone', async () => {
    const child = run(
      ['--port', '0', '--jobs', '300', '--resources', '60', '--accounts', '2'].concat([
        '--member-role-name',
        'BackupAuditor',
      ]),
    );
    const line = await firstLine(child);
    const [, url, member] =
      /listening on (http:\S+) .*accounts \d{12}, (\d{12}), .*; members assume BackupAuditor\)$/.exec(line) ??
      [];
    expect(member, line).toBeDefined();
    const emu = { url, memberRoleName: 'BackupAuditor' } as BackupEmulator;
    // Daily backups of 300 jobs would be of about 9 resources; 60 are each backed up every few days.
    const jobs: BackupJob[] = [];
    for (const region of ['us-east-1', 'eu-west-1']) {
      const client = clientFor(emu, region);
      jobs.push(...(await listAll(client, { ByAccountId: '*' })).jobs);
      client.destroy();
    }
    const resources = new Set(jobs.filter((j) => !j.ParentJobId).map((j) => j.ResourceArn));
    expect(resources.size).toBeGreaterThanOrEqual(60);
    expect(jobs.length).toBeLessThan(600);
    expect((await assume(emu, member!)).arn).toMatch(/:assumed-role\/BackupAuditor\/emulator-test$/);
    const refused = await stsCall(emu, {
      Action: 'AssumeRole',
      RoleArn: `arn:aws:iam::${member}:role/OrganizationAccountAccessRole`,
      RoleSessionName: 'emulator-test',
    });
    expect(refused.status).toBe(403);
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  it.each([
    [['--member-role-name', 'no spaces'], '--member-role-name "no spaces"', 'OrganizationAccountAccessRole'],
    [['--port', 'abc'], '--port "abc"', 'Usage: backup-jobs emulator'],
    [['--regions', 'Mars'], '--regions "Mars"', '--regions us-east-1,eu-west-1'],
    [['--order', 'random'], '--order "random"', 'Usage: backup-jobs emulator'],
    [['--verbose'], "Unknown option '--verbose'", 'Usage: backup-jobs emulator'],
  ])('refuses %j with a usage error and status 64', async (args, message, remedy) => {
    const child = run(args);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(64);
    expect(stderr).toContain(message);
    expect(stderr).toContain(remedy);
  });
});
