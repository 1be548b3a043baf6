import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackupClient,
  DescribeBackupJobCommand,
  ListBackupJobSummariesCommand,
  ListBackupVaultsCommand,
  ListProtectedResourcesCommand,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, errorOf, idsOf, listAll, NOW } from './helpers.js';
import { assume, clientWith, listResources } from './sts-helpers.js';

let emu: BackupEmulator;
let member: string;
let client: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 6, jobs: 1500, now: () => NOW });
  member = emu.accounts.at(-1) as string;
  client = clientWith(emu, await assume(emu, member), 'eu-west-1');
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

describe('credentials from AssumeRole', () => {
  it("list the member account's protected resources, not the management account's", async () => {
    const listed = (await listResources(client)).resources;
    const want = emu.protectedResources(member, 'eu-west-1');
    expect(want.length).toBeGreaterThan(5);
    expect(listed.map((r) => [r.ResourceArn, r.LastBackupTime, r.LastRecoveryPointArn])).toEqual(
      want.map((r) => [r.ResourceArn, r.LastBackupTime, r.LastRecoveryPointArn]),
    );
    const base = clientFor(emu, 'eu-west-1');
    const own = (await base.send(new ListProtectedResourcesCommand({}))).Results ?? [];
    base.destroy();
    expect(own.map((r) => r.ResourceArn)).toEqual(
      emu.protectedResources(emu.accounts[0], 'eu-west-1').map((r) => r.ResourceArn),
    );
  });

  it("list the member's own jobs only, whatever ByAccountId asks", async () => {
    const base = clientFor(emu, 'eu-west-1');
    const org = (await listAll(base, { ByAccountId: '*' })).jobs;
    base.destroy();
    const mine = org.filter((j) => j.AccountId === member);
    expect(mine.length).toBeGreaterThan(50);
    expect(idsOf((await listAll(client)).jobs)).toEqual(idsOf(mine));
    expect(idsOf((await listAll(client, { ByAccountId: '*' })).jobs)).toEqual(idsOf(mine));
    expect((await listAll(client, { ByAccountId: emu.accounts[0] })).jobs).toEqual([]);
    const summaries = await client.send(
      new ListBackupJobSummariesCommand({ AccountId: 'ANY', MaxResults: 500 }),
    );
    expect(new Set(summaries.BackupJobSummaries?.map((r) => r.AccountId))).toEqual(new Set([member]));
  });

  it("describe the member's jobs and not another account's, and list the member's vaults", async () => {
    const base = clientFor(emu, 'eu-west-1');
    const [theirs] = (await listAll(base)).jobs;
    base.destroy();
    const [mine] = (await listAll(client)).jobs;
    const got = await client.send(new DescribeBackupJobCommand({ BackupJobId: mine?.BackupJobId }));
    expect(got.AccountId).toBe(member);
    const err = await errorOf(
      client.send(new DescribeBackupJobCommand({ BackupJobId: theirs?.BackupJobId })),
    );
    expect(err.name).toBe('ResourceNotFoundException');
    const vaults = (await client.send(new ListBackupVaultsCommand({}))).BackupVaultList ?? [];
    expect(vaults.map((v) => v.BackupVaultName)).toContain('dr-vault');
    expect(vaults.every((v) => v.BackupVaultArn?.includes(`:${member}:`))).toBe(true);
  });
});

const PROFILE_ENV = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL_STS'] as const;

describe("the SDK's own role assumption", () => {
  it('gets member credentials from a profile with role_arn, with the emulator as STS', async () => {
    // A real clock: the SDK checks the expiry of the credentials it gets against its own.
    const real = await startBackupEmulator({ seed: 6, jobs: 1500 });
    const dir = mkdtempSync(join(tmpdir(), 'emulator-sts-'));
    const saved = PROFILE_ENV.map((name) => [name, process.env[name]] as const);
    try {
      writeFileSync(
        join(dir, 'config'),
        `[profile base]\nregion = eu-west-1\n\n[profile member]\nrole_arn = arn:aws:iam::${member}:role/${real.memberRoleName}\nsource_profile = base\nrole_session_name = sdk\n`,
      );
      writeFileSync(
        join(dir, 'credentials'),
        '[base]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n',
      );
      process.env.AWS_CONFIG_FILE = join(dir, 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
      process.env.AWS_ENDPOINT_URL_STS = real.url;
      const sdk = new BackupClient({
        endpoint: real.url,
        region: 'eu-west-1',
        profile: 'member',
        maxAttempts: 1,
      });
      const listed = (await sdk.send(new ListProtectedResourcesCommand({}))).Results ?? [];
      sdk.destroy();
      expect(listed.length).toBeGreaterThan(5);
      expect(listed.map((r) => r.ResourceArn)).toEqual(
        real.protectedResources(member, 'eu-west-1').map((r) => r.ResourceArn),
      );
      expect(real.stats().calls.AssumeRole).toEqual({ 'eu-west-1': 1 });
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(dir, { recursive: true, force: true });
      await real.close();
    }
  });
});
