import { describe, expect, it } from 'vitest';
import { emptyResult } from '../../src/blocks/empty-result.js';
import { parseQuery } from '../../src/query/index.js';
import type { ListQuery } from '../../src/query/types.js';
import { widerSearches } from '../../src/slack/wider-search.js';

const NOW = new Date('2026-11-20T15:00:00Z');

function list(text: string): ListQuery {
  const parsed = parseQuery(text, { now: NOW, timeZone: 'UTC' });
  if (!parsed.ok || parsed.query.kind !== 'list') throw new Error(`not a list query: ${text}`);
  return parsed.query;
}

describe('wider searches keep the question and widen one thing at a time', () => {
  it('widens the window of `failed 24h vault:prod` first, then leaves out one filter', () => {
    const wider = widerSearches(list('failed 24h vault:prod'), NOW, 'UTC');
    expect(wider[0]).toEqual({
      text: 'failed last 7 days vault:prod',
      widened: 'the last 7 days instead of 24h',
    });
    expect(wider[1]).toEqual({ text: 'failed 24h', widened: 'without vault:prod' });
    expect(wider.map((w) => w.text)).not.toContain('last 7 days');
    for (const { text } of wider) {
      const q = list(text);
      // Each keeps everything else: only the window, or only one filter, differs.
      const keptState = q.states.includes('FAILED');
      const keptVault = q.filters.vault === 'prod';
      const keptWindow = q.filters.createdAfter === '2026-11-19T15:00:00.000Z';
      expect([keptState, keptVault, keptWindow].filter((kept) => !kept)).toHaveLength(1);
    }
  });

  it('each filter left out in turn, Regions too, and a completion window stays on completion', () => {
    const wider = widerSearches(list('copies failed 3d vault:dr region:eu-west-1'), NOW, 'UTC');
    expect(wider.map((w) => w.text)).toEqual([
      'copies failed last 7 days vault:dr region:eu-west-1',
      'copies failed 3d region:eu-west-1',
      'copies failed 3d vault:dr',
      'copies 3d vault:dr region:eu-west-1',
    ]);
    const ended = widerSearches(list('ended last 24h failed type:rds'), NOW, 'UTC');
    expect(list(ended[0]!.text).filters.completedAfter).toBe('2026-11-13T15:00:00.000Z');
  });

  it('offers the counts when nothing is left to widen', () => {
    expect(widerSearches(list('last 30 days'), NOW, 'UTC')).toEqual([
      { text: 'summary 14d', widened: 'the counts of the last 14 days' },
    ]);
  });

  it('says which thing each suggestion widened, with a button that runs it', () => {
    const msg = emptyResult({
      title: 'Failed backup jobs',
      suggestions: widerSearches(list('failed 24h vault:prod'), NOW, 'UTC'),
      notes: [],
    });
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain('`failed last 7 days vault:prod` — the last 7 days instead of 24h');
    expect(json).toContain('`failed 24h` — without vault:prod');
    expect(json).toContain('▶ failed last 7 days vault:prod');
  });
});
