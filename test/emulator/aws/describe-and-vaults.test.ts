import {
  type BackupClient,
  type BackupJob,
  DescribeBackupJobCommand,
  GetSupportedResourceTypesCommand,
  ListBackupVaultsCommand,
  paginateListBackupVaults,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, errorOf, listAll, NOW, rawRequest } from './helpers.js';

let emu: BackupEmulator;
let client: BackupClient;
let all: BackupJob[];

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 3, jobs: 2000, now: () => NOW });
  client = clientFor(emu);
  all = (await listAll(client, { ByAccountId: '*' })).jobs;
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

describe('DescribeBackupJob', () => {
  it('describes a parent with its child count and child states', async () => {
    const parent = all.find((j) => j.IsParent && j.State === 'PARTIAL') ?? all.find((j) => j.IsParent);
    expect(parent).toBeDefined();
    const children = all.filter((j) => j.ParentJobId === parent?.BackupJobId);
    const got = await client.send(new DescribeBackupJobCommand({ BackupJobId: parent?.BackupJobId }));
    expect(got.IsParent).toBe(true);
    expect(got.NumberOfChildJobs).toBe(children.length);
    const states: Record<string, number> = {};
    for (const child of children) states[child.State as string] = (states[child.State as string] ?? 0) + 1;
    expect(got.ChildJobsInState).toEqual(states);
    expect(got.CreationDate).toEqual(parent?.CreationDate);
    expect(got.ResourceType).toBe('CloudFormation');
  });

  it('describes a child job of a member account, pointing at its parent', async () => {
    const child = all.find((j) => j.ParentJobId && j.AccountId !== emu.accounts[0]) as BackupJob;
    const got = await client.send(new DescribeBackupJobCommand({ BackupJobId: child.BackupJobId }));
    expect(got.ParentJobId).toBe(child.ParentJobId);
    expect(got.NumberOfChildJobs).toBeUndefined();
    expect(got.AccountId).toBe(child.AccountId);
  });

  it('answers ResourceNotFoundException (400) for an unknown id or another region', async () => {
    const unknown = await errorOf(
      client.send(new DescribeBackupJobCommand({ BackupJobId: 'DEADBEEF-0000' })),
    );
    expect(unknown.name).toBe('ResourceNotFoundException');
    expect(unknown.$metadata?.httpStatusCode).toBe(400);
    const eu = clientFor(emu, 'eu-west-1');
    const other = await errorOf(eu.send(new DescribeBackupJobCommand({ BackupJobId: all[0]?.BackupJobId })));
    eu.destroy();
    expect(other.name).toBe('ResourceNotFoundException');
  });

  it('decodes a percent-encoded id and refuses a badly encoded one', async () => {
    const id = all[0]?.BackupJobId as string;
    const ok = await rawRequest(emu, 'GET', `/backup-jobs/${encodeURIComponent(id).replace('-', '%2D')}`);
    expect(ok.status).toBe(200);
    expect(ok.json.BackupJobId).toBe(id);
    const bad = await rawRequest(emu, 'GET', '/backup-jobs/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.headers['x-amzn-errortype']).toBe('InvalidParameterValueException');
  });
});

describe('ListBackupVaults and GetSupportedResourceTypes', () => {
  it("lists the caller's vaults with their recovery points", async () => {
    const got = await client.send(new ListBackupVaultsCommand({}));
    const names = (got.BackupVaultList ?? []).map((v) => v.BackupVaultName);
    expect(names).toEqual(['Default', 'airgapped-vault', 'compliance', 'dev', 'prod']);
    const own = all.filter((j) => j.AccountId === emu.accounts[0] && j.RecoveryPointArn);
    const points = (got.BackupVaultList ?? []).reduce((n, v) => n + (v.NumberOfRecoveryPoints ?? 0), 0);
    expect(points).toBe(own.length);
    const compliance = got.BackupVaultList?.find((v) => v.BackupVaultName === 'compliance');
    expect(compliance?.Locked).toBe(true);
    expect(compliance?.CreationDate).toBeInstanceOf(Date);
  });

  it('filters by vault type, pages by name, and refuses a bad type', async () => {
    const gapped = await client.send(
      new ListBackupVaultsCommand({ ByVaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' }),
    );
    expect(gapped.BackupVaultList?.map((v) => v.BackupVaultName)).toEqual(['airgapped-vault']);
    const names: string[] = [];
    for await (const page of paginateListBackupVaults({ client, pageSize: 2 }, {})) {
      names.push(...(page.BackupVaultList ?? []).map((v) => v.BackupVaultName ?? ''));
    }
    expect(names).toHaveLength(5);
    const err = await errorOf(client.send(new ListBackupVaultsCommand({ ByVaultType: 'NOPE' as never })));
    expect(err.name).toBe('InvalidParameterValueException');
  });

  it('creates the vault of an added job in its account and region', async () => {
    emu.addJobs([{ BackupVaultName: 'added-vault', Region: 'eu-west-1' }]);
    const eu = clientFor(emu, 'eu-west-1');
    const got = await eu.send(new ListBackupVaultsCommand({}));
    eu.destroy();
    const added = got.BackupVaultList?.find((v) => v.BackupVaultName === 'added-vault');
    expect(added?.NumberOfRecoveryPoints).toBe(1);
  });

  it('lists the 17 resource types, spaces included', async () => {
    const got = await client.send(new GetSupportedResourceTypesCommand({}));
    // As the API reference lists them under ListBackupJobs ByResourceType (written out here, not imported).
    expect(got.ResourceTypes).toEqual([
      'Aurora',
      'CloudFormation',
      'DocumentDB',
      'DynamoDB',
      'EBS',
      'EC2',
      'EFS',
      'EKS',
      'FSx',
      'Neptune',
      'RDS',
      'Redshift',
      'S3',
      'SAP HANA on Amazon EC2',
      'Storage Gateway',
      'Timestream',
      'VirtualMachine',
    ]);
    expect(got.ResourceTypes).toContain('SAP HANA on Amazon EC2');
  });
});
