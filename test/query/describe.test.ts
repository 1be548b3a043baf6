import { describe, expect, it } from 'vitest';
import { describeQuery } from '../../src/query/describe.js';
import { parsed } from './helpers.js';

describe('describeQuery', () => {
  it.each([
    [
      'failed or partial since monday 9am type:rds account:*',
      'America/New_York',
      'Failed or partial RDS jobs created since Mon 16 Nov 09:00 EST, all accounts',
    ],
    ['since 4am', 'America/New_York', 'All jobs created since Mon 23 Nov 04:00 EST'],
    ['last 3 days vault:prod', 'UTC', 'All jobs created in the last 3 days in vault prod'],
    ['failures 24h', 'UTC', 'Failed jobs created in the last 24 hours'],
    ['last hour', 'UTC', 'All jobs created in the last hour'],
    [
      'yesterday region:eu-west-1 region:us-east-1',
      'UTC',
      'All jobs created yesterday in eu-west-1 and us-east-1',
    ],
    ['last week', 'Europe/Berlin', 'All jobs created last week'],
    ['friday ebs', 'Europe/Berlin', 'All EBS jobs created on Fri 20 Nov'],
    ['november', 'UTC', 'All jobs created in November 2026'],
    ['before friday', 'UTC', 'All jobs created before Fri 20 Nov'],
    ['until today', 'UTC', 'All jobs created before Mon 23 Nov 10:00 UTC'],
    ['between friday and sunday', 'UTC', 'All jobs created from Fri 20 Nov to Sun 22 Nov'],
    [
      'from friday 9am to saturday 5pm',
      'Asia/Kolkata',
      'All jobs created from Fri 20 Nov 09:00 GMT+5:30 to Sat 21 Nov 17:00 GMT+5:30',
    ],
    ['completed yesterday', 'UTC', 'Jobs completed yesterday'],
    [
      'failed completed today account:123456789012',
      'UTC',
      'Failed jobs that ended today in account 123456789012',
    ],
    [
      'failed or completed with issues',
      'UTC',
      'Failed or completed-with-issues jobs in the last 30 days (all AWS keeps)',
    ],
    [
      'parent:P-1 category:AccessDenied',
      'UTC',
      'All jobs in the last 30 days (all AWS keeps) under parent job P-1 with message category AccessDenied',
    ],
    ['summary', 'UTC', 'Summary of all jobs — totals for the last 7 days'],
    [
      'summary daily type:ec2 failed account:*',
      'UTC',
      'Summary of failed EC2 jobs, all accounts — daily counts for the last 14 days',
    ],
    [
      'summary 14d account:123456789012',
      'UTC',
      'Summary of all jobs in account 123456789012 — totals for the last 14 days',
    ],
    ['job ABC-1', 'UTC', 'Backup job ABC-1'],
    ['alerts', 'UTC', 'Alert rules'],
    ['alerts mute prod-failures', 'UTC', 'Mute alert rule prod-failures for 1 hour'],
    ['alerts mute prod-failures 90m', 'UTC', 'Mute alert rule prod-failures for 1 hour 30 minutes'],
    ['alerts unmute prod-failures', 'UTC', 'Unmute alert rule prod-failures'],
    ['alerts test prod-failures', 'UTC', 'Test alert rule prod-failures'],
    ['help dates', 'UTC', 'Help: dates'],
  ])('%s (%s)', (text, tz, description) => {
    expect(describeQuery(parsed(text, { tz }), tz)).toBe(description);
  });

  it.each([
    [
      'copies failed last 7 days to vault:dr-vault',
      'Failed copy jobs created in the last 7 days to vault dr-vault',
    ],
    ['copies from vault:prod', 'All copy jobs in the last 30 days (all AWS keeps) from vault prod'],
    ['copy failed vault:prod', 'Failed copy jobs in the last 30 days (all AWS keeps) from or to vault prod'],
    ['copies completed yesterday', 'Copy jobs completed yesterday'],
    [
      'copies with issues type:rds',
      'Completed-with-issues RDS copy jobs in the last 30 days (all AWS keeps)',
    ],
    [
      'copies recovery-point:arn:aws:backup:eu-west-1:123456789012:recovery-point:1a',
      'All copy jobs in the last 30 days (all AWS keeps) of recovery point arn:aws:backup:eu-west-1:123456789012:recovery-point:1a',
    ],
    ['restores', 'All restore jobs in the last 30 days (all AWS keeps)'],
    ['restores running', 'Running restore jobs in the last 30 days (all AWS keeps)'],
    ['restores failed this week', 'Restore jobs that failed or whose validation failed, created this week'],
    [
      'restore tests failed',
      'Restore tests that failed or whose validation failed, in the last 30 days (all AWS keeps)',
    ],
    [
      'restore tests timed out',
      'Restore tests whose validation timed out, in the last 30 days (all AWS keeps)',
    ],
    [
      'restores failed or timed out type:ebs',
      'EBS restore jobs that failed or whose validation failed or timed out, in the last 30 days (all AWS keeps)',
    ],
    ['restore tests', 'All restore tests in the last 30 days (all AWS keeps)'],
    [
      'restores plan:arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:weekly-1a',
      'All restore jobs in the last 30 days (all AWS keeps) of restore testing plan arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:weekly-1a',
    ],
    ['backups failed 24h', 'Failed jobs created in the last 24 hours'],
    ['copy summary 7d', 'Summary of all copy jobs — totals for the last 7 days'],
    ['restore summary daily failed', 'Summary of failed restore jobs — daily counts for the last 14 days'],
    ['copy job ABC-1', 'Copy job ABC-1'],
    ['restore job ABC-1 region:eu-west-1', 'Restore job ABC-1 in eu-west-1'],
  ])('names the kind: %s', (text, description) => {
    expect(describeQuery(parsed(text), 'UTC')).toBe(description);
  });

  it.each([
    ['stale 24h', 'Resources with no good backup in the last 24 hours'],
    ['stale 1d', 'Resources with no good backup in the last 24 hours'],
    ['stale 2d', 'Resources with no good backup in the last 2 days'],
    ['stale 1h', 'Resources with no good backup in the last hour'],
    ['stale 1h30m', 'Resources with no good backup in the last 90 minutes'],
    ['stale 5h 30m', 'Resources with no good backup in the last 5 hours 30 minutes'],
    ['stale', 'Resources with no good backup in the last 26 hours'],
    ['stale copy 2d', 'Resources with no copy in the last 2 days'],
    ['stale copies 48h', 'Resources with no copy in the last 2 days'],
    [
      'stale 24h type:rds account:111122223333 region:eu-west-1',
      'Resources with no good backup in the last 24 hours, of type RDS in account 111122223333, eu-west-1',
    ],
    [
      'stale 7d type:rds,ebs account:* region:eu-west-1 region:us-east-1 vault:prod',
      'Resources with no good backup in the last 7 days, of type RDS or EBS in vault prod in all accounts, eu-west-1 and us-east-1',
    ],
    [
      'stale account:111122223333,444455556666 vault:a1,b2',
      'Resources with no good backup in the last 26 hours, in vaults a1 or b2 in accounts 111122223333 and 444455556666',
    ],
    ['stale eu-west-1', 'Resources with no good backup in the last 26 hours, in eu-west-1'],
    ['coverage', 'Coverage: fresh within 26 hours'],
    ['coverage 48h', 'Coverage: fresh within 2 days'],
    ['coverage type:rds account:*', 'Coverage: fresh within 26 hours, of type RDS in all accounts'],
    ['resource orders', 'Resource orders'],
    [
      'resource arn:aws:rds:eu-west-1:111122223333:db:orders',
      'Resource arn:aws:rds:eu-west-1:111122223333:db:orders',
    ],
    ['help stale', 'Help: protection'],
  ])('heads a protection-gap question: %s', (text, description) => {
    for (const tz of ['UTC', 'Asia/Kolkata'])
      expect(describeQuery(parsed(text, { tz }), tz)).toBe(description);
  });

  it('restates the same query in another zone', () => {
    const query = parsed('since monday 9am', { tz: 'America/New_York' });
    expect(describeQuery(query, 'Europe/Berlin')).toBe('All jobs created since Mon 16 Nov 15:00 CET');
  });
});
