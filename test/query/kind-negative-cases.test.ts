import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.js';
import { NOW, rejected } from './helpers.js';

const PLAN = 'arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:weekly-1a2b3c';
const RESTORE_FILTERS = 'type:, account:, parent:, plan: and a time window';
const BACKUP_FILTERS = 'vault:, type:, account:, resource:, parent:, category: and a time window';
const COPY_STATES = 'created, running, completed, failed and partial';
const RESTORE_STATES = 'pending, running, completed, aborted and failed';

/** [text, the message a person sees, the suggestions]: what a kind of job cannot be asked. */
const cases: [string, string, string[]][] = [
  // states a kind never has
  [
    'copies expired',
    `Copy jobs have no state "expired": their states are ${COPY_STATES}. Try "copies" or "backups expired".`,
    ['copies', 'backups expired'],
  ],
  [
    'copies aborted last week',
    `Copy jobs have no state "aborted": their states are ${COPY_STATES}. Try "copies last week" or "backups aborted last week".`,
    ['copies last week', 'backups aborted last week'],
  ],
  [
    'restores partial',
    `Restore jobs have no state "partial": their states are ${RESTORE_STATES}. Try "restores" or "backups partial".`,
    ['restores', 'backups partial'],
  ],
  [
    'failed or partial restores',
    `Restore jobs have no state "partial": their states are ${RESTORE_STATES}. Try "failed or restores" or "failed or partial backups".`,
    ['failed or restores', 'failed or partial backups'],
  ],
  // with issues and validation
  [
    'restores with issues',
    'Restore jobs have no message category, so "with issues" does not apply to them. Try "restores failed": failed restores and restore tests whose validation failed.',
    ['restores failed'],
  ],
  [
    'restore tests failed completed with issues',
    'Restore jobs have no message category, so "completed with issues" does not apply to them. Try "restore tests failed": failed restores and restore tests whose validation failed.',
    ['restore tests failed'],
  ],
  [
    'timed out',
    'Only restore tests are validated: "timed out" does not apply to backup jobs. Try "restore tests timed out".',
    ['restore tests timed out'],
  ],
  [
    'copies timed out yesterday',
    'Only restore tests are validated: "timed out" does not apply to copy jobs. Try "restore tests timed out yesterday".',
    ['restore tests timed out yesterday'],
  ],
  // filters a kind does not take
  [
    'restores vault:prod',
    `"vault:prod" does not apply to restore jobs: they can be filtered by ${RESTORE_FILTERS}. Try "restores".`,
    ['restores'],
  ],
  [
    'restores failed resource:arn:aws:s3:::b',
    `"resource:arn:aws:s3:::b" does not apply to restore jobs: they can be filtered by ${RESTORE_FILTERS}. Try "restores failed".`,
    ['restores failed'],
  ],
  [
    'restores category:AccessDenied yesterday',
    `"category:AccessDenied" does not apply to restore jobs: they can be filtered by ${RESTORE_FILTERS}. Try "restores yesterday".`,
    ['restores yesterday'],
  ],
  [
    'restores to vault:dr-vault',
    `"to vault:dr-vault" does not apply to restore jobs: they can be filtered by ${RESTORE_FILTERS}. Try "restores".`,
    ['restores'],
  ],
  [
    'failed to vault:dr-vault',
    `"to vault:dr-vault" does not apply to backup jobs: they can be filtered by ${BACKUP_FILTERS}. Try "copies failed to vault:dr-vault" or "failed".`,
    ['copies failed to vault:dr-vault', 'failed'],
  ],
  [
    'from vault:prod',
    `"from vault:prod" does not apply to backup jobs: they can be filtered by ${BACKUP_FILTERS}. Try "copies from vault:prod".`,
    ['copies from vault:prod'],
  ],
  [
    'backups source:prod',
    `"source:prod" does not apply to backup jobs: they can be filtered by ${BACKUP_FILTERS}. Try "backups".`,
    ['backups'],
  ],
  [
    `failed plan:${PLAN}`,
    `"plan:arn:aws:backup:eu-west-1:123456789…" does not apply to backup jobs: they can be filtered by ${BACKUP_FILTERS}. Try "restores failed plan:arn:aws:backup:eu-…" or "failed".`,
    [`restores failed plan:${PLAN}`, 'failed'],
  ],
  [
    `copies plan:${PLAN}`,
    '"plan:arn:aws:backup:eu-west-1:123456789…" does not apply to copy jobs: they can be filtered by vault:, from vault:, to vault:, type:, account:, resource:, parent:, category:, recovery-point: and a time window. Try "copies".',
    ['copies'],
  ],
  // values
  [
    'copies to vault:x',
    '"to vault:x" is not a vault: give a vault name (2 to 50 letters, digits, - or _) or a backup vault ARN, like to vault:dr-vault.',
    ['to vault:dr-vault'],
  ],
  [
    'copies from vault:"my vault"',
    '"from vault:"my vault"" is not a vault: give a vault name (2 to 50 letters, digits, - or _) or a backup vault ARN, like from vault:prod.',
    ['from vault:prod'],
  ],
  ['copies dest:', '"dest:" needs a value, like dest:dr-vault.', ['dest:dr-vault']],
  [
    'restores plan:weekly',
    `"plan:weekly" is not a restore testing plan ARN: give one like plan:${PLAN}.`,
    [`plan:${PLAN}`],
  ],
  [
    'copies recovery-point:foo',
    '"recovery-point:foo" is not a recovery point ARN: give one like recovery-point:arn:aws:backup:eu-west-1:123456789012:recovery-point:1a2b3c4d.',
    ['recovery-point:arn:aws:backup:eu-west-1:123456789012:recovery-point:1a2b3c4d'],
  ],
  // conflicts
  [
    'copies restores',
    '"copies" and "restores" conflict: a query takes one kind of job. Keep one of them.',
    ['copies', 'restores'],
  ],
  [
    'failed backups restore tests',
    '"backups" and "restore tests" conflict: a query takes one kind of job. Keep one of them.',
    ['backups', 'restore tests'],
  ],
  [
    'copies to vault:aa to vault:bb',
    '"to vault:aa" and "to vault:bb" conflict: a query takes one destination vault. Keep one of them.',
    ['to vault:aa', 'to vault:bb'],
  ],
  [
    'copies from vault:aa source:bb',
    '"from vault:aa" and "source:bb" conflict: a query takes one source vault. Keep one of them.',
    ['from vault:aa', 'source:bb'],
  ],
  // other commands
  ['copies help', '"help" does not take a kind of job before it. Try "help copies".', ['help copies']],
  [
    'restore tests help',
    '"help" does not take a kind of job before it. Try "help restores".',
    ['help restores'],
  ],
  ['restores alerts', '"alerts" does not take a kind of job before it. Try "alerts".', ['alerts']],
  [
    'copy job',
    '"copy job" needs a copy job id, like "copy job 4B7B3A0C-1234-5678-9ABC-DEF012345678".',
    ['copy job 4B7B3A0C-1234-5678-9ABC-DEF012345678'],
  ],
  [
    'restore job a_b',
    '"a_b" is not a restore job id: ids are 1 to 256 letters, digits and hyphens, like "restore job 4B7B3A0C-1234-5678-9ABC-DEF012345678".',
    ['restore job 4B7B3A0C-1234-5678-9ABC-DEF012345678'],
  ],
  [
    'copy job a b',
    '"copy job" takes one job id; "b" is one word too many. Try "copy job a".',
    ['copy job a'],
  ],
  // summaries
  [
    'restore tests summary',
    'AWS summaries count every restore job: they cannot single out "restore tests". Try "restore summary 7d", or list them with "restore tests last 7 days".',
    ['restore summary 7d', 'restore tests last 7 days'],
  ],
  [
    'restore summary category:AccessDenied',
    'AWS summaries of restore jobs count by account, resource type and state only: "category:AccessDenied" cannot narrow a summary. Try "restore summary 7d".',
    ['restore summary 7d'],
  ],
  [
    'copy summary to vault:dr-vault',
    'AWS summaries of copy jobs count by account, resource type, state and message category only: "to vault:dr-vault" cannot narrow a summary. Try "copy summary 7d".',
    ['copy summary 7d'],
  ],
  [
    'restore summary with issues',
    'Restore jobs have no message category, so "with issues" cannot narrow a summary of them. Try "restore summary failed".',
    ['restore summary failed'],
  ],
  [
    'copy summary with issues',
    'A summary cannot single out "with issues": its rows already split COMPLETED jobs by message category. Try "copy summary completed", or list them with "copies completed with issues last 7d".',
    ['copy summary completed', 'copies completed with issues last 7d'],
  ],
  [
    'restore summary timed out',
    'AWS summaries count restore jobs by state, not by how their validation ended: "timed out" cannot narrow a summary. List them with "restore tests timed out last 7d".',
    ['restore tests timed out last 7d'],
  ],
  [
    'copy summary expired',
    `Copy jobs have no state "expired": their states are ${COPY_STATES}. Try "copy summary" or "backup summary expired".`,
    ['copy summary', 'backup summary expired'],
  ],
  [
    'summary restores partial',
    `Restore jobs have no state "partial": their states are ${RESTORE_STATES}. Try "summary restores" or "summary backup partial".`,
    ['summary restores', 'summary backup partial'],
  ],
  // misspelt kinds too far from any kind
  ['cpys failed', '"cpys" is not a word I know — did you mean days or copy?', ['days', 'copy']],
];

describe('what a kind of job cannot be asked', () => {
  it.each(cases)('%s', (text, error, suggestions) => {
    expect(rejected(text)).toEqual({ error, suggestions });
  });

  it('says every error in one line that names what to type instead', () => {
    for (const [text] of cases) {
      const { error } = rejected(text);
      expect(error, text).not.toContain('\n');
      expect(error, text).toMatch(/Try "|did you mean|List them with|like |Keep one of them/);
    }
  });

  it('offers corrected queries that parse', () => {
    const tried = cases.filter(([, error]) => error.includes(' Try "'));
    expect(tried.length).toBeGreaterThan(25);
    for (const query of tried.flatMap(([, , suggestions]) => suggestions)) {
      const result = parseQuery(query, { now: NOW, timeZone: 'UTC' });
      expect(result.ok ? '' : `${query}: ${result.error.error}`).toBe('');
    }
  });
});
