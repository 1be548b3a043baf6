import { afterAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { fireUpdateResolve, transitionsOnce, watchChannel, writeRules } from './support/alert-flow.js';
import { startProduct } from './support/children.js';
import { describeOutage, expectServed, type OutageReport, outageUnderLoad } from './support/outage.js';
import { startOwnRedis } from './support/own-redis.js';
import { type Answer, startSink } from './support/sink.js';
import { productEnv, suite } from './support/suite.js';
import {
  type Conversation,
  conversation,
  jobsOf,
  nextValue,
  pageNumber,
  pageToEnd,
  prevValue,
} from './support/talk.js';
import { closers, REGIONS, scratchDir, startAws, startSlack, truthOf } from './support/world.js';

const PREFIX = '{rel-redis}';
const RULE = 'rel-redis-outage';
const CHANNEL = 'C0ALERT1';

/** Walks a cursor back with Prev from the page it is on to page 1: every page's jobs, by page number. */
/** Clicks Prev from `last` back to page 1, each time on the button of the page just shown. */
async function walkBack(talk: Conversation, last: Answer): Promise<Map<number, string[]>> {
  const pages = new Map<number, string[]>();
  let value = prevValue(last);
  for (let i = 0; i < 500 && value; i++) {
    const page = await talk.click(ACTION.prev, value);
    const n = pageNumber(page);
    if (n === undefined) throw new Error('Prev did not answer with a page');
    pages.set(n, jobsOf(page));
    value = prevValue(page);
    if (!value) return pages;
  }
  throw new Error('Prev never reached page 1');
}

function duplicates(ids: string[]): number {
  return ids.length - new Set(ids).size;
}

describe('Redis stopped and started under load', () => {
  const close = closers();
  afterAll(() => close.run());

  it('redis-outage: shut down or frozen, every request is answered within 3 s; service, cursors and the alert carry on', async ({
    task,
  }) => {
    const { logDir, secrets } = suite();
    const redis = close.add(await startOwnRedis(), (r) => r.close());
    const data = close.add(await startAws(), (a) => a.close());
    const alertsAws = close.add(await startAws({ jobs: 0 }), (a) => a.close());
    const slack = close.add(await startSlack(secrets), (s) => s.close());
    const sink = close.add(await startSink(), (s) => s.close());
    const scratch = close.add(await scratchDir(), (s) => s.remove());
    const env = (aws: string) =>
      productEnv(secrets, { slackApi: slack.apiUrl, aws, redis: redis.url }, REGIONS, PREFIX);
    const bot = close.add(await startProduct('bot', env(data.url), logDir, 'redis-outage-bot'), (c) =>
      c.stop(),
    );
    const rules = await writeRules(scratch.dir, [{ name: RULE, channel: CHANNEL }]);
    const workerEnv = { ...env(alertsAws.url), ALERT_RULES_FILE: rules };
    const worker = close.add(await startProduct('worker', workerEnv, logDir, 'redis-outage-worker'), (c) =>
      c.stop(),
    );
    const ledger = close.add(watchChannel(slack, CHANNEL), async (l) => l.stop());
    const talk = conversation(bot.url, secrets.signingSecret, sink, 'ro');

    // Before the outage: a cursor on page 2, a cursor the load pages through, and a firing alert.
    const failedTruth = await truthOf(data, { ByState: 'FAILED' });
    const allTruth = await truthOf(data, {});
    const c1p1 = await talk.command('failed limit:25');
    const c1 = nextValue(c1p1)!;
    expect(c1).toBeDefined();
    const c1p2 = await talk.click(ACTION.next, c1);
    expect(pageNumber(c1p2)).toBe(2);
    const loadCursor = nextValue(await talk.command('limit:50'))!;
    expect(loadCursor).toBeDefined();

    // Shut down while the alert fires, frozen while it resolves; commands and clicks all along.
    const reports: OutageReport[] = [];
    const [main] = await fireUpdateResolve(alertsAws, [{ rule: RULE, ledger }], async (step) => {
      if (step === 'update') reports.push(await outageUnderLoad('shutdown', redis, talk, sink, loadCursor));
      if (step === 'resolve') reports.push(await outageUnderLoad('freeze', redis, talk, sink, loadCursor));
    });
    task.meta.reliability = reports.map(describeOutage).join('; ');
    expect(reports.map((r) => r.mode)).toEqual(['shutdown', 'freeze']);

    // The cursor opened before the outage goes on from where it was, and holds every failed job once.
    const c1p3 = await talk.click(ACTION.next, nextValue(c1p2)!);
    expect(pageNumber(c1p3)).toBe(3);
    // A stale Next (the one of page 1, clicked again) shows page 2 again, costing nothing.
    expect(jobsOf(await talk.click(ACTION.next, c1))).toEqual(jobsOf(c1p2));
    const back = await talk.click(ACTION.prev, prevValue(c1p3)!);
    expect(pageNumber(back)).toBe(2);
    expect(jobsOf(back)).toEqual(jobsOf(c1p2));
    const rest = await pageToEnd(talk, back);
    expect(rest.map(pageNumber)).toEqual(rest.map((_, i) => i + 2));
    const failedSeen = [...jobsOf(c1p1), ...rest.flatMap(jobsOf)];
    expect(duplicates(failedSeen)).toBe(0);
    expect(new Set(failedSeen)).toEqual(failedTruth);

    // The load cursor, clicked through the outage: to its end, then back, every job exactly once.
    const tail = await pageToEnd(talk, await talk.click(ACTION.next, loadCursor));
    const pages = await walkBack(talk, tail.at(-1)!);
    pages.set(pageNumber(tail.at(-1)!)!, jobsOf(tail.at(-1)!));
    expect([...pages.keys()].sort((a, b) => a - b)).toEqual([...pages.keys()].map((_, i) => i + 1));
    const allSeen = [...pages.values()].flat();
    expect(duplicates(allSeen)).toBe(0);
    expect(new Set(allSeen)).toEqual(allTruth);

    // The alert that fired before the outage stayed one incident: updated and resolved in place.
    expect(transitionsOnce(ledger, main!)).toEqual([]);
    expect(bot.alive() && worker.alive()).toBe(true);
    for (const report of reports) expectServed(report);
    task.meta.reliability += `; cursors paged on (${pages.size} pages, ${allSeen.length} jobs, none lost or doubled); alert: 1 post, 2 updates, 1 reply`;
  });
});
