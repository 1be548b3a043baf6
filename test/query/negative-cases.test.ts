import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.js';
import { rejected } from './helpers.js';

const HELP_TOPIC_SUGGESTIONS = [
  'help states',
  'help kinds',
  'help filters',
  'help types',
  'help dates',
  'help summary',
  'help job',
  'help alerts',
  'help protection',
  'help examples',
];

/** [text, the message a person sees, the suggestions]. */
const cases: [string, string, string[]][] = [
  // unknown words
  // a misspelling is read as its word only when it is near one word alone (phrasing.test.ts)
  ['fald', '"fald" is not a word I know — did you mean failed?', ['failed']],
  ['wek', '"wek" is not a word I know — did you mean week?', ['week']],
  ['rsd', '"rsd" is not a word I know — did you mean rds?', ['rds']],
  ['xyzzy', '"xyzzy" is not a word I know. Type "help" to see the words I understand.', ['help']],
  ['week', '"week" is not a word I know. Type "help" to see the words I understand.', ['help']],
  ['1 2 1', '"1" and "2" are not words I know. Type "help" to see the words I understand.', ['help']],
  // filters
  ['vaul:prod', '"vaul:prod" is not a filter I know — did you mean vault:prod?', ['vault:prod']],
  [
    'foo:bar',
    '"foo:bar" is not a filter I know. Filters are vault:, source:, destination:, type:, account:, region:, resource:, parent:, category:, recovery-point:, plan: or limit:.',
    [
      'vault:',
      'source:',
      'destination:',
      'type:',
      'account:',
      'region:',
      'resource:',
      'parent:',
      'category:',
      'recovery-point:',
      'plan:',
      'limit:',
    ],
  ],
  ['vault:', '"vault:" needs a value, like vault:prod.', ['vault:prod']],
  ['type:', '"type:" needs a value, like type:rds.', ['type:rds']],
  ['type:rdss', '"type:rdss" is not a resource type I know — did you mean type:rds?', ['type:rds']],
  ['type:rds!', '"type:rds!" is not a resource type I know — did you mean type:rds?', ['type:rds']],
  ['type:x/y', '"type:x/y" is not a resource type I know. Type "help types" for the list.', ['help types']],
  [
    'vault:"my vault"',
    '"vault:"my vault"" is not a vault name: vault names are 2 to 50 letters, digits, - or _, like vault:prod.',
    ['vault:prod'],
  ],
  ['account:123', '"account:123" is not an account: give 12 digits, or * for every account.', ['account:*']],
  [
    'account:1234567890123',
    '"account:1234567890123" is not an account: give 12 digits, or * for every account.',
    ['account:*'],
  ],
  [
    'region:eu-west1',
    '"eu-west1" is not an AWS region like eu-west-1 — did you mean region:eu-west-1?',
    ['region:eu-west-1'],
  ],
  ['region:mars', '"mars" is not an AWS region like eu-west-1.', ['region:eu-west-1']],
  [
    'resource:foo',
    '"resource:foo" is not an ARN: give one like resource:arn:aws:rds:eu-west-1:123456789012:db:prod.',
    ['resource:arn:aws:rds:eu-west-1:123456789012:db:prod'],
  ],
  [
    'parent:x/y',
    '"parent:x/y" is not a backup job id (letters, digits and hyphens).',
    ['parent:4B7B3A0C-1234-5678-9ABC-DEF012345678'],
  ],
  ["category:'a'", '"category:\'a\'" is not a message category.', ['category:AccessDenied']],
  ['limit:abc', '"limit:abc" is not a page size: give a number from 1 to 50.', ['limit:50']],
  ['limit:51', '"limit:51" is out of range: a page shows 1 to 50 jobs.', ['limit:50']],
  ['limit:0', '"limit:0" is out of range: a page shows 1 to 50 jobs.', ['limit:50']],
  ['51 per page', '"51 per page" is out of range: a page shows 1 to 50 jobs.', ['limit:50']],
  ['vault:"my vault', 'The quote in "vault:"my vault" is not closed.', ['vault:"my vault"']],
  // conflicts
  [
    'vault:aa vault:bb',
    '"vault:aa" and "vault:bb" conflict: a query takes one vault. Keep one of them.',
    ['vault:aa', 'vault:bb'],
  ],
  [
    'type:rds type:ebs',
    '"type:rds" and "type:ebs" conflict: a query takes one resource type. Keep one of them.',
    ['type:rds', 'type:ebs'],
  ],
  ['rds ebs', '"rds" and "ebs" conflict: a query takes one resource type. Keep one of them.', ['rds', 'ebs']],
  [
    'account:111111111111 account:222222222222',
    '"account:111111111111" and "account:222222222222" conflict: a query takes one account (or account:* for all). Keep one of them.',
    ['account:111111111111', 'account:222222222222'],
  ],
  [
    'limit:10 limit:20',
    '"limit:10" and "limit:20" conflict: a query takes one page size. Keep one of them.',
    ['limit:10', 'limit:20'],
  ],
  [
    'category:A category:B',
    '"category:A" and "category:B" conflict: a query takes one message category. Keep one of them.',
    ['category:A', 'category:B'],
  ],
  [
    'failed last 3 days yesterday',
    '"last 3 days" and "yesterday" conflict: a query takes one time window. Keep one of them.',
    ['last 3 days', 'yesterday'],
  ],
  [
    'completed yesterday created today',
    '"completed yesterday" and "created today" conflict: a query takes one time window. Keep one of them.',
    ['completed yesterday', 'created today'],
  ],
  // dates
  [
    'since blorp',
    'I could not read "blorp" as a date or time after "since".',
    ['since yesterday', 'since 9am'],
  ],
  [
    'since',
    '"since" needs a date or time after it, like "since yesterday".',
    ['since yesterday', 'since 9am'],
  ],
  [
    'before',
    '"before" needs a date or time after it, like "before yesterday".',
    ['before yesterday', 'before 9am'],
  ],
  [
    'between monday',
    '"between monday" needs an end: say "between A and B".',
    ['between 3 days ago and yesterday'],
  ],
  [
    'between yesterday and blah',
    'I could not read "blah" as a date or time after "and".',
    ['between 3 days ago and yesterday'],
  ],
  ['tomorrow', '"tomorrow" lies in the future: there are no jobs there yet.', ['today', 'last 24h']],
  ['next monday', '"next monday" lies in the future: there are no jobs there yet.', ['today', 'last 24h']],
  [
    'since tomorrow',
    '"since tomorrow" lies in the future: there are no jobs there yet.',
    ['today', 'last 24h'],
  ],
  [
    'from nov 22 to nov 20',
    '"from nov 22 to nov 20" starts after it ends (Sun 22 Nov 00:00 UTC to Sat 21 Nov 00:00 UTC).',
    ['between 3 days ago and yesterday'],
  ],
  ['last 0 days', '"last 0 days" is an empty window.', ['last 24h']],
  ['since now', '"since now" is an empty window.', ['last 24h']],
  [
    'last 99999 weeks',
    '"last 99999 weeks" reaches too far back: AWS Backup keeps jobs for 30 days.',
    ['last 30 days'],
  ],
  [
    'before oct 1',
    'AWS Backup keeps jobs for 30 days: "before oct 1" ends before Sat 24 Oct 10:00 UTC, so no job can match.',
    ['last 30 days'],
  ],
  [
    'september',
    'AWS Backup keeps jobs for 30 days: "september" ends before Sat 24 Oct 10:00 UTC, so no job can match.',
    ['last 30 days'],
  ],
  [
    'ended',
    '"ended" needs a time window after it, like "ended yesterday".',
    ['ended yesterday', 'ended last 24h'],
  ],
  [
    'completed since blah',
    'I could not read "blah" as a date or time after "since".',
    ['since yesterday', 'since 9am'],
  ],
  // summaries
  [
    'summary failed partial',
    '"failed" and "partial" conflict: a summary takes one state.',
    ['failed', 'partial'],
  ],
  ['summary 7d 14d', '"7d" and "14d" conflict: a summary takes one period.', ['7d', '14d']],
  [
    'summary vault:xy',
    'AWS summaries count by account, resource type, state and message category only: "vault:xy" cannot narrow a summary. Try "summary 7d".',
    ['summary 7d'],
  ],
  [
    'summary limit:5',
    'AWS summaries count by account, resource type, state and message category only: "limit:5" cannot narrow a summary. Try "summary 7d".',
    ['summary 7d'],
  ],
  [
    'summary yesterday',
    'Summaries cover the last day (daily counts for 14 days), 7 days or 14 days: "yesterday" is not one of them.',
    ['summary daily', 'summary 7d', 'summary 14d'],
  ],
  [
    'summary 30d',
    'Summaries cover the last day (daily counts for 14 days), 7 days or 14 days: "30d" is not one of them.',
    ['summary daily', 'summary 7d', 'summary 14d'],
  ],
  [
    'summary with issues',
    'A summary cannot single out "with issues": its rows already split COMPLETED jobs by message category. Try "summary completed", or list them with "completed with issues last 7d".',
    ['summary completed', 'completed with issues last 7d'],
  ],
  // job, alerts, help
  [
    'job',
    '"job" needs a job id, like "job 4B7B3A0C-1234-5678-9ABC-DEF012345678".',
    ['job 4B7B3A0C-1234-5678-9ABC-DEF012345678'],
  ],
  [
    'job a_b',
    '"a_b" is not a job id: ids are 1 to 256 letters, digits and hyphens, like "job 4B7B3A0C-1234-5678-9ABC-DEF012345678".',
    ['job 4B7B3A0C-1234-5678-9ABC-DEF012345678'],
  ],
  [
    `job ${'a'.repeat(257)}`,
    `"${'a'.repeat(39)}…" is not a job id: ids are 1 to 256 letters, digits and hyphens, like "job 4B7B3A0C-1234-5678-9ABC-DEF012345678".`,
    ['job 4B7B3A0C-1234-5678-9ABC-DEF012345678'],
  ],
  ['job abc def', '"job" takes one job id; "def" is one word too many. Try "job abc".', ['job abc']],
  ['alerts mute', '"alerts mute" needs a rule name, like "alerts mute prod-failures".', ['alerts']],
  ['alerts unmute', '"alerts unmute" needs a rule name, like "alerts unmute prod-failures".', ['alerts']],
  [
    'alerts mute Bad!Name',
    '"Bad!Name" is not a rule name: rule names are lower-case letters, digits and dashes, like prod-failures.',
    ['alerts'],
  ],
  [
    'alerts mute prod 5 parsecs',
    '"5 parsecs" is not a duration: try 30m, 2h, 1d or 1w.',
    ['alerts mute prod 2h', 'alerts mute prod 1d'],
  ],
  [
    'alerts mute prod 0m',
    '"0m" is not a duration: try 30m, 2h, 1d or 1w.',
    ['alerts mute prod 2h', 'alerts mute prod 1d'],
  ],
  [
    'alerts mutee prod',
    '"mutee" is not something alerts can do — did you mean alerts mute?',
    ['alerts mute'],
  ],
  [
    'alerts snooze prod',
    '"snooze" is not something alerts can do. Try "alerts", "alerts new", "alerts edit <rule>", "alerts mute <rule> 2h" or "alerts history".',
    ['alerts'],
  ],
  ['alerts test a b', '"b" does not belong after "alerts test a".', ['alerts test a']],
  ['alerts list x', '"x" does not belong after "alerts".', ['alerts']],
  ['alerts new prod', '"prod" does not belong after "alerts new".', ['alerts new']],
  ['alerts edit', '"alerts edit" needs a rule name, like "alerts edit prod-failures".', ['alerts']],
  ['alerts delete a b', '"b" does not belong after "alerts delete a".', ['alerts delete a']],
  [
    'help foo',
    '"foo" is not a help topic. Topics: states, kinds, filters, types, dates, summary, job, alerts, protection, examples.',
    HELP_TOPIC_SUGGESTIONS,
  ],
  [
    'help datse',
    '"datse" is not a help topic. Topics: states, kinds, filters, types, dates, summary, job, alerts, protection, examples.',
    ['help dates'],
  ],
  // size
  ['x'.repeat(1001), 'That query is too long: keep it under 1,000 characters.', ['help']],
  [
    Array.from({ length: 61 }, () => 'failed').join(' '),
    'That query has 61 words; keep it under 60.',
    ['help'],
  ],
];

describe('queries that cannot be understood', () => {
  it.each(cases)('%s', (text, error, suggestions) => {
    expect(rejected(text)).toEqual({ error, suggestions });
  });

  it('says so when the context itself is wrong', () => {
    expect(parseQuery('failed', { now: new Date('2026-11-23T10:00:00Z'), timeZone: 'Mars/Olympus' })).toEqual(
      {
        ok: false,
        error: { error: '"Mars/Olympus" is not a time zone I know.', suggestions: ['UTC', 'Europe/Berlin'] },
      },
    );
    expect(parseQuery('failed', { now: new Date(Number.NaN), timeZone: 'UTC' }).ok).toBe(false);
  });

  it('quotes what was typed in the zone of the person typing', () => {
    expect(rejected('from nov 22 to nov 20', { tz: 'America/New_York' }).error).toBe(
      '"from nov 22 to nov 20" starts after it ends (Sun 22 Nov 00:00 EST to Sat 21 Nov 00:00 EST).',
    );
  });
});
