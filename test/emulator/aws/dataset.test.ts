import type { BackupJob } from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/emulator/aws/dataset.js';
import { startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { RESOURCE_TYPES } from '../../../src/emulator/aws/vocabulary.js';
import { clientFor, DAY, listAll, NOW } from './helpers.js';

const ARN_SHAPES: Record<string, RegExp> = {
  EBS: /^arn:aws:ec2:[a-z0-9-]+:\d{12}:volume\/vol-[0-9a-f]{17}$/,
  EC2: /^arn:aws:ec2:[a-z0-9-]+:\d{12}:instance\/i-[0-9a-f]{17}$/,
  RDS: /^arn:aws:rds:[a-z0-9-]+:\d{12}:db:[a-z0-9-]+$/,
  DynamoDB: /^arn:aws:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9]+$/,
  S3: /^arn:aws:s3:::[a-z0-9-]+$/,
  EFS: /^arn:aws:elasticfilesystem:[a-z0-9-]+:\d{12}:file-system\/fs-[0-9a-f]{17}$/,
  CloudFormation: /^arn:aws:cloudformation:[a-z0-9-]+:\d{12}:stack\/[a-z0-9-]+\/[0-9a-f-]{36}$/,
  'SAP HANA on Amazon EC2': /^arn:aws:ssm-sap:[a-z0-9-]+:\d{12}:HANA\/H\d\d\/DB\/H\d\d$/,
  'Storage Gateway':
    /^arn:aws:storagegateway:[a-z0-9-]+:\d{12}:gateway\/sgw-[0-9A-F]{8}\/volume\/vol-[0-9A-F]{8}$/,
};

describe('generated dataset', () => {
  it('is the same for the same seed and differs for another', () => {
    const options = { seed: 42, jobs: 800, accounts: 3, regions: ['us-east-1', 'eu-west-1'], now: NOW };
    const one = generateDataset(options);
    const two = generateDataset(options);
    const other = generateDataset({ ...options, seed: 43 });
    expect(two.jobs).toEqual(one.jobs);
    expect(two.accounts).toEqual(one.accounts);
    expect(other.accounts).not.toEqual(one.accounts);
    expect(other.jobs.map((j) => j.BackupJobId)).not.toEqual(one.jobs.map((j) => j.BackupJobId));
  });

  it('sizes itself near the asked number of jobs, or holds none', () => {
    const regions = ['us-east-1', 'eu-west-1'];
    for (const jobs of [500, 3000, 10_000]) {
      const got = generateDataset({ seed: 1, jobs, accounts: 3, regions, now: NOW }).jobs.length;
      expect(got).toBeGreaterThan(jobs * 0.85);
      expect(got).toBeLessThan(jobs * 1.15);
    }
    expect(generateDataset({ seed: 1, jobs: 0, accounts: 2, regions, now: NOW }).jobs).toEqual([]);
  });

  it('looks like a real organisation through the SDK', async () => {
    const emu = await startBackupEmulator({ seed: 9, jobs: 3000, now: () => NOW });
    const jobs: BackupJob[] = [];
    for (const region of emu.regions) {
      const client = clientFor(emu, region);
      jobs.push(...(await listAll(client, { ByAccountId: '*' })).jobs);
      client.destroy();
    }
    await emu.close();
    expect(emu.accounts).toHaveLength(3);
    expect(emu.accounts.every((a) => /^[1-9]\d{11}$/.test(a))).toBe(true);
    expect(new Set(jobs.map((j) => j.ResourceType))).toEqual(new Set(RESOURCE_TYPES));
    expect(new Set(jobs.map((j) => j.BackupVaultName))).toEqual(
      new Set(['Default', 'prod', 'dev', 'compliance']),
    );
    for (const job of jobs) {
      const shape = ARN_SHAPES[job.ResourceType as string];
      if (shape) expect(job.ResourceArn).toMatch(shape);
      expect(job.CreationDate?.getTime()).toBeGreaterThan(NOW.getTime() - 30 * DAY);
      expect(job.CreationDate?.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    const share = (pred: (j: BackupJob) => boolean) => jobs.filter(pred).length / jobs.length;
    for (const state of ['FAILED', 'PARTIAL', 'ABORTED', 'EXPIRED'] as const) {
      expect(share((j) => j.State === state)).toBeGreaterThan(0.001);
      expect(share((j) => j.State === state)).toBeLessThan(0.06);
    }
    expect(share((j) => j.State === 'COMPLETED' && j.MessageCategory !== 'SUCCESS')).toBeGreaterThan(0.01);
    const newest = jobs.filter((j) => (j.CreationDate?.getTime() ?? 0) > NOW.getTime() - 3 * 3_600_000);
    const active = newest.filter((j) => ['RUNNING', 'PENDING', 'CREATED'].includes(j.State as string));
    expect(active.length).toBeGreaterThan(3);
    expect(active.every((j) => j.CompletionDate === undefined && j.PercentDone !== undefined)).toBe(true);
    expect(jobs.some((j) => j.State === 'RUNNING' && Number(j.PercentDone) > 0)).toBe(true);
    const failed = jobs.filter((j) => j.State === 'FAILED');
    expect(failed.every((j) => j.StatusMessage && j.MessageCategory && j.MessageCategory !== 'SUCCESS')).toBe(
      true,
    );
    const parents = jobs.filter((j) => j.IsParent);
    expect(parents.length).toBeGreaterThan(10);
    for (const parent of parents.slice(0, 20)) {
      expect(jobs.filter((j) => j.ParentJobId === parent.BackupJobId).length).toBeGreaterThanOrEqual(2);
    }
    const sizes = new Set(jobs.map((j) => j.BackupSizeInBytes));
    expect(sizes.size).toBeGreaterThan(jobs.length / 2);
  });
});
