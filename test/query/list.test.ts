import { describe, expect, it } from 'vitest';
import type { JobState } from '../../src/domain/index.js';
import type { ListFilters } from '../../src/query/types.js';
import { ISSUE_EXAMPLE, parsedList } from './helpers.js';

describe('states', () => {
  it.each<[string, JobState[], boolean]>([
    ['failed', ['FAILED'], false],
    ['FAILED', ['FAILED'], false],
    ['failures', ['FAILED'], false],
    ['failure', ['FAILED'], false],
    ['errors', ['FAILED'], false],
    ['errored', ['FAILED'], false],
    ['succeeded', ['COMPLETED'], false],
    ['successful', ['COMPLETED'], false],
    ['ok', ['COMPLETED'], false],
    ['completed', ['COMPLETED'], false],
    ['partial', ['PARTIAL'], false],
    ['running', ['RUNNING'], false],
    ['pending', ['PENDING'], false],
    ['queued', ['PENDING'], false],
    ['created', ['CREATED'], false],
    ['aborted', ['ABORTED'], false],
    ['cancelled', ['ABORTED'], false],
    ['aborting', ['ABORTING'], false],
    ['expired', ['EXPIRED'], false],
    ['failed or partial', ['FAILED', 'PARTIAL'], false],
    ['failed and partial', ['FAILED', 'PARTIAL'], false],
    ['failed,partial', ['FAILED', 'PARTIAL'], false],
    ['partial failed failed', ['FAILED', 'PARTIAL'], false],
    ['running pending created', ['CREATED', 'PENDING', 'RUNNING'], false],
    ['aborted aborting expired', ['ABORTING', 'ABORTED', 'EXPIRED'], false],
    ['with issues', [], true],
    ['completed with issues', [], true],
    ['Completed With Issues', [], true],
    ['with warnings', [], true],
    ['failed or completed with issues', ['FAILED'], true],
    ['failed partial with issues', ['FAILED', 'PARTIAL'], true],
    ['completed or completed with issues', ['COMPLETED'], true],
    ['show me all failed jobs', ['FAILED'], false],
    ['jobs', [], false],
    ['vault:prod', [], false],
  ])('%s -> %j, with issues %s', (text, states, withIssues) => {
    const query = parsedList(text);
    expect(query.states).toEqual(states);
    expect(query.withIssues).toBe(withIssues);
  });
});

describe('filters', () => {
  it.each<[string, ListFilters]>([
    ['vault:prod', { vault: 'prod' }],
    ['VAULT:Prod', { vault: 'Prod' }],
    ['vault:"my-vault"', { vault: 'my-vault' }],
    ['vault:\u201cmy_vault\u201d', { vault: 'my_vault' }],
    // A type AWS may have added since: asked for as typed, not refused.
    ['type:Lightsail', { resourceType: 'Lightsail' }],
    ['vault=prod', { vault: 'prod' }],
    ['vault:prod vault:prod', { vault: 'prod' }],
    ['account:123456789012', { account: '123456789012' }],
    ['account:*', { account: '*' }],
    ['123456789012', { account: '123456789012' }],
    [
      'resource:arn:aws:rds:eu-west-1:123456789012:db:prod',
      { resourceArn: 'arn:aws:rds:eu-west-1:123456789012:db:prod' },
    ],
    [
      'arn:aws:ec2:eu-west-1:123456789012:volume/vol-1',
      { resourceArn: 'arn:aws:ec2:eu-west-1:123456789012:volume/vol-1' },
    ],
    ['parent:4B7B3A0C-1234-5678-9ABC-DEF012345678', { parentJobId: '4B7B3A0C-1234-5678-9ABC-DEF012345678' }],
    ['category:AccessDenied', { messageCategory: 'AccessDenied' }],
    ['category:success', { messageCategory: 'SUCCESS' }],
    ['category:accessdenied', { messageCategory: 'AccessDenied' }],
    ['category:SomethingNew', { messageCategory: 'SomethingNew' }],
    [
      'failed vault:prod type:rds account:* category:AccessDenied',
      {
        vault: 'prod',
        resourceType: 'RDS',
        account: '*',
        messageCategory: 'AccessDenied',
      },
    ],
  ])('%s', (text, filters) => {
    expect(parsedList(text).filters).toEqual(filters);
  });
});

describe('resource types (type:ALIAS, case-insensitive)', () => {
  it.each([
    ['rds', 'RDS'],
    ['RDS', 'RDS'],
    ['aurora', 'Aurora'],
    ['dynamo', 'DynamoDB'],
    ['ddb', 'DynamoDB'],
    ['DynamoDB', 'DynamoDB'],
    ['ebs', 'EBS'],
    ['volume', 'EBS'],
    ['ec2', 'EC2'],
    ['instance', 'EC2'],
    ['efs', 'EFS'],
    ['fsx', 'FSx'],
    ['s3', 'S3'],
    ['bucket', 'S3'],
    ['vm', 'VirtualMachine'],
    ['vmware', 'VirtualMachine'],
    ['sap', 'SAP HANA on Amazon EC2'],
    ['saphana', 'SAP HANA on Amazon EC2'],
    ['"SAP HANA on Amazon EC2"', 'SAP HANA on Amazon EC2'],
    ['sgw', 'Storage Gateway'],
    ['storage-gateway', 'Storage Gateway'],
    ['cfn', 'CloudFormation'],
    ['cloudformation', 'CloudFormation'],
    ['docdb', 'DocumentDB'],
    ['redshift', 'Redshift'],
    ['neptune', 'Neptune'],
    ['timestream', 'Timestream'],
    ['eks', 'EKS'],
  ])('type:%s -> %s', (alias, type) => {
    expect(parsedList(`type:${alias}`).filters).toEqual({ resourceType: type });
  });

  it.each([
    ['failed rds', 'RDS'],
    ['EBS failed', 'EBS'],
    ['ddb', 'DynamoDB'],
    ['vmware', 'VirtualMachine'],
    ['sgw', 'Storage Gateway'],
  ])('bare %s -> %s', (text, type) => {
    expect(parsedList(text).filters.resourceType).toBe(type);
  });
});

describe('regions', () => {
  it.each([
    ['region:eu-west-1', ['eu-west-1']],
    ['region:EU-WEST-1', ['eu-west-1']],
    ['region:eu-west-1 region:us-east-1', ['eu-west-1', 'us-east-1']],
    ['region:eu-west-1,us-east-1', ['eu-west-1', 'us-east-1']],
    ['region:eu-west-1 region:eu-west-1', ['eu-west-1']],
    ['eu-central-1', ['eu-central-1']],
    ['region:us-gov-west-1', ['us-gov-west-1']],
    ['failed', []],
  ])('%s -> %j', (text, regions) => {
    expect(parsedList(text).regions).toEqual(regions);
  });
});

describe('page size and visibility', () => {
  it.each([
    ['failed', 10],
    ['limit:25', 25],
    ['limit:1', 1],
    ['limit:50', 50],
    ['25 per page', 25],
    ['25/page', 25],
    ['limit 25', 25],
    ['limit:25 25 per page', 25],
  ])('%s -> page size %i', (text, size) => {
    expect(parsedList(text).pageSize).toBe(size);
  });

  it('uses the context default page size when none is typed', () => {
    expect(parsedList('failed', { defaultPageSize: 20 }).pageSize).toBe(20);
    expect(parsedList('failed limit:5', { defaultPageSize: 20 }).pageSize).toBe(5);
  });

  it.each([
    ['failed', 'ephemeral'],
    ['failed public', 'in_channel'],
    ['public failed public', 'in_channel'],
  ])('%s -> %s', (text, visibility) => {
    expect(parsedList(text).visibility).toBe(visibility);
  });
});

describe('whole queries', () => {
  it('parses the example from the issue', () => {
    const query = parsedList(ISSUE_EXAMPLE.text, { tz: ISSUE_EXAMPLE.tz });
    const { kind, jobKind, states, withIssues, regions, pageSize, visibility } = ISSUE_EXAMPLE.json;
    // The product's own names; the parse JSON maps them to ListBackupJobs input names (json.test.ts).
    const filters = {
      createdAfter: ISSUE_EXAMPLE.json.filters.ByCreatedAfter,
      createdBefore: ISSUE_EXAMPLE.json.filters.ByCreatedBefore,
      resourceType: ISSUE_EXAMPLE.json.filters.ByResourceType,
      account: ISSUE_EXAMPLE.json.filters.ByAccountId,
    };
    expect(query).toEqual({
      kind,
      jobKind,
      validation: [],
      testsOnly: false,
      text: ISSUE_EXAMPLE.text,
      notes: [],
      visibility,
      states,
      withIssues,
      filters,
      regions,
      pageSize,
      window: { field: 'created', text: 'since monday 9am', form: { kind: 'since', precise: true } },
    });
  });

  it('reads tokens in any order', () => {
    const a = parsedList('type:rds failed last 3 days vault:prod public region:eu-west-1 limit:20');
    const b = parsedList('limit:20 region:eu-west-1 public vault:prod last 3 days failed type:rds');
    expect({ ...a, text: '', window: undefined }).toEqual({ ...b, text: '', window: undefined });
    expect(a.filters.createdAfter).toBe('2026-11-20T10:00:00.000Z');
  });

  it('keeps the text as typed, trimmed', () => {
    expect(parsedList('  failed   yesterday  ').text).toBe('failed   yesterday');
  });

  it('treats "job" followed by list words as a list query', () => {
    expect(parsedList('job failed yesterday').states).toEqual(['FAILED']);
    expect(parsedList('jobs failed').states).toEqual(['FAILED']);
  });
});
