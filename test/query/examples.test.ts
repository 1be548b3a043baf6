import { describe, expect, it } from 'vitest';
import { QUERY_EXAMPLES } from '../../src/query/examples.js';
import { parseQuery } from '../../src/query/parse.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];
/** Every day of two weeks around the New York DST change, at 03:30 and 16:45 UTC. */
const NOWS = Array.from({ length: 14 }, (_, day) =>
  [3.5, 16.75].map((h) => Date.UTC(2026, 9, 26 + day) + h * 3_600_000),
).flat();

describe('QUERY_EXAMPLES', () => {
  it('has 10 to 14 examples with descriptions', () => {
    expect(QUERY_EXAMPLES.length).toBeGreaterThanOrEqual(10);
    expect(QUERY_EXAMPLES.length).toBeLessThanOrEqual(14);
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
    expect([...kinds].sort()).toEqual(['alerts', 'job', 'list', 'summary']);
    const filters = new Set(
      queries.flatMap((r) => (r.ok && r.query.kind === 'list' ? Object.keys(r.query.filters) : [])),
    );
    expect([...filters].sort()).toEqual([
      'account',
      'completedAfter',
      'completedBefore',
      'createdAfter',
      'createdBefore',
      'messageCategory',
      'parentJobId',
      'resourceArn',
      'resourceType',
      'vault',
    ]);
    const lists = queries.flatMap((r) => (r.ok && r.query.kind === 'list' ? [r.query] : []));
    expect(lists.some((q) => q.withIssues)).toBe(true);
    expect(lists.some((q) => q.regions.length > 1)).toBe(true);
    expect(lists.some((q) => q.visibility === 'in_channel')).toBe(true);
    expect(lists.some((q) => q.pageSize !== 10)).toBe(true);
    const forms = new Set(lists.map((q) => q.window?.form.kind));
    expect([...forms].sort()).toEqual(['before', 'calendar', 'range', 'rolling', 'since']);
  });
});
