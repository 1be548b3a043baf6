import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.js';
import { NOW, rejected } from './helpers.js';

const ARN = 'arn:aws:rds:eu-west-1:111122223333:db:orders';
const RESOURCE_EXAMPLES = [`resource ${ARN}`, 'resource orders'];
const NOT_AN_AGE = (typed: string, command = 'stale', example = '24h') =>
  `"${typed}" is not an age: give a duration with its unit, like 24h, 2d or 1h30m, as in "${command} ${example}".`;
const TOO_LONG = (typed: string, command = 'stale') =>
  `"${typed}" is too long an age: beyond the 30 days of jobs AWS keeps, only each resource's last backup is known, up to 365 days. Try "${command} 365d".`;

/** [text, the message a person sees, the suggestions]. */
const cases: [string, string, string[]][] = [
  // ages
  ['stale 24x', NOT_AN_AGE('24x'), ['stale 24h']],
  ['stale 30', NOT_AN_AGE('30'), ['stale 24h']],
  ['stale 2 months', NOT_AN_AGE('2 months'), ['stale 24h']],
  ['coverage 3x', NOT_AN_AGE('3x', 'coverage', '48h'), ['coverage 48h']],
  ['stale 12 parsecs', NOT_AN_AGE('12'), ['stale 24h']],
  ['stale 0h', '"0h" is not an age: give one longer than zero, like "stale 24h".', ['stale 24h']],
  ['stale 0 days', '"0 days" is not an age: give one longer than zero, like "stale 24h".', ['stale 24h']],
  [
    'stale -2d',
    '"-2d" is not an age: an age counts back from now, so give it without a minus, like "stale 2d".',
    ['stale 2d'],
  ],
  ['stale 400d', TOO_LONG('400d'), ['stale 365d']],
  ['stale 53w', TOO_LONG('53w'), ['stale 365d']],
  ['stale 99999 days', TOO_LONG('99999 days'), ['stale 365d']],
  ['stale older than 5000d', TOO_LONG('older than 5000d'), ['stale 365d']],
  ['coverage 366d', TOO_LONG('366d', 'coverage'), ['coverage 365d']],
  [
    'stale copies 31d',
    'Copies are known from the 30 days of copy jobs AWS keeps, so "31d" is too long an age for them. Try "stale copies 30d".',
    ['stale copies 30d'],
  ],
  [
    'stale 24h 48h',
    '"24h" and "48h" conflict: "stale" takes one age. Keep one of them.',
    ['stale 24h', 'stale 48h'],
  ],
  // words that are not understood, or belong to jobs
  ['stale faild', '"faild" is not a word I know — did you mean failed?', ['failed']],
  ['stale rsd', '"rsd" is not a word I know — did you mean rds?', ['rds']],
  ['stale xyzzy', '"xyzzy" is not a word I know. Type "help" to see the words I understand.', ['help']],
  [
    'stale failed',
    '"failed" is about jobs: "stale" finds resources by the age of their last good backup. Try "stale 24h", or "failed last 24h" for the jobs.',
    ['stale 24h', 'failed last 24h'],
  ],
  [
    'coverage with issues',
    '"with issues" is about jobs: "coverage" finds resources by the age of their last good backup. Try "coverage 24h", or "with issues last 24h" for the jobs.',
    ['coverage 24h', 'with issues last 24h'],
  ],
  [
    'stale since monday',
    '"since monday" is a time window, but "stale" takes an age: how long ago the last good backup may be, like "stale 24h" or "stale 7d".',
    ['stale 24h', 'stale 7d'],
  ],
  [
    'stale last week',
    '"last week" is a time window, but "stale" takes an age: how long ago the last good backup may be, like "stale 24h" or "stale 7d".',
    ['stale 24h', 'stale 7d'],
  ],
  [
    'stale restores',
    '"stale" looks at backups and copies, so "restores" does not apply. Try "stale 24h", or "restores last 7d" for the restore jobs.',
    ['stale 24h', 'restores last 7d'],
  ],
  [
    'stale copies backups',
    '"copies" and "backups" conflict: a query takes one kind of job. Keep one of them.',
    ['copies', 'backups'],
  ],
  [
    'copies stale 2d type:rds',
    '"stale" does not take a kind of job before it. Try "stale copies 2d type:rds".',
    ['stale copies 2d type:rds'],
  ],
  // filters
  ['stale vaul:prod', '"vaul:prod" is not a filter I know — did you mean vault:prod?', ['vault:prod']],
  [
    'stale foo:bar',
    '"foo:bar" is not a filter I know: "stale" takes account:, region:, type:, vault: and limit:.',
    ['stale'],
  ],
  [
    'coverage foo:bar',
    '"foo:bar" is not a filter I know: "coverage" takes account:, region:, type: and vault:.',
    ['coverage'],
  ],
  [
    'stale 24h parent:P-1',
    '"parent:P-1" does not apply to "stale": resources can be filtered by account:, region:, type:, vault: and limit:. Try "stale 24h".',
    ['stale 24h'],
  ],
  [
    'coverage category:AccessDenied type:rds',
    '"category:AccessDenied" does not apply to "coverage": resources can be filtered by account:, region:, type: and vault:. Try "coverage type:rds".',
    ['coverage type:rds'],
  ],
  [
    `stale 2d ${ARN}`,
    `"stale" looks across resources, so an ARN does not narrow it: for one resource, try "resource ${ARN}".`,
    [`resource ${ARN}`, 'stale 2d'],
  ],
  [
    `stale resource:${ARN}`,
    `"stale" looks across resources, so an ARN does not narrow it: for one resource, try "resource ${ARN}".`,
    [`resource ${ARN}`, 'stale'],
  ],
  ['stale type:rdss', '"type:rdss" is not a resource type I know — did you mean type:rds?', ['type:rds']],
  ['stale type:rds,ebss', '"type:ebss" is not a resource type I know — did you mean type:ebs?', ['type:ebs']],
  ['stale type:', '"type:" needs a value, like type:rds.', ['type:rds']],
  ['stale type:,', '"type:," needs a value, like type:rds.', ['type:rds']],
  [
    'stale account:12',
    '"account:12" is not an account: give 12 digits, or * for every account.',
    ['account:*'],
  ],
  [
    'stale region:eu-west-1,eu-west1',
    '"eu-west1" is not an AWS region like eu-west-1 — did you mean region:eu-west-1?',
    ['region:eu-west-1'],
  ],
  [
    'stale vault:"my vault"',
    '"vault:my vault" is not a vault name: vault names are 2 to 50 letters, digits, - or _, like vault:prod.',
    ['vault:prod'],
  ],
  ['stale limit:99', '"limit:99" is out of range: a page shows 1 to 50 resources.', ['limit:50']],
  [
    'stale limit:10 limit:20',
    '"limit:10" and "limit:20" conflict: a query takes one page size. Keep one of them.',
    ['limit:10', 'limit:20'],
  ],
  // coverage is counts of backups
  [
    'coverage copies 48h',
    '"coverage" counts backups, so "copies" does not apply. Try "coverage 48h", or "stale copies 48h" for resources whose copies are old.',
    ['coverage 48h', 'stale copies 48h'],
  ],
  [
    'coverage limit:20 type:rds',
    '"coverage" answers with counts, not pages, so "limit:20" does not apply. Try "coverage type:rds".',
    ['coverage type:rds'],
  ],
  [
    'coverage 20 per page',
    '"coverage" answers with counts, not pages, so "20 per page" does not apply. Try "coverage".',
    ['coverage'],
  ],
  // resource
  [
    'resource',
    `"resource" needs an ARN or a name, like "resource ${ARN}" or "resource orders".`,
    RESOURCE_EXAMPLES,
  ],
  [
    'resource public',
    `"resource" needs an ARN or a name, like "resource ${ARN}" or "resource orders".`,
    RESOURCE_EXAMPLES,
  ],
  [
    'resource arn:nope',
    `"arn:nope" is not an ARN or a name: give one like "resource ${ARN}" or "resource orders".`,
    RESOURCE_EXAMPLES,
  ],
  [
    'resource ""',
    `"""" is not an ARN or a name: give one like "resource ${ARN}" or "resource orders".`,
    RESOURCE_EXAMPLES,
  ],
  [
    `resource ${ARN} orders`,
    `"resource" takes one ARN or one name; "orders" is one word too many. Try "resource ${ARN}".`,
    [`resource ${ARN}`],
  ],
  [
    `resource orders ${ARN}`,
    `"resource" takes one ARN or one name; "orders" is one word too many. Try "resource ${ARN}".`,
    [`resource ${ARN}`],
  ],
  [
    'resource orders region:eu-west-1',
    '"resource" takes an ARN or a name, not filters, so "region:eu-west-1" does not apply. Try "resource orders".',
    ['resource orders'],
  ],
  [
    'resource type:rds',
    '"resource" takes an ARN or a name, not filters, so "type:rds" does not apply. Try "resource orders".',
    ['resource orders'],
  ],
  [
    'copies resource orders',
    '"resource" does not take a kind of job before it. Try "resource".',
    ['resource'],
  ],
];

describe('protection-gap questions that cannot be understood', () => {
  it.each(cases)('%s', (text, error, suggestions) => {
    expect(rejected(text)).toEqual({ error, suggestions });
  });

  it('say it in one sentence (a "Try …" or "Type …" after it at most), with something to type instead', () => {
    for (const [text] of cases) {
      const { error, suggestions } = rejected(text);
      expect(error, text).toMatch(/[.?]$/);
      expect(error.replace(/"[^"]*"/g, '""').split(/[.?] (?!Try |Keep |Type )/).length, text).toBe(1);
      expect(suggestions.length, text).toBeGreaterThan(0);
    }
  });

  it('suggest queries that parse (except the two ends of a conflict and the bare kind)', () => {
    for (const [text, , suggestions] of cases) {
      if (/conflict|before it/.test(rejected(text).error)) continue;
      for (const suggestion of suggestions) {
        const result = parseQuery(suggestion, { now: NOW, timeZone: 'UTC' });
        expect(result.ok ? '' : `${text} -> ${suggestion}: ${result.error.error}`).toBe('');
      }
    }
  });

  it('answers a resource name longer than any AWS lists', () => {
    const error = rejected(`resource ${'a'.repeat(300)}`);
    expect(error.error).toMatch(/is too long for a resource name: give at most 256 characters, or the ARN/);
    expect(error.suggestions).toEqual(RESOURCE_EXAMPLES);
  });
});
