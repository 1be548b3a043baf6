import { ListBackupJobsCommand, ListProtectedResourcesCommand } from '@aws-sdk/client-backup';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, errorOf, NOW, rawRequest } from './helpers.js';
import { assume, clientWith, stsCall, xmlText } from './sts-helpers.js';

let emu: BackupEmulator;
let clock = NOW;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 4, jobs: 600, now: () => clock });
});

afterEach(() => {
  clock = NOW;
  emu.setFaults({});
  emu.resetStats();
});

afterAll(async () => {
  await emu.close();
});

const roleOf = (account: string, name = 'OrganizationAccountAccessRole') =>
  `arn:aws:iam::${account}:role/${name}`;

function expectDenied(res: { status: number; xml: string }, roleArn: string): void {
  expect(res.status).toBe(403);
  expect(xmlText(res.xml, 'Code')).toBe('AccessDenied');
  expect(xmlText(res.xml, 'Type')).toBe('Sender');
  expect(xmlText(res.xml, 'Message')).toContain(`sts:AssumeRole on resource: ${roleArn}`);
  expect(res.xml).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
}

describe('STS AssumeRole', () => {
  it("answers the documented XML with credentials for a member account's member role", async () => {
    const member = emu.accounts[1] as string;
    const res = await stsCall(emu, {
      Action: 'AssumeRole',
      RoleArn: roleOf(member),
      RoleSessionName: 'coverage',
    });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('text/xml');
    expect(res.xml).toMatch(/^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    expect(xmlText(res.xml, 'AccessKeyId')).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(xmlText(res.xml, 'SecretAccessKey')?.length).toBe(40);
    expect(xmlText(res.xml, 'SessionToken')?.length).toBeGreaterThan(100);
    expect(xmlText(res.xml, 'Expiration')).toBe('2026-11-23T11:00:00Z');
    expect(xmlText(res.xml, 'Arn')).toBe(
      `arn:aws:sts::${member}:assumed-role/OrganizationAccountAccessRole/coverage`,
    );
    expect(xmlText(res.xml, 'AssumedRoleId')).toMatch(/^AROA[A-Z2-7]{17}:coverage$/);
    expect(xmlText(res.xml, 'RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(emu.stats().calls).toEqual({ AssumeRole: { 'us-east-1': 1 } });
  });

  it('tells each principal who it is with GetCallerIdentity', async () => {
    const base = await stsCall(emu, { Action: 'GetCallerIdentity' });
    expect(xmlText(base.xml, 'Account')).toBe(emu.accounts[0]);
    const member = emu.accounts[2] as string;
    const creds = await assume(emu, member);
    const res = await stsCall(emu, { Action: 'GetCallerIdentity' }, { creds });
    expect(res.status).toBe(200);
    expect(xmlText(res.xml, 'Account')).toBe(member);
    expect(xmlText(res.xml, 'Arn')).toBe(creds.arn);
  });

  it('refuses an account outside the organisation, the management account and another role name', async () => {
    const member = emu.accounts[1] as string;
    for (const roleArn of [
      roleOf('111122223333'),
      roleOf(emu.accounts[0] as string),
      roleOf(member, 'Admin'),
    ]) {
      expectDenied(
        await stsCall(emu, { Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: 's1' }),
        roleArn,
      );
    }
  });

  it('refuses a role session assuming the role again (the trust is the management account)', async () => {
    const member = emu.accounts[1] as string;
    const creds = await assume(emu, member);
    const roleArn = roleOf(emu.accounts[2] as string);
    const res = await stsCall(
      emu,
      { Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: 's1' },
      { creds },
    );
    expectDenied(res, roleArn);
    expect(xmlText(res.xml, 'Message')).toContain(creds.arn);
  });

  it('denies the accounts a fault names, through the admin API too, and counts the denials', async () => {
    const [, one, two] = emu.accounts as [string, string, string];
    const set = await rawRequest(emu, 'POST', '/_emulator/faults', { body: { denyAssumeRole: [one] } });
    expect(set.json).toEqual({ faults: { denyAssumeRole: [one] } });
    expectDenied(
      await stsCall(emu, { Action: 'AssumeRole', RoleArn: roleOf(one), RoleSessionName: 's1' }),
      roleOf(one),
    );
    await expect(assume(emu, two)).resolves.toBeDefined();
    expect(emu.stats().injected).toEqual({ AccessDenied: 1 });
    const bad = await rawRequest(emu, 'POST', '/_emulator/faults', { body: { denyAssumeRole: ['one'] } });
    expect(bad.status).toBe(400);
  });

  it.each([
    ['a DurationSeconds over the role maximum', { DurationSeconds: '7200' }, 'MaxSessionDuration'],
    ['a DurationSeconds under 900', { DurationSeconds: '60' }, 'durationSeconds'],
    ['a session name with spaces', { RoleSessionName: 'my session' }, 'roleSessionName'],
    ['a RoleArn that is not a role', { RoleArn: 'arn:aws:s3:::some-bucket-name' }, 'is invalid'],
  ])('refuses %s with 400 ValidationError', async (_name, extra, mention) => {
    const params = {
      Action: 'AssumeRole',
      RoleArn: roleOf(emu.accounts[1] as string),
      RoleSessionName: 's1',
    };
    const res = await stsCall(emu, { ...params, ...extra });
    expect(res.status).toBe(400);
    expect(xmlText(res.xml, 'Code')).toBe('ValidationError');
    expect(xmlText(res.xml, 'Message')).toContain(mention);
  });

  it('refuses a missing RoleSessionName, an unknown action and a scope of another service', async () => {
    const missing = await stsCall(emu, { Action: 'AssumeRole', RoleArn: roleOf(emu.accounts[1] as string) });
    expect(xmlText(missing.xml, 'Message')).toContain("'roleSessionName' failed to satisfy constraint");
    const unknown = await stsCall(emu, { Action: 'GetSessionToken' });
    expect([unknown.status, xmlText(unknown.xml, 'Code')]).toEqual([400, 'InvalidAction']);
    const scoped = await stsCall(emu, { Action: 'GetCallerIdentity' }, { service: 'backup' });
    expect([scoped.status, xmlText(scoped.xml, 'Code')]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('lets credentials expire on the emulator clock', async () => {
    const creds = await assume(emu, emu.accounts[1] as string, { DurationSeconds: '900' });
    expect(creds.expiration).toBe('2026-11-23T10:15:00Z');
    const client = clientWith(emu, creds);
    await expect(client.send(new ListProtectedResourcesCommand({}))).resolves.toBeDefined();
    clock = new Date(NOW.getTime() + 15 * 60_000);
    const err = await errorOf(client.send(new ListProtectedResourcesCommand({})));
    client.destroy();
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(['ExpiredTokenException', 403]);
    const sts = await stsCall(emu, { Action: 'GetCallerIdentity' }, { creds });
    expect([sts.status, xmlText(sts.xml, 'Code')]).toEqual([403, 'ExpiredToken']);
  });

  it("refuses a session's key signed with another session token", async () => {
    const creds = await assume(emu, emu.accounts[1] as string);
    const client = clientWith(emu, { ...creds, sessionToken: 'forged' });
    const err = await errorOf(client.send(new ListBackupJobsCommand({})));
    client.destroy();
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(['UnrecognizedClientException', 403]);
    const base = clientFor(emu);
    await expect(base.send(new ListBackupJobsCommand({ MaxResults: 1 }))).resolves.toBeDefined();
    base.destroy();
  });
});

describe('the member role name', () => {
  it('is the one the emulator was started with', async () => {
    const custom = await startBackupEmulator({ jobs: 0, accounts: 2, memberRoleName: 'BackupAuditRole' });
    const member = custom.accounts[1] as string;
    expect(custom.memberRoleName).toBe('BackupAuditRole');
    await expect(assume(custom, member)).resolves.toMatchObject({
      arn: `arn:aws:sts::${member}:assumed-role/BackupAuditRole/emulator-test`,
    });
    const res = await stsCall(custom, {
      Action: 'AssumeRole',
      RoleArn: roleOf(member),
      RoleSessionName: 's1',
    });
    await custom.close();
    expectDenied(res, roleOf(member));
  });
});
