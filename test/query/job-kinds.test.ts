import { describe, expect, it } from 'vitest';
import { type JobKind, STATES_OF_KIND } from '../../src/domain/index.js';
import type { ListFilters, ListQuery, ValidationOutcome } from '../../src/query/types.js';
import { parsed, parsedList } from './helpers.js';

describe('the kind of job', () => {
  it.each<[string, JobKind, boolean]>([
    ['failed', 'backup', false],
    ['backups', 'backup', false],
    ['backup jobs failed', 'backup', false],
    ['show me all failed backup jobs', 'backup', false],
    ['copy', 'copy', false],
    ['copies', 'copy', false],
    ['copy jobs', 'copy', false],
    ['Copies failed', 'copy', false],
    ['failed copies last 7 days', 'copy', false],
    ['show me failed copy jobs', 'copy', false],
    ['copy copies', 'copy', false],
    ['restore', 'restore', false],
    ['restores', 'restore', false],
    ['restore jobs', 'restore', false],
    ['restore tests', 'restore', true],
    ['restore test failed', 'restore', true],
    ['restore testing', 'restore', true],
    ['restores restore tests', 'restore', true],
    ['job copies', 'copy', false],
    ['copy job failed yesterday', 'copy', false],
  ])('%s -> %s jobs, tests only %s', (text, jobKind, testsOnly) => {
    expect(parsedList(text)).toMatchObject({ jobKind, testsOnly });
  });

  it('lists a kind alone: every state, no filters', () => {
    for (const text of ['copies', 'restores', 'backups']) {
      expect(parsedList(text)).toMatchObject({ states: [], withIssues: false, validation: [], filters: {} });
    }
  });
});

describe('states per kind', () => {
  it.each<[string, string[], boolean, ValidationOutcome[]]>([
    ['copy failed last 7 days', ['FAILED'], false, []],
    ['copies partial or failed', ['FAILED', 'PARTIAL'], false, []],
    ['copies running created', ['CREATED', 'RUNNING'], false, []],
    ['copies completed with issues', [], true, []],
    ['copies failed or with issues', ['FAILED'], true, []],
    ['copies completed yesterday', ['COMPLETED'], false, []],
    ['restores failed this week', ['FAILED'], false, ['FAILED']],
    ['restore tests failed', ['FAILED'], false, ['FAILED']],
    ['restore tests timed out', [], false, ['TIMED_OUT']],
    ['restores timed-out', [], false, ['TIMED_OUT']],
    ['restores timeouts', [], false, ['TIMED_OUT']],
    ['restores timed out or failed', ['FAILED'], false, ['FAILED', 'TIMED_OUT']],
    ['restores aborted pending', ['PENDING', 'ABORTED'], false, []],
    ['restores completed', ['COMPLETED'], false, []],
    // Validation ends after the job completed: "timed out completed yesterday" is not every completed job.
    ['restores timed out completed yesterday', [], false, ['TIMED_OUT']],
  ])('%s', (text, states, withIssues, validation) => {
    expect(parsedList(text)).toMatchObject({ states, withIssues, validation });
  });

  it('keeps each kind to its own states, in the order AWS documents them', () => {
    const all = 'failed partial completed running pending created aborted aborting expired';
    expect(parsedList(all).states).toEqual([...STATES_OF_KIND.backup]);
    expect(parsedList('copies failed partial completed running created').states).toEqual([
      ...STATES_OF_KIND.copy,
    ]);
    expect(parsedList('restores failed completed running pending aborted').states).toEqual([
      ...STATES_OF_KIND.restore,
    ]);
  });

  it('leaves backup and copy jobs without validation outcomes', () => {
    expect(parsedList('failed').validation).toEqual([]);
    expect(parsedList('copies failed').validation).toEqual([]);
  });
});

describe('filters per kind', () => {
  const vaultArn = 'arn:aws:backup:eu-west-1:123456789012:backup-vault:dr-vault';
  const planArn = 'arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:weekly-1a2b3c';
  const pointArn = 'arn:aws:backup:eu-west-1:123456789012:recovery-point:1a2b3c4d';
  it.each<[string, ListFilters]>([
    ['copies to vault:dr-vault', { destinationVault: 'dr-vault' }],
    ['copies from vault:prod', { sourceVault: 'prod' }],
    ['copy failed vault:prod', { vault: 'prod' }],
    ['copies from backup-vault:prod', { sourceVault: 'prod' }],
    ['copies dest:dr-vault', { destinationVault: 'dr-vault' }],
    ['copies destination:dr-vault', { destinationVault: 'dr-vault' }],
    ['copies source:prod', { sourceVault: 'prod' }],
    [`copies to vault:${vaultArn}`, { destinationVault: vaultArn }],
    [`copies dest:${vaultArn}`, { destinationVault: vaultArn }],
    ['copies from vault:prod to vault:dr-vault', { sourceVault: 'prod', destinationVault: 'dr-vault' }],
    ['copies to vault:dr-vault from vault:prod', { sourceVault: 'prod', destinationVault: 'dr-vault' }],
    [`copies recovery-point:${pointArn}`, { sourceRecoveryPointArn: pointArn }],
    [
      'copies type:rds account:* resource:arn:aws:rds:eu-west-1:123456789012:db:prod parent:P-1 category:AccessDenied',
      {
        resourceType: 'RDS',
        account: '*',
        resourceArn: 'arn:aws:rds:eu-west-1:123456789012:db:prod',
        parentJobId: 'P-1',
        messageCategory: 'AccessDenied',
      },
    ],
    [`restores plan:${planArn}`, { restoreTestingPlanArn: planArn }],
    [
      'restores type:ebs account:123456789012 parent:P-2',
      { resourceType: 'EBS', account: '123456789012', parentJobId: 'P-2' },
    ],
  ])('%s', (text, filters) => {
    expect(parsedList(text).filters).toEqual(filters);
  });

  it('reads "from" and "to" as a window when no vault follows', () => {
    const query = parsedList('copies from friday to sunday');
    expect(query.filters).toEqual({
      createdAfter: '2026-11-20T00:00:00.000Z',
      createdBefore: '2026-11-23T00:00:00.000Z',
    });
    expect(parsedList('copies failed yesterday to vault:dr-vault').filters).toEqual({
      createdAfter: '2026-11-22T00:00:00.000Z',
      createdBefore: '2026-11-23T00:00:00.000Z',
      destinationVault: 'dr-vault',
    });
    // `from friday` is that day.
    expect(parsedList('copies from friday to vault:dr-vault').filters).toEqual({
      createdAfter: '2026-11-20T00:00:00.000Z',
      createdBefore: '2026-11-21T00:00:00.000Z',
      destinationVault: 'dr-vault',
    });
    expect(parsedList('copies from vault:prod since friday').filters).toEqual({
      createdAfter: '2026-11-20T00:00:00.000Z',
      createdBefore: '2026-11-23T10:00:00.000Z',
      sourceVault: 'prod',
    });
  });
});

/** Backup-job queries: each must mean the same for every kind that takes its words. */
const SHARED: readonly string[] = [
  'last 3 days',
  'yesterday',
  'this week',
  'since monday 9am',
  'between nov 20 and nov 22',
  'completed today',
  'ended last 24h',
  'running 24h',
  'public',
  'limit:25',
  '25 per page',
  'region:eu-west-1 region:us-east-1',
  'eu-central-1',
  'account:*',
  '123456789012',
  'type:rds',
  'ebs',
  'parent:4B7B3A0C-1234-5678-9ABC-DEF012345678',
];
const COPY_ONLY: readonly string[] = [
  'vault:prod',
  'category:AccessDenied',
  'resource:arn:aws:s3:::b',
  'with issues',
];

describe('every window, filter, visibility and page-size word with each kind', () => {
  const same = (query: ListQuery) => ({ ...query, text: '', jobKind: 'backup', testsOnly: false });
  it.each([...SHARED, ...COPY_ONLY])('copies %s', (words) => {
    expect(same(parsedList(`copies ${words}`))).toEqual(same(parsedList(words)));
    expect(same(parsedList(`${words} copy jobs`))).toEqual(same(parsedList(words)));
  });

  it.each(SHARED)('restores %s', (words) => {
    expect(same(parsedList(`restores ${words}`))).toEqual(same(parsedList(words)));
    expect(parsedList(`restore tests ${words}`)).toMatchObject({ jobKind: 'restore', testsOnly: true });
  });
});

describe('summaries per kind', () => {
  it.each<[string, JobKind, object]>([
    ['copy summary 7d', 'copy', { period: 'SEVEN_DAYS' }],
    ['copies summary', 'copy', { period: 'SEVEN_DAYS' }],
    ['summary copies 7d', 'copy', { period: 'SEVEN_DAYS' }],
    ['summary 14d copies failed', 'copy', { period: 'FOURTEEN_DAYS', state: 'FAILED' }],
    [
      'copy summary daily category:AccessDenied',
      'copy',
      { period: 'ONE_DAY', messageCategory: 'AccessDenied' },
    ],
    ['restore summary daily', 'restore', { period: 'ONE_DAY' }],
    [
      'summary restores account:* type:rds',
      'restore',
      { period: 'SEVEN_DAYS', account: '*', resourceType: 'RDS' },
    ],
    // A summary counts states: a failed restore is its state, not its validation.
    ['restore summary failed', 'restore', { period: 'SEVEN_DAYS', state: 'FAILED' }],
    ['backup summary 7d', 'backup', { period: 'SEVEN_DAYS' }],
    ['summary 7d', 'backup', { period: 'SEVEN_DAYS' }],
  ])('%s', (text, jobKind, summary) => {
    const query = parsed(text);
    expect(query).toMatchObject({ kind: 'summary', jobKind });
    if (query.kind === 'summary') expect(query.summary).toEqual(summary);
  });

  it('takes regions and public after a kind', () => {
    expect(parsed('restore summary region:eu-west-1 public')).toMatchObject({
      regions: ['eu-west-1'],
      visibility: 'in_channel',
    });
  });
});

describe('job details per kind', () => {
  const id = '4B7B3A0C-1234-5678-9ABC-DEF012345678';
  it.each<[string, JobKind]>([
    [`copy job ${id}`, 'copy'],
    [`copies job ${id}`, 'copy'],
    [`restore job ${id}`, 'restore'],
    [`restore tests job ${id}`, 'restore'],
    [`backup job ${id}`, 'backup'],
    [`copy details ${id} region:eu-west-1 public`, 'copy'],
  ])('%s', (text, jobKind) => {
    expect(parsed(text)).toMatchObject({ kind: 'job', jobId: id, jobKind });
  });

  it('looks an id up as every kind when none is typed', () => {
    const query = parsed(`job ${id}`);
    expect(query.kind).toBe('job');
    expect('jobKind' in query).toBe(false);
    // Only a kind's first word makes "job …" a list: an id may be any other word.
    expect(parsed('job tests')).toMatchObject({ kind: 'job', jobId: 'tests' });
    expect(parsed('copy job test')).toMatchObject({ kind: 'job', jobId: 'test', jobKind: 'copy' });
  });
});

describe('help about kinds', () => {
  it.each(['help copies', 'help copy', 'help restores', 'help restore', 'help kinds', 'help tests'])(
    '%s -> kinds',
    (text) => {
      expect(parsed(text)).toMatchObject({ kind: 'help', topic: 'kinds' });
    },
  );
});
