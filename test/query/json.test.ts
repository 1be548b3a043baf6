import { describe, expect, it } from 'vitest';
import { toParseJson } from '../../src/query/json.js';
import { ISSUE_EXAMPLE, parsed } from './helpers.js';

describe('parse JSON', () => {
  it('prints the issue example with AWS input names and ISO-8601 UTC times', () => {
    const query = parsed(ISSUE_EXAMPLE.text, { tz: ISSUE_EXAMPLE.tz });
    const json = toParseJson(query);
    expect(json).toEqual(ISSUE_EXAMPLE.json);
    expect(Object.keys(json)).toEqual([
      'kind',
      'jobKind',
      'states',
      'withIssues',
      'filters',
      'regions',
      'pageSize',
      'visibility',
    ]);
  });

  it('orders filters as DESIGN.md lists them and leaves absent ones out', () => {
    const json = toParseJson(
      parsed(
        'category:AccessDenied parent:P-1 resource:arn:aws:s3:::b account:123456789012 type:s3 vault:v1 completed yesterday',
      ),
    );
    expect(Object.keys(json.filters ?? {})).toEqual([
      'ByCompleteAfter',
      'ByCompleteBefore',
      'ByBackupVaultName',
      'ByResourceType',
      'ByAccountId',
      'ByResourceArn',
      'ByParentJobId',
      'ByMessageCategory',
    ]);
    expect(toParseJson(parsed('failed')).filters).toEqual({});
  });

  it('adds notes only when there are some', () => {
    const json = toParseJson(parsed('last month public limit:5 region:eu-west-1'));
    expect(json).toMatchObject({ regions: ['eu-west-1'], pageSize: 5, visibility: 'in_channel' });
    expect(json.notes).toEqual(['AWS Backup keeps jobs for 30 days: results start at Sat 24 Oct 10:00 UTC.']);
  });

  it('prints summaries with ListBackupJobSummaries input names', () => {
    expect(toParseJson(parsed('summary daily type:rds failed account:* category:AccessDenied'))).toEqual({
      kind: 'summary',
      jobKind: 'backup',
      summary: {
        AggregationPeriod: 'ONE_DAY',
        AccountId: 'ANY',
        ResourceType: 'RDS',
        State: 'FAILED',
        MessageCategory: 'AccessDenied',
      },
      regions: [],
      visibility: 'ephemeral',
    });
  });

  it('prints job, alerts and help queries with their own keys', () => {
    expect(toParseJson(parsed('job ABC-123 region:eu-west-1'))).toEqual({
      kind: 'job',
      jobId: 'ABC-123',
      regions: ['eu-west-1'],
      visibility: 'ephemeral',
    });
    expect(toParseJson(parsed('alerts mute prod-failures 2h'))).toEqual({
      kind: 'alerts',
      alerts: { action: 'mute', rule: 'prod-failures', durationMs: 7_200_000 },
      visibility: 'ephemeral',
    });
    expect(toParseJson(parsed('alerts'))).toEqual({
      kind: 'alerts',
      alerts: { action: 'list' },
      visibility: 'ephemeral',
    });
    expect(toParseJson(parsed('alerts test x'))).toEqual({
      kind: 'alerts',
      alerts: { action: 'test', rule: 'x' },
      visibility: 'ephemeral',
    });
    expect(toParseJson(parsed('help dates'))).toEqual({
      kind: 'help',
      topic: 'dates',
      visibility: 'ephemeral',
    });
    expect(toParseJson(parsed('help'))).toEqual({ kind: 'help', visibility: 'ephemeral' });
  });

  it('survives a JSON round trip unchanged (queries are stored with cursors)', () => {
    const query = parsed('completed with issues between nov 20 and nov 22 vault:"my-vault"', {
      tz: 'Asia/Kolkata',
    });
    expect(JSON.parse(JSON.stringify(query))).toEqual(query);
    expect(toParseJson(JSON.parse(JSON.stringify(query)))).toEqual(toParseJson(query));
  });

  it('prints copy-job queries with ListCopyJobs input names, and checks no input takes apart', () => {
    const arn = 'arn:aws:backup:eu-west-1:123456789012:backup-vault:dr-vault';
    const point = 'arn:aws:backup:eu-west-1:123456789012:recovery-point:1a2b';
    expect(
      toParseJson(
        parsed(`copies failed yesterday to vault:${arn} recovery-point:${point} type:rds account:*`),
      ),
    ).toEqual({
      kind: 'list',
      jobKind: 'copy',
      states: ['FAILED'],
      withIssues: false,
      filters: {
        ByCreatedAfter: '2026-11-22T00:00:00.000Z',
        ByCreatedBefore: '2026-11-23T00:00:00.000Z',
        ByDestinationVaultArn: arn,
        ByResourceType: 'RDS',
        ByAccountId: '*',
        BySourceRecoveryPointArn: point,
      },
      regions: [],
      pageSize: 10,
      visibility: 'ephemeral',
    });
    // A vault typed as a name cannot be ByDestinationVaultArn: it is checked on each job.
    expect(
      toParseJson(parsed('copies to vault:dr-vault from vault:prod vault:either with issues')),
    ).toMatchObject({
      jobKind: 'copy',
      withIssues: true,
      filters: {},
      checkedOnEachJob: {
        SourceOrDestinationVaultName: 'either',
        SourceVaultName: 'prod',
        DestinationVaultName: 'dr-vault',
      },
    });
    expect(toParseJson(parsed(`copies source:${arn}`)).checkedOnEachJob).toEqual({ SourceVaultArn: arn });
    expect('checkedOnEachJob' in toParseJson(parsed('copies failed'))).toBe(false);
  });

  it('prints restore-job queries with ListRestoreJobs input names, validation and testsOnly', () => {
    const plan = 'arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:weekly-1a2b';
    const json = toParseJson(parsed(`restore tests failed completed today plan:${plan} parent:P-1`));
    expect(json).toEqual({
      kind: 'list',
      jobKind: 'restore',
      states: ['FAILED'],
      withIssues: false,
      validation: ['FAILED'],
      testsOnly: true,
      filters: {
        ByCompleteAfter: '2026-11-23T00:00:00.000Z',
        ByCompleteBefore: '2026-11-23T10:00:00.000Z',
        ByParentJobId: 'P-1',
        ByRestoreTestingPlanArn: plan,
      },
      regions: [],
      pageSize: 10,
      visibility: 'ephemeral',
    });
    expect(Object.keys(json)).toEqual([
      'kind',
      'jobKind',
      'states',
      'withIssues',
      'validation',
      'testsOnly',
      'filters',
      'regions',
      'pageSize',
      'visibility',
    ]);
    expect(toParseJson(parsed('restores timed out'))).toMatchObject({
      states: [],
      validation: ['TIMED_OUT'],
    });
    const plain = toParseJson(parsed('restores running'));
    expect('validation' in plain || 'testsOnly' in plain).toBe(false);
  });

  it('prints the kind of summaries and of job details when one was typed', () => {
    expect(toParseJson(parsed('restore summary daily type:rds failed account:*'))).toEqual({
      kind: 'summary',
      jobKind: 'restore',
      summary: { AggregationPeriod: 'ONE_DAY', AccountId: 'ANY', ResourceType: 'RDS', State: 'FAILED' },
      regions: [],
      visibility: 'ephemeral',
    });
    expect(toParseJson(parsed('copy job ABC-1'))).toEqual({
      kind: 'job',
      jobKind: 'copy',
      jobId: 'ABC-1',
      regions: [],
      visibility: 'ephemeral',
    });
  });

  it('prints protection-gap questions in the product words, the age in seconds', () => {
    const json = toParseJson(
      parsed('stale copies 2d type:rds,ebs account:* region:eu-west-1 limit:20 public'),
    );
    expect(json).toEqual({
      kind: 'stale',
      maxAgeSeconds: 172_800,
      copies: true,
      filters: { accounts: ['*'], regions: ['eu-west-1'], resourceTypes: ['RDS', 'EBS'], vaults: [] },
      pageSize: 20,
      visibility: 'in_channel',
    });
    expect(Object.keys(json)).toEqual([
      'kind',
      'maxAgeSeconds',
      'copies',
      'filters',
      'pageSize',
      'visibility',
    ]);
    expect(toParseJson(parsed('stale'))).toMatchObject({
      maxAgeSeconds: 93_600,
      copies: false,
      pageSize: 10,
    });
    expect(toParseJson(parsed('resource "my db"'))).toEqual({
      kind: 'resource',
      target: 'my db',
      visibility: 'ephemeral',
    });
    expect(toParseJson(parsed('resource arn:aws:s3:::b public'))).toEqual({
      kind: 'resource',
      target: 'arn:aws:s3:::b',
      visibility: 'in_channel',
    });
    const coverage = toParseJson(parsed('coverage 48h vault:prod'));
    expect(coverage).toEqual({
      kind: 'coverage',
      maxAgeSeconds: 172_800,
      filters: { accounts: [], regions: [], resourceTypes: [], vaults: ['prod'] },
      visibility: 'ephemeral',
    });
    expect(Object.keys(coverage)).toEqual(['kind', 'maxAgeSeconds', 'filters', 'visibility']);
  });

  it("hands out copies of the filters, not the query's own lists", () => {
    const query = parsed('stale type:rds');
    const json = toParseJson(query);
    (json.filters as { resourceTypes: string[] }).resourceTypes.push('EBS');
    expect(query).toMatchObject({ filters: { resourceTypes: ['RDS'] } });
  });
});
