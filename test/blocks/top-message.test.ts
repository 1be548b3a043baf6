import { describe, expect, it } from 'vitest';
import type { RankedResource, Ranking } from '../../src/backup/ranking.js';
import { ACTION } from '../../src/blocks/actions.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { MAX_RANKED, topMessage } from '../../src/blocks/top-message.js';
import { hostileText, NOW } from './fixtures.js';
import { allText, element, textsOf } from './inspect.js';

const DB = 'arn:aws:rds:eu-west-1:111122223333:db:billing-prod-db';

function resource(overrides: Partial<RankedResource> = {}, without?: 'lastReason'): RankedResource {
  const made: RankedResource = {
    key: DB,
    arn: DB,
    name: 'billing-prod-db',
    type: 'RDS',
    accountId: '111122223333',
    region: 'eu-west-1',
    count: 4,
    lastAt: '2026-11-10T09:12:00.000Z',
    lastReason: 'Access denied to the KMS key that encrypts billing-prod-db.',
    ...overrides,
  };
  if (without) delete made[without];
  return made;
}

function ranking(resources: RankedResource[], overrides: Partial<Ranking> = {}): Ranking {
  return {
    resources,
    resourceCount: resources.length,
    jobCount: resources.reduce((n, r) => n + r.count, 0),
    scanned: 200,
    capped: false,
    bound: 10_000,
    regions: ['us-east-1', 'eu-west-1'],
    failedRegions: [],
    ...overrides,
  };
}

const base = {
  title: 'Top 10 resources by failed jobs created in the last 7 days',
  kind: 'backup' as const,
  what: 'failed',
  timeZone: 'Europe/Berlin',
  now: NOW,
  notes: [],
};

describe('topMessage', () => {
  it('ranks resources with count, type, ARN, last failure and reason, each with a button listing its jobs', () => {
    const vol = 'arn:aws:ec2:us-east-1:111122223333:volume/vol-0abc';
    const m = topMessage({
      ...base,
      ranking: ranking([
        resource(),
        resource({ key: vol, arn: vol, name: 'ledger-data', type: 'EBS', count: 1 }, 'lastReason'),
      ]),
      listTexts: { [DB]: `resource:${DB} failed last 7 days`, [vol]: `resource:${vol} failed last 7 days` },
    });
    expect(textsOf(m, 'header')).toEqual(['Top resources by failed backup jobs']);
    const rows = m.blocks.filter((b) => b.block_id?.startsWith('bj_top_') && /^bj_top_\d+$/.test(b.block_id));
    expect(rows).toHaveLength(2);
    const first = (rows[0] as { text: { text: string } }).text.text;
    expect(first).toContain('*1.* *billing-prod-db* (RDS)');
    expect(first).toContain('*4* failed backup jobs');
    expect(first).toContain(`\`${DB}\``);
    expect(first).toContain('Last: today 10:12 — Access denied');
    expect(first).toContain('Access denied to the KMS key');
    const second = (rows[1] as { text: { text: string } }).text.text;
    expect(second).toContain('*1* failed backup job\n');
    expect(second).toMatch(/Last: today 10:12$/);
    expect(element(m, `${ACTION.runAgain}:0`)).toMatchObject({
      value: `resource:${DB} failed last 7 days`,
      text: { text: 'List jobs' },
    });
    expect(element(m, `${ACTION.runAgain}:1`)?.value).toBe(`resource:${vol} failed last 7 days`);
    expect(m.text).toContain('billing-prod-db leads with 4');
    expect(allText(m)).toContain('5 backup jobs counted from the jobs');
  });

  it('says when nothing matched, and when the walk stopped at its bound', () => {
    const none = topMessage({ ...base, ranking: ranking([]), listTexts: {} });
    expect(allText(none)).toContain('No failed backup jobs in this window.');
    const capped = topMessage({
      ...base,
      ranking: ranking([resource()], { capped: true, bound: 10_000 }),
      listTexts: {},
    });
    expect(allText(capped)).toContain('more than 10,000 backup jobs counted from the jobs');
    expect(allText(capped)).toMatch(/stopped at 10,000 jobs/);
    expect(element(capped, `${ACTION.runAgain}:0`)).toBeUndefined();
  });

  it('names every state ranked, or none when every state is', () => {
    const all = topMessage({ ...base, what: '', ranking: ranking([resource()]), listTexts: {} });
    expect(textsOf(all, 'header')).toEqual(['Top resources by backup jobs']);
  });

  it(`stays within Slack's limits for ${MAX_RANKED} hostile resources`, () => {
    const resources = Array.from({ length: MAX_RANKED + 5 }, (_, i) =>
      resource({
        key: `arn:aws:rds:eu-west-1:111122223333:db:${i}${hostileText(1500)}`,
        arn: `arn:aws:rds:eu-west-1:111122223333:db:${i}${hostileText(1500)}`,
        name: hostileText(1000),
        type: hostileText(300),
        lastReason: hostileText(5000),
      }),
    );
    const m = topMessage({
      ...base,
      title: hostileText(5000),
      ranking: ranking(resources, { failedRegions: [{ region: 'eu-west-1', reason: hostileText(3000) }] }),
      listTexts: Object.fromEntries(resources.map((r) => [r.key, hostileText(3000)])),
      notes: Array.from({ length: 20 }, () => hostileText(800)),
    });
    expect(checkMessage(m)).toEqual([]);
  });
});
