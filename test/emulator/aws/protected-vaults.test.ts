import {
  type BackupClient,
  ListBackupVaultsCommand,
  ListProtectedResourcesByBackupVaultCommand,
  type ProtectedResource,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, errorOf, NOW, rawRequest } from './helpers.js';
import { byArn } from './resource-helpers.js';
import { assume, clientWith, listResources, listVaultResources } from './sts-helpers.js';

let emu: BackupEmulator;
let client: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 8, jobs: 2000, now: () => NOW });
  client = clientFor(emu);
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

/** The newest of each resource's entries across vaults: what ListProtectedResources lists. */
function newestPerResource(entries: readonly ProtectedResource[]): ProtectedResource[] {
  const best = new Map<string, ProtectedResource>();
  for (const e of entries) {
    const held = best.get(e.ResourceArn as string);
    if (!held || (e.LastBackupTime as Date) > (held.LastBackupTime as Date))
      best.set(e.ResourceArn as string, e);
  }
  return byArn([...best.values()]);
}

async function everyVault(member: BackupClient): Promise<ProtectedResource[]> {
  const vaults = (await member.send(new ListBackupVaultsCommand({}))).BackupVaultList ?? [];
  const all: ProtectedResource[] = [];
  for (const vault of vaults) {
    const name = vault.BackupVaultName as string;
    const listed = await listVaultResources(member, { BackupVaultName: name });
    for (const r of listed) expect(r.LastBackupVaultArn).toBe(vault.BackupVaultArn);
    all.push(...listed);
  }
  return all;
}

describe('ListProtectedResourcesByBackupVault', () => {
  it("adds up, vault by vault, to the account's ListProtectedResources", async () => {
    for (const region of emu.regions) {
      const regional = clientFor(emu, region);
      const all = await everyVault(regional);
      expect(newestPerResource(all)).toEqual(byArn((await listResources(regional)).resources));
      regional.destroy();
    }
  });

  it("lists the DR account's vault to that account, through AssumeRole", async () => {
    const dr = emu.accounts.at(-1) as string;
    const member = clientWith(emu, await assume(emu, dr), 'eu-west-1');
    const held = await listVaultResources(member, { BackupVaultName: 'dr-vault', BackupVaultAccountId: dr });
    expect(held.length).toBeGreaterThan(5);
    expect(held.some((r) => !(r.ResourceArn as string).includes(dr))).toBe(true);
    expect(newestPerResource(await everyVault(member))).toEqual(
      byArn((await listResources(member)).resources),
    );
    member.destroy();
  });

  it('pages with MaxResults to the same resources', async () => {
    const input = { BackupVaultName: 'Default' };
    const whole = await listVaultResources(client, input);
    expect(whole.length).toBeGreaterThan(3);
    expect(await listVaultResources(client, input, 2)).toEqual(whole);
    const first = await client.send(
      new ListProtectedResourcesByBackupVaultCommand({ ...input, MaxResults: 2 }),
    );
    const other = await errorOf(
      client.send(
        new ListProtectedResourcesByBackupVaultCommand({
          BackupVaultName: 'dev',
          NextToken: first.NextToken,
        }),
      ),
    );
    expect(other.name).toBe('InvalidParameterValueException');
  });

  it('answers the CLI route with a trailing slash', async () => {
    const res = await rawRequest(
      emu,
      'GET',
      `/backup-vaults/Default/resources/?backupVaultAccountId=${emu.accounts[0]}`,
    );
    expect(res.status).toBe(200);
    expect((res.json.Results as unknown[]).length).toBeGreaterThan(3);
  });

  it("refuses another account's vault with 403 AccessDeniedException", async () => {
    const dr = emu.accounts.at(-1) as string;
    const err = await errorOf(
      client.send(
        new ListProtectedResourcesByBackupVaultCommand({
          BackupVaultName: 'dr-vault',
          BackupVaultAccountId: dr,
        }),
      ),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toContain('backup:ListProtectedResourcesByBackupVault');
  });

  it.each([
    ['an unknown vault', { BackupVaultName: 'no-such-vault' }, 'ResourceNotFoundException'],
    ['a vault name AWS cannot have', { BackupVaultName: 'bad name!' }, 'InvalidParameterValueException'],
    [
      'an account id that is not 12 digits',
      { BackupVaultName: 'prod', BackupVaultAccountId: '12' },
      'InvalidParameterValueException',
    ],
    ['MaxResults 0', { BackupVaultName: 'prod', MaxResults: 0 }, 'InvalidParameterValueException'],
  ])('refuses %s with 400', async (_name, input, code) => {
    const err = await errorOf(client.send(new ListProtectedResourcesByBackupVaultCommand(input)));
    expect(err.name).toBe(code);
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });
});
