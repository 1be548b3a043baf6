import { describe, expect, it } from 'vitest';
import type { JobCounts } from '../../src/backup/tally.js';
import { ACTION } from '../../src/blocks/actions.js';
import { countMessage, howMany } from '../../src/blocks/count-message.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { hostileText } from './fixtures.js';
import { allText, element, textsOf } from './inspect.js';

function counts(overrides: Partial<JobCounts> = {}): JobCounts {
  return {
    source: 'jobs',
    total: 17,
    byState: { COMPLETED: 12, FAILED: 4, PARTIAL: 1 },
    issues: 2,
    scanned: 17,
    capped: false,
    bound: 10_000,
    regions: ['us-east-1', 'eu-west-1'],
    failedRegions: [],
    ...overrides,
  };
}

const base = {
  title: 'How many: jobs created in the last 24 hours',
  kind: 'backup' as const,
  listTexts: { FAILED: 'failed last 24h', PARTIAL: 'partial last 24h', COMPLETED: 'completed last 24h' },
  timeZone: 'Europe/Berlin',
  notes: [],
};

describe('countMessage', () => {
  it('says the total first, then each state worst first, with completed with issues under completed', () => {
    const m = countMessage({ ...base, counts: counts() });
    expect(textsOf(m, 'header')).toEqual(['17 backup jobs']);
    const lines = (
      m.blocks.find((b) => b.block_id === 'bj_count_states') as { text: { text: string } }
    ).text.text.split('\n');
    expect(lines[0]).toBe('*17* in all');
    expect(lines.slice(1).map((l) => l.replace(/^:[a-z_]+: /, ''))).toEqual([
      '*4* failed',
      '*1* partial',
      '*12* completed',
      '*2* completed with issues (counted in completed)',
    ]);
    expect(m.text).toBe(
      'How many: jobs created in the last 24 hours: 17 backup jobs (4 failed, 1 partial, 12 completed)',
    );
  });

  it('gives each state with jobs a button that runs its list text; a list for every job when some state has none', () => {
    const m = countMessage({ ...base, counts: counts(), allText: 'last 24h' });
    expect(element(m, `${ACTION.runAgain}:0`)).toMatchObject({
      value: 'failed last 24h',
      text: { text: 'List failed' },
    });
    expect(element(m, `${ACTION.runAgain}:1`)).toMatchObject({ value: 'partial last 24h' });
    expect(element(m, `${ACTION.runAgain}:2`)).toMatchObject({ value: 'completed last 24h' });
    // Completed with issues has no text of its own here; the whole list is offered instead.
    expect(element(m, `${ACTION.runAgain}:3`)).toMatchObject({
      value: 'last 24h',
      text: { text: 'List them all' },
    });
    expect(element(m, `${ACTION.runAgain}:4`)).toBeUndefined();
  });

  it('offers no button for a state without jobs, and says so when nothing matched', () => {
    const none = countMessage({ ...base, counts: counts({ total: 0, byState: { FAILED: 0 } }) });
    expect(textsOf(none, 'header')).toEqual(['No backup jobs']);
    expect(allText(none)).toContain('*0* failed');
    expect(element(none, `${ACTION.runAgain}:0`)).toBeUndefined();
  });

  it('says where the counts come from', () => {
    expect(allText(countMessage({ ...base, counts: counts() }))).toContain('counted from the jobs');
    const summaries = countMessage({
      ...base,
      counts: counts({ source: 'summaries' }),
      window: { from: '2026-11-03T15:00:00.000Z', to: '2026-11-10T15:00:00.000Z' },
    });
    expect(allText(summaries)).toContain('from AWS summaries, refreshed hourly');
    expect(allText(summaries)).toContain('Tue 3 Nov');
  });

  it('answers "more than" when the count stopped at its bound, and says how to get an exact count', () => {
    const m = countMessage({
      ...base,
      counts: counts({ capped: true, bound: 10_000, total: 10_000, byState: { FAILED: 10_000 } }),
    });
    expect(howMany('backup', counts({ capped: true }))).toBe('More than 10,000 backup jobs');
    expect(textsOf(m, 'header')).toEqual(['More than 10,000 backup jobs']);
    expect(allText(m)).toContain('at least *10,000* failed');
    expect(allText(m)).toMatch(/stopped counting at 10,000 jobs: there are more/);
  });

  it('names the Regions that could not be counted', () => {
    const m = countMessage({
      ...base,
      counts: counts({ failedRegions: [{ region: 'eu-west-1', reason: 'AWS is throttling.' }] }),
    });
    expect(allText(m)).toContain('eu-west-1 could not be counted: AWS is throttling.');
  });

  it('stays within Slack’s limits with hostile titles, notes and unknown states', () => {
    const byState = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`NEW_STATE_${i}_${hostileText(50)}`, i + 1]),
    );
    const m = countMessage({
      ...base,
      title: hostileText(5000),
      counts: counts({
        byState,
        failedRegions: Array.from({ length: 20 }, (_, i) => ({ region: `r-${i}`, reason: hostileText(900) })),
      }),
      listTexts: Object.fromEntries(Object.keys(byState).map((s) => [s, hostileText(3000)])),
      allText: hostileText(3000),
      notes: Array.from({ length: 20 }, () => hostileText(800)),
    });
    expect(checkMessage(m)).toEqual([]);
  });
});
