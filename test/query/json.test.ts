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
});
