import { describe, expect, it } from 'vitest';
import { helpMessage } from '../../src/blocks/help.js';
import { QUERY_EXAMPLES } from '../../src/query/examples.js';
import { parseQuery } from '../../src/query/parse.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];
/** Every day of two weeks around the New York DST change, at 03:30 and 16:45 UTC. */
const NOWS = Array.from({ length: 14 }, (_, day) =>
  [3.5, 16.75].map((h) => Date.UTC(2026, 9, 26 + day) + h * 3_600_000),
).flat();

describe('QUERY_EXAMPLES', () => {
  it('has 10 to 25 examples with descriptions (help shows 25 at most)', () => {
    expect(QUERY_EXAMPLES.length).toBeGreaterThanOrEqual(10);
    expect(QUERY_EXAMPLES.length).toBeLessThanOrEqual(25);
    for (const example of QUERY_EXAMPLES) expect(example.description.length).toBeGreaterThan(10);
  });

  it.each(QUERY_EXAMPLES.map((e) => [e.text]))('%s parses on any day, in any zone', (text) => {
    for (const timeZone of ZONES) {
      for (const now of NOWS) {
        const result = parseQuery(text, { now: new Date(now), timeZone });
        expect(result.ok ? '' : `${new Date(now).toISOString()} ${timeZone}: ${result.error.error}`).toBe('');
      }
    }
  });

  it('covers every kind and every filter', () => {
    const queries = QUERY_EXAMPLES.map((e) =>
      parseQuery(e.text, { now: new Date('2026-11-23T10:00:00Z'), timeZone: 'UTC' }),
    );
    const kinds = new Set(queries.map((r) => (r.ok ? r.query.kind : 'error')));
    expect([...kinds].sort()).toEqual(['alerts', 'coverage', 'job', 'list', 'resource', 'stale', 'summary']);
    const stale = queries.flatMap((r) => (r.ok && r.query.kind === 'stale' ? [r.query] : []));
    expect(new Set(stale.map((q) => q.copies))).toEqual(new Set([true, false]));
    const filters = new Set(
      queries.flatMap((r) => (r.ok && r.query.kind === 'list' ? Object.keys(r.query.filters) : [])),
    );
    expect([...filters].sort()).toEqual([
      'account',
      'completedAfter',
      'completedBefore',
      'createdAfter',
      'createdBefore',
      'destinationVault',
      'messageCategory',
      'parentJobId',
      'resourceArn',
      'resourceType',
      'restoreTestingPlanArn',
      'sourceVault',
      'vault',
    ]);
    const jobKinds = (kind: string) =>
      new Set(
        queries.flatMap((r) =>
          r.ok && r.query.kind === kind && 'jobKind' in r.query ? [r.query.jobKind] : [],
        ),
      );
    expect([...jobKinds('list')].sort()).toEqual(['backup', 'copy', 'restore']);
    expect([...jobKinds('summary')].sort()).toEqual(['backup', 'restore']);
    expect([...jobKinds('job')]).toEqual(['copy']);
    const lists = queries.flatMap((r) => (r.ok && r.query.kind === 'list' ? [r.query] : []));
    expect(lists.some((q) => q.withIssues)).toBe(true);
    expect(lists.some((q) => q.testsOnly)).toBe(true);
    expect(new Set(lists.flatMap((q) => q.validation))).toEqual(new Set(['FAILED', 'TIMED_OUT']));
    expect(lists.some((q) => q.regions.length > 1)).toBe(true);
    expect(lists.some((q) => q.visibility === 'in_channel')).toBe(true);
    expect(lists.some((q) => q.pageSize !== 10)).toBe(true);
    const forms = new Set(lists.map((q) => q.window?.form.kind));
    expect([...forms].sort()).toEqual(['before', 'calendar', 'range', 'rolling', 'since']);
  });

  it('are all shown by the help message, each with a button that runs it', () => {
    const shown = JSON.stringify(helpMessage(QUERY_EXAMPLES));
    for (const { text } of QUERY_EXAMPLES) expect(shown).toContain(`"value":${JSON.stringify(text)}`);
  });

  it('files the protection-gap examples under their topic, which help stale shows alone', () => {
    const result = parseQuery('help stale', { now: new Date('2026-11-23T10:00:00Z'), timeZone: 'UTC' });
    const topic = result.ok && result.query.kind === 'help' ? result.query.topic : undefined;
    const shown = JSON.stringify(helpMessage(QUERY_EXAMPLES, { topic }));
    expect(shown).toContain('Protection gaps*');
    expect(shown).not.toContain('Summaries*');
    const gaps = QUERY_EXAMPLES.filter((e) => /^(stale|coverage|resource)\b/.test(e.text));
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    for (const { text } of gaps) expect(shown).toContain(`"value":${JSON.stringify(text)}`);
  });
});
