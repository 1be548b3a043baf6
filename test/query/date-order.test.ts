import { describe, expect, it } from 'vitest';
import { dateOrderOfLocale } from '../../src/query/operands.js';
import { parseQuery } from '../../src/query/parse.js';

describe('the order of numeric dates, from a Slack locale', () => {
  it.each([
    ['en-US', 'month-first'],
    ['en-GB', 'day-first'],
    ['de-DE', 'day-first'],
    ['fr-FR', 'day-first'],
    ['pt-BR', 'day-first'],
    ['es-LA', 'day-first'],
    ['ja-JP', 'month-first'],
    ['zh-CN', 'month-first'],
    ['ko-KR', 'month-first'],
  ])('%s writes dates %s', (locale, order) => {
    expect(dateOrderOfLocale(locale)).toBe(order);
  });

  it.each([undefined, '', 'not a locale!'])('says nothing for %j, so the zone decides', (locale) => {
    expect(dateOrderOfLocale(locale)).toBeUndefined();
  });

  it('reads 3/4 by the locale over the zone, and an ISO date the same whatever the order', () => {
    const startOf = (text: string, now: string, dateOrder?: 'month-first' | 'day-first') => {
      const context = {
        now: new Date(now),
        timeZone: 'America/New_York',
        ...(dateOrder ? { dateOrder } : {}),
      };
      const parsed = parseQuery(text, context);
      if (!parsed.ok || parsed.query.kind !== 'list') throw new Error(`not a list: ${text}`);
      return parsed.query.filters.createdAfter;
    };
    const dayFirst = dateOrderOfLocale('en-GB');
    expect(startOf('failed on 3/4', '2026-04-20T12:00:00Z', dayFirst)).toBe('2026-04-03T04:00:00.000Z');
    // Without a locale, New York's people write the month first.
    expect(startOf('failed on 3/4', '2026-03-20T12:00:00Z')).toBe('2026-03-04T05:00:00.000Z');
    expect(startOf('failed on 2026-04-03', '2026-04-20T12:00:00Z', dayFirst)).toBe(
      '2026-04-03T04:00:00.000Z',
    );
    expect(startOf('failed on 2026-04-03', '2026-04-20T12:00:00Z')).toBe('2026-04-03T04:00:00.000Z');
  });
});
