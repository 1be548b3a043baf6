import { type BackupClient, ListProtectedResourcesCommand } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, errorOf, NOW, rawRequest } from './helpers.js';
import { byArn, expectedFromJobs } from './resource-helpers.js';
import { assume, clientWith, listResources } from './sts-helpers.js';

let emu: BackupEmulator;
let client: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 3, jobs: 2500, now: () => NOW });
  client = clientFor(emu);
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

/** A client acting as `account`: the base credentials for the management account, else AssumeRole's. */
async function clientOf(account: string, region: string): Promise<BackupClient> {
  if (account === emu.accounts[0]) return clientFor(emu, region);
  return clientWith(emu, await assume(emu, account), region);
}

describe('ListProtectedResources', () => {
  it("lists, per account and Region, each resource's newest recovery point as the jobs show it", async () => {
    const expected = await expectedFromJobs(emu);
    const retired = new Map(emu.seededGaps().retired.map((g) => [g.resourceArn, g]));
    expect(retired.size).toBeGreaterThan(0);
    let compared = 0;
    for (const account of emu.accounts) {
      for (const region of emu.regions) {
        const member = await clientOf(account, region);
        const { resources } = await listResources(member);
        member.destroy();
        const recent = resources.filter((r) => (r.LastBackupTime?.getTime() ?? 0) > NOW.getTime() - 30 * DAY);
        const want = [...(expected.get(`${region}|${account}`)?.values() ?? [])];
        expect(byArn(recent), `${account} ${region}`).toEqual(byArn(want));
        compared += want.length;
        for (const old of resources.filter((r) => !recent.includes(r))) {
          expect(retired.has(old.ResourceArn as string), old.ResourceArn).toBe(true);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('lists the resources whose last recovery point is older than the 30 days of job history', async () => {
    for (const gap of emu.seededGaps().retired) {
      const member = await clientOf(gap.accountId, gap.region);
      const found = (await listResources(member)).resources.find((r) => r.ResourceArn === gap.resourceArn);
      member.destroy();
      expect(found?.LastBackupTime).toEqual(gap.lastBackupTime);
      const age = NOW.getTime() - gap.lastBackupTime.getTime();
      expect(age).toBeGreaterThan(40 * DAY);
      expect(age).toBeLessThan(91 * DAY);
    }
  });

  it("lists only the signed Region's vaults and the caller's own account", async () => {
    const management = emu.accounts[0] as string;
    for (const region of emu.regions) {
      const regional = clientFor(emu, region);
      const { resources } = await listResources(regional);
      regional.destroy();
      expect(resources.length).toBeGreaterThan(5);
      for (const r of resources) {
        expect(r.LastBackupVaultArn).toMatch(
          new RegExp(`^arn:aws:backup:${region}:${management}:backup-vault:`),
        );
      }
    }
  });

  it('pages with MaxResults and NextToken to the same resources, each once, a new token each page', async () => {
    const whole = await listResources(client);
    const paged = await listResources(client, 3);
    expect(whole.tokens).toEqual([]);
    expect(paged.tokens.length).toBeGreaterThan(3);
    expect(new Set(paged.tokens).size).toBe(paged.tokens.length);
    expect(paged.resources).toEqual(whole.resources);
  });

  it('answers the CLI route with a trailing slash, times as epoch seconds', async () => {
    const res = await rawRequest(emu, 'GET', '/resources/?maxResults=2');
    expect(res.status).toBe(200);
    const results = res.json.Results as Record<string, unknown>[];
    expect(results).toHaveLength(2);
    expect(typeof results[0]?.LastBackupTime).toBe('number');
    expect(Object.keys(results[0] ?? {}).sort()).toEqual([
      'LastBackupTime',
      'LastBackupVaultArn',
      'LastRecoveryPointArn',
      'ResourceArn',
      'ResourceName',
      'ResourceType',
    ]);
    expect(typeof res.json.NextToken).toBe('string');
  });

  it.each([
    ['MaxResults 0', { MaxResults: 0 }],
    ['MaxResults 1001', { MaxResults: 1001 }],
    ['an edited NextToken', { NextToken: 'e30.AAAAAAAAAAAAAAAAAAAAAA' }],
  ])('refuses %s with 400 InvalidParameterValueException', async (_name, input) => {
    const err = await errorOf(client.send(new ListProtectedResourcesCommand(input)));
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('refuses a NextToken of another Region or another caller', async () => {
    const first = await client.send(new ListProtectedResourcesCommand({ MaxResults: 2 }));
    const other = clientFor(emu, 'eu-west-1');
    const err = await errorOf(other.send(new ListProtectedResourcesCommand({ NextToken: first.NextToken })));
    other.destroy();
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.message).toContain('different request');
    const member = clientWith(emu, await assume(emu, emu.accounts[1] as string));
    const denied = await errorOf(
      member.send(new ListProtectedResourcesCommand({ NextToken: first.NextToken })),
    );
    member.destroy();
    expect(denied.name).toBe('InvalidParameterValueException');
  });
});
