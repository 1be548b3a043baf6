import { describe, expect, it } from 'vitest';
import { type FilterName, isStateOf, kindTakes } from '../../src/domain/index.js';
import { describeQuery } from '../../src/query/describe.js';
import { toParseJson } from '../../src/query/json.js';
import { INTERNAL_ERROR, parseQuery } from '../../src/query/parse.js';
import type { ParseResult } from '../../src/query/types.js';

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'failed',
  'or',
  'and',
  'partial',
  'completed',
  'with',
  'issues',
  'running',
  'since',
  'after',
  'before',
  'until',
  'between',
  'from',
  'to',
  '-',
  'on',
  'last',
  'past',
  'this',
  'next',
  'week',
  'month',
  'today',
  'yesterday',
  'tomorrow',
  'monday',
  'friday',
  '9am',
  '11:30',
  '3',
  'days',
  'hours',
  'ago',
  '24h',
  '7d',
  '90m',
  'fortnight',
  'nov',
  '20',
  '2026-11-01',
  '2026-11-20T09:00:00Z',
  'vault:prod',
  'vault:"a b"',
  'type:rds',
  'type:',
  'account:*',
  'account:12',
  'region:eu-west-1',
  'region:x',
  'resource:arn:aws:s3:::b',
  'parent:P-1',
  'category:AccessDenied',
  'limit:20',
  'limit:99',
  'per',
  'page',
  'public',
  'summary',
  'daily',
  'job',
  'details',
  'alerts',
  'mute',
  'unmute',
  'test',
  'help',
  '"',
  '\u201c',
  '?',
  'ended',
  'created',
  'faild',
  'zzz',
  '',
  ',',
  ':',
  '=',
  'arn:',
  '123456789012',
  'eu-west-1',
  'rds',
  'ebs',
  'copies',
  'copy',
  'restores',
  'restore',
  'tests',
  'backups',
  'timed',
  'out',
  'vault:dr-vault',
  'dest:arn:aws:backup:eu-west-1:123456789012:backup-vault:dr',
  'source:prod',
  'plan:arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:p-1',
  'recovery-point:arn:aws:backup:eu-west-1:123456789012:recovery-point:1',
  'stale',
  'coverage',
  'resource',
  'arn:aws:rds:eu-west-1:111122223333:db:orders',
  '"my db"',
  '48h',
  '1h30m',
  '400d',
  '-2d',
  '0h',
  'older',
  'than',
  'type:rds,ebs',
  'region:eu-west-1,us-east-1',
];
/** First words of the questions about protection gaps, to lead mixes of the words above. */
const GAP_COMMANDS = ['stale', 'stale copies', 'coverage', 'resource', 'copies stale'];
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];
const NOW = new Date('2026-11-23T10:00:00Z');
const DAY = 86_400_000;

function randomUnicode(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const pick = random();
    // Mostly BMP, some astral, some lone surrogates and controls.
    const cp =
      pick < 0.1
        ? Math.floor(random() * 0x20)
        : pick < 0.15
          ? 0xd800 + Math.floor(random() * 0x800)
          : pick < 0.25
            ? 0x10000 + Math.floor(random() * 0x10ffff - 0x10000)
            : 0x20 + Math.floor(random() * 0xffdf);
    out += cp >= 0xd800 && cp < 0xe000 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  }
  return out;
}

/** A result is sound when it is a value (never the last-resort error) and its JSON can be made. */
function expectSound(text: string, result: ParseResult, tz: string): void {
  if (!result.ok) {
    expect(result.error.error.startsWith(INTERNAL_ERROR), text).toBe(false);
    expect(typeof result.error.error).toBe('string');
    expect(result.error.error.length).toBeLessThan(600);
    expect(Array.isArray(result.error.suggestions)).toBe(true);
    return;
  }
  JSON.stringify(toParseJson(result.query));
  expect(describeQuery(result.query, tz).length).toBeGreaterThan(0);
  if (result.query.kind === 'stale' || result.query.kind === 'coverage') {
    const { maxAgeMs, filters } = result.query;
    expect(maxAgeMs, text).toBeGreaterThan(0);
    expect(maxAgeMs, text).toBeLessThanOrEqual(
      (result.query.kind === 'stale' && result.query.copies ? 30 : 365) * DAY,
    );
    for (const values of Object.values(filters)) expect(new Set(values).size, text).toBe(values.length);
    if (filters.accounts.includes('*')) expect(filters.accounts, text).toEqual(['*']);
  }
  if (result.query.kind === 'stale') expect(result.query.pageSize).toBeLessThanOrEqual(50);
  if (result.query.kind === 'resource') expect(result.query.target.trim(), text).not.toBe('');
  if (result.query.kind === 'list') {
    const { jobKind, states, validation, testsOnly, withIssues } = result.query;
    for (const state of states) expect(isStateOf(jobKind, state), text).toBe(true);
    for (const name of Object.keys(result.query.filters))
      expect(kindTakes(jobKind, name as FilterName), `${text}: ${name}`).toBe(true);
    if (jobKind !== 'restore') expect(validation.length + Number(testsOnly), text).toBe(0);
    if (jobKind === 'restore') expect(withIssues, text).toBe(false);
    const f = result.query.filters;
    for (const [after, before] of [
      [f.createdAfter, f.createdBefore],
      [f.completedAfter, f.completedBefore],
    ]) {
      if (after === undefined) continue;
      expect(Date.parse(after)).toBeLessThan(Date.parse(before ?? ''));
      expect(Date.parse(before ?? '')).toBeLessThanOrEqual(NOW.getTime());
    }
  }
}

describe('fuzz', () => {
  it('never throws on 2,000 random mixes of query words, and stays fast in aggregate', () => {
    const random = prng(20261123);
    const texts = Array.from({ length: 2_000 }, () => {
      const n = 1 + Math.floor(random() * 14);
      return Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    });
    parseQuery('since monday 9am', { now: NOW, timeZone: 'UTC' });
    let ok = 0;
    const started = performance.now();
    const results = texts.map((text, i) =>
      parseQuery(text, { now: NOW, timeZone: ZONES[i % ZONES.length]! }),
    );
    const elapsed = performance.now() - started;
    results.forEach((result, i) => {
      expectSound(texts[i]!, result, ZONES[i % ZONES.length]!);
      if (result.ok) ok++;
    });
    // Well under a few milliseconds each on a shared machine: about 0.3 ms measured.
    expect(elapsed).toBeLessThan(8_000);
    expect(ok).toBeGreaterThan(50);
  });

  it('never throws on 2,000 random mixes led by stale, coverage or resource', () => {
    const random = prng(20261124);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const kinds = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const words = Array.from({ length: Math.floor(random() * 8) }, () => pick(WORDS));
      const text = [pick(GAP_COMMANDS), ...words].join(' ');
      const tz = ZONES[i % ZONES.length]!;
      const result = parseQuery(text, { now: NOW, timeZone: tz });
      expectSound(text, result, tz);
      if (result.ok) kinds.add(result.query.kind);
    }
    expect([...kinds].sort()).toEqual(['coverage', 'resource', 'stale']);
  });

  it('answers 10,000-character inputs and random Unicode with a value', () => {
    const random = prng(42);
    const inputs = [
      'x'.repeat(10_000),
      ' '.repeat(10_000),
      'failed '.repeat(1_500),
      `vault:"${'a'.repeat(9_990)}"`,
      '"'.repeat(10_000),
      ...Array.from({ length: 200 }, () => randomUnicode(random, Math.floor(random() * 120))),
      ...Array.from({ length: 20 }, () => randomUnicode(random, 10_000)),
      ...Array.from({ length: 50 }, () =>
        Array.from({ length: 59 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' '),
      ),
    ];
    const started = performance.now();
    for (const text of inputs)
      expectSound(
        text.slice(0, 40),
        parseQuery(text, { now: NOW, timeZone: 'Asia/Kolkata' }),
        'Asia/Kolkata',
      );
    expect(performance.now() - started).toBeLessThan(8_000);
  });

  it('answers the longest accepted query of chrono-heavy words', () => {
    const text = Array.from(
      { length: 59 },
      (_, i) => ['monday', '9am', 'nov', '20', 'since', 'between'][i % 6],
    ).join(' ');
    const result = parseQuery(text, { now: NOW, timeZone: 'America/New_York' });
    expectSound(text, result, 'America/New_York');
  });
});
