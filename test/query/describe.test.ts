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
    ['failed or completed with issues', 'UTC', 'Failed or completed-with-issues jobs'],
    [
      'parent:P-1 category:AccessDenied',
      'UTC',
      'All jobs under parent job P-1 with message category AccessDenied',
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

  it('restates the same query in another zone', () => {
    const query = parsed('since monday 9am', { tz: 'America/New_York' });
    expect(describeQuery(query, 'Europe/Berlin')).toBe('All jobs created since Mon 16 Nov 15:00 CET');
  });
});
