import { describe, expect, it } from 'vitest';
import type { AggregationPeriod, SummaryInput } from '../../src/query/types.js';
import { parsed } from './helpers.js';

describe('help', () => {
  it.each([
    ['help', undefined],
    ['?', undefined],
    ['', undefined],
    ['   ', undefined],
    ['HELP', undefined],
    ['help dates', 'dates'],
    ['help time', 'dates'],
    ['help filters', 'filters'],
    ['help types', 'types'],
    ['help summary', 'summary'],
    ['help alerts', 'alerts'],
    ['help examples', 'examples'],
    ['help states', 'states'],
    ['help lists', 'states'],
    ['help windows', 'dates'],
    ['help details', 'job'],
  ])('%j -> topic %s', (text, topic) => {
    const query = parsed(text);
    expect(query.kind).toBe('help');
    if (query.kind === 'help') expect(query.topic).toBe(topic);
  });

  it('posts help in the channel when asked to', () => {
    expect(parsed('help public').visibility).toBe('in_channel');
  });
});

describe('summary', () => {
  it.each<[string, AggregationPeriod]>([
    ['summary', 'SEVEN_DAYS'],
    ['summary daily', 'ONE_DAY'],
    ['summary day', 'ONE_DAY'],
    ['summary 1d', 'ONE_DAY'],
    ['summary 24h', 'ONE_DAY'],
    ['summary last 24 hours', 'ONE_DAY'],
    ['summary 7d', 'SEVEN_DAYS'],
    ['summary week', 'SEVEN_DAYS'],
    ['summary weekly', 'SEVEN_DAYS'],
    ['summary last 7 days', 'SEVEN_DAYS'],
    ['summary 14d', 'FOURTEEN_DAYS'],
    ['summary fortnight', 'FOURTEEN_DAYS'],
    ['summary 2w', 'FOURTEEN_DAYS'],
    ['summary past 2 weeks', 'FOURTEEN_DAYS'],
    ['Summary 14D', 'FOURTEEN_DAYS'],
    ['summaries daily', 'ONE_DAY'],
    ['summary 7d 7d', 'SEVEN_DAYS'],
  ])('%s -> %s', (text, period) => {
    expect(parsed(text)).toMatchObject({ kind: 'summary', summary: { period: period } });
  });

  it.each<[string, SummaryInput]>([
    ['summary account:*', { period: 'SEVEN_DAYS', account: '*' }],
    ['summary account:123456789012', { period: 'SEVEN_DAYS', account: '123456789012' }],
    ['summary type:rds', { period: 'SEVEN_DAYS', resourceType: 'RDS' }],
    ['summary daily ebs', { period: 'ONE_DAY', resourceType: 'EBS' }],
    ['summary failed', { period: 'SEVEN_DAYS', state: 'FAILED' }],
    ['summary failures failed', { period: 'SEVEN_DAYS', state: 'FAILED' }],
    ['summary category:AccessDenied', { period: 'SEVEN_DAYS', messageCategory: 'AccessDenied' }],
    [
      'summary 14d type:ec2 partial account:* category:success',
      {
        period: 'FOURTEEN_DAYS',
        account: '*',
        resourceType: 'EC2',
        state: 'PARTIAL',
        messageCategory: 'SUCCESS',
      },
    ],
  ])('%s', (text, summary) => {
    expect(parsed(text)).toMatchObject({ kind: 'summary', summary });
    const query = parsed(text);
    if (query.kind === 'summary') expect(query.summary).toEqual(summary);
  });

  it('takes regions and public', () => {
    expect(parsed('summary region:eu-west-1 region:us-east-1 public')).toMatchObject({
      kind: 'summary',
      regions: ['eu-west-1', 'us-east-1'],
      visibility: 'in_channel',
    });
  });
});

describe('job details', () => {
  const id = '4B7B3A0C-1234-5678-9ABC-DEF012345678';
  it.each([
    [`job ${id}`, id, []],
    [`details ${id}`, id, []],
    [`JOB ${id}`, id, []],
    ['job abc', 'abc', []],
    [`job ${id} region:eu-west-1`, id, ['eu-west-1']],
    [`job region:eu-west-1 ${id}`, id, ['eu-west-1']],
    [`job ${'a'.repeat(256)}`, 'a'.repeat(256), []],
  ])('%s', (text, jobId, regions) => {
    expect(parsed(text)).toMatchObject({ kind: 'job', jobId, regions, visibility: 'ephemeral' });
  });

  it('posts in the channel with public', () => {
    expect(parsed(`job ${id} public`).visibility).toBe('in_channel');
  });
});

describe('alerts', () => {
  it.each([
    ['alerts', { action: 'list' }],
    ['alert', { action: 'list' }],
    ['alerts list', { action: 'list' }],
    ['alerts mute prod-failures', { action: 'mute', rule: 'prod-failures', durationMs: 3_600_000 }],
    ['alerts mute prod-failures 30m', { action: 'mute', rule: 'prod-failures', durationMs: 1_800_000 }],
    ['alerts mute prod-failures for 2h', { action: 'mute', rule: 'prod-failures', durationMs: 7_200_000 }],
    ['alerts mute prod-failures 1d', { action: 'mute', rule: 'prod-failures', durationMs: 86_400_000 }],
    ['alerts mute prod-failures 2 hours', { action: 'mute', rule: 'prod-failures', durationMs: 7_200_000 }],
    ['alerts mute nightly-rds 1w', { action: 'mute', rule: 'nightly-rds', durationMs: 604_800_000 }],
    // Rule names are lower case: what was typed in capitals is the same rule.
    ['alerts unmute Prod-Failures', { action: 'unmute', rule: 'prod-failures' }],
    ['alerts unmute prod-failures', { action: 'unmute', rule: 'prod-failures' }],
    ['alerts test prod-failures', { action: 'test', rule: 'prod-failures' }],
    ['alerts new', { action: 'new' }],
    ['alerts history', { action: 'history' }],
    ['alerts history prod-failures', { action: 'history', rule: 'prod-failures' }],
    ['alerts edit prod-failures', { action: 'edit', rule: 'prod-failures' }],
    ['alerts pause prod-failures', { action: 'pause', rule: 'prod-failures' }],
    ['alerts resume prod-failures', { action: 'resume', rule: 'prod-failures' }],
    ['alerts delete prod-failures', { action: 'delete', rule: 'prod-failures' }],
    ['Alerts Test prod-failures', { action: 'test', rule: 'prod-failures' }],
  ])('%s', (text, action) => {
    const query = parsed(text);
    expect(query.kind).toBe('alerts');
    expect(query).toMatchObject(action);
    if (query.kind === 'alerts' && query.action === 'list') expect('rule' in query).toBe(false);
  });
});
