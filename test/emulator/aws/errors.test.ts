import {
  type BackupClient,
  ListBackupJobsCommand,
  type ListBackupJobsCommandInput,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, errorOf, NOW, rawRequest } from './helpers.js';

let emu: BackupEmulator;
let client: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 2, jobs: 200, now: () => NOW });
  client = clientFor(emu);
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

describe('AWS-shaped errors for invalid values', () => {
  const invalid: [string, ListBackupJobsCommandInput][] = [
    ['state', { ByState: 'DONE' as never }],
    ['state in lower case', { ByState: 'failed' as never }],
    ['resource type of 51 characters', { ByResourceType: 'x'.repeat(51) }],
    ['account id', { ByAccountId: '12345' }],
    ['vault name', { ByBackupVaultName: 'bad vault!' }],
    ['resource ARN', { ByResourceArn: 'vol-123' }],
    ['parent job id', { ByParentJobId: 'has space' }],
    ['message category', { ByMessageCategory: ' ' }],
    ['maxResults 0', { MaxResults: 0 }],
    ['maxResults 1001', { MaxResults: 1001 }],
    ['NextToken', { NextToken: 'x.y' }],
  ];

  it.each(invalid)(
    'refuses a bad %s: 400 InvalidParameterValueException through the SDK',
    async (_name, input) => {
      const err = await errorOf(client.send(new ListBackupJobsCommand(input)));
      expect(err.name).toBe('InvalidParameterValueException');
      expect(err.$metadata?.httpStatusCode).toBe(400);
      expect(err.message).toMatch(/Invalid value for parameter|NextToken/);
    },
  );

  it('sends x-amzn-ErrorType and a Code/Message/Type/Context body', async () => {
    const res = await rawRequest(emu, 'GET', '/backup-jobs?maxResults=abc');
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('InvalidParameterValueException');
    expect(res.json).toEqual({
      Code: 'InvalidParameterValueException',
      Message: 'Invalid value for parameter maxResults: "abc". Expected an integer from 1 to 1000.',
      Type: 'User',
      Context: 'maxResults',
    });
  });

  it('refuses an unsigned request with 403 MissingAuthenticationTokenException', async () => {
    const res = await rawRequest(emu, 'GET', '/backup-jobs', { region: null });
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('answers 404 UnknownOperationException for a route AWS Backup does not serve', async () => {
    const res = await rawRequest(emu, 'GET', '/backup-plans');
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    const post = await rawRequest(emu, 'POST', '/backup-jobs', { body: '{}' });
    expect(post.status).toBe(404);
  });

  it('lists (and does not describe) for an empty id, as the real API does', async () => {
    const res = await rawRequest(emu, 'GET', '/backup-jobs/');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.BackupJobs)).toBe(true);
  });
});
