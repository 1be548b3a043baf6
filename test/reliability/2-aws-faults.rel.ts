import { afterAll, describe, expect, it } from 'vitest';
import type { BackupEmulator } from '../../src/emulator/aws/index.js';
import { REDIS_URL, testRedis } from '../helpers/redis.js';
import { startProduct } from './support/children.js';
import {
  isAwsFailure,
  missingRegions,
  pageThroughFaults,
  summaryTotal,
  uncountedRegions,
} from './support/faulty-pages.js';
import { startSink } from './support/sink.js';
import { productEnv, suite } from './support/suite.js';
import { answerText, conversation, jobsOf, pageToEnd } from './support/talk.js';
import { closers, REGIONS, startAws, startSlack, summaryTruth, truthOf } from './support/world.js';

/** Faults through the emulator's admin API, as an operator would set them. */
async function setFaults(aws: BackupEmulator, faults: Record<string, number>) {
  const res = await fetch(`${aws.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(res.status).toBe(200);
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

describe('AWS throttling and 5xx', () => {
  const close = closers();
  afterAll(() => close.run());

  it('aws-faults: with 50% throttling and 10% 5xx, lists and summaries are exact or say which region is missing', async ({
    task,
  }) => {
    const { logDir, secrets } = suite();
    const db = close.add(testRedis(), (d) => d.cleanup());
    const aws = close.add(await startAws(), (a) => a.close());
    const slack = close.add(await startSlack(secrets), (s) => s.close());
    const sink = close.add(await startSink(), (s) => s.close());
    const urls = { slackApi: slack.apiUrl, aws: aws.url, redis: REDIS_URL };
    const bot = close.add(
      await startProduct('bot', productEnv(secrets, urls, REGIONS, db.prefix), logDir, 'aws-faults-bot'),
      (c) => c.stop(),
    );
    const talk = conversation(bot.url, secrets.signingSecret, sink, 'af');

    // Without faults: the emulator's own answer, and the bot's pages for the same query.
    const truth = await truthOf(aws, { ByState: 'FAILED' });
    const reference = (await pageToEnd(talk, await talk.command('failed limit:5'))).map(jobsOf);
    expect(new Set(reference.flat())).toEqual(truth);
    const periods = { 'summary 7d': 'SEVEN_DAYS', 'summary daily': 'ONE_DAY' } as const;
    const counts = new Map<string, Map<string, number>>();
    for (const [text, period] of Object.entries(periods)) counts.set(text, await summaryTruth(aws, period));

    await setFaults(aws, { throttleRate: 0.5, errorRate: 0.1 });
    aws.resetStats();
    const t0 = performance.now();
    const listing = await pageThroughFaults(talk, 'failed limit:5');
    const t1 = performance.now();
    const seen = listing.pages.flatMap(jobsOf);
    const flagged = listing.pages.map(missingRegions);
    const firstFlag = flagged.findIndex((regions) => regions.length > 0);
    const clean = firstFlag < 0 ? listing.pages.length : firstFlag;

    const summaries = { exact: 0, partial: 0, failed: 0, wrong: [] as string[] };
    for (let i = 0; i < 6; i++) {
      const text = i % 3 === 2 ? 'summary daily' : 'summary 7d';
      const answer = await talk.command(text);
      if (isAwsFailure(answer) && summaryTotal(answer) === undefined) {
        summaries.failed += 1;
        continue;
      }
      const uncounted = uncountedRegions(answer);
      const perRegion = counts.get(text)!;
      const expected = [...perRegion].filter(([r]) => !uncounted.includes(r)).reduce((s, [, n]) => s + n, 0);
      const total = summaryTotal(answer);
      if (total !== expected)
        summaries.wrong.push(`${text}: ${total} shown, ${expected} expected (${uncounted})`);
      else if (uncounted.length > 0) summaries.partial += 1;
      else summaries.exact += 1;
    }
    const t2 = performance.now();
    const details = { shown: 0, failed: 0, wrong: [] as string[] };
    for (const id of [...truth].slice(0, 5)) {
      const jobId = id.split('/')[1]!;
      const answer = await talk.command(`job ${jobId}`);
      if (answerText(answer).includes(jobId) && !/No backup job/.test(answerText(answer))) details.shown += 1;
      else if (isAwsFailure(answer)) details.failed += 1;
      else details.wrong.push(answerText(answer).slice(0, 200));
    }
    const t3 = performance.now();
    const injected = Object.values(aws.stats().injected).reduce((s, n) => s + n, 0);
    await setFaults(aws, {});
    task.meta.reliability = `${injected} AWS calls failed on purpose; list: ${listing.pages.length} pages, ${seen.length}/${truth.size} failed jobs, ${flagged.filter((f) => f.length > 0).length} pages named a missing region, ${listing.failures} answers said AWS failed everywhere; summaries: ${summaries.exact} exact, ${summaries.partial} named the uncounted region, ${summaries.failed} said AWS failed, ${summaries.wrong.length} wrong; details: ${details.shown} shown, ${details.failed} said AWS failed (list ${secs(t1 - t0)}, summaries ${secs(t2 - t1)}, details ${secs(t3 - t2)}: the SDK backs off between retries)`;

    expect(injected).toBeGreaterThan(0);
    expect(listing.unclear).toEqual([]);
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(truth);
    // Until a page names a missing region, every page is exactly the page AWS would give unhindered.
    expect(listing.pages.slice(0, clean).map(jobsOf)).toEqual(reference.slice(0, clean));
    expect(flagged.flat().every((r) => REGIONS.includes(r))).toBe(true);
    expect(summaries.wrong).toEqual([]);
    expect(summaries.exact + summaries.partial).toBeGreaterThan(0);
    expect(details.wrong).toEqual([]);
    expect(bot.alive()).toBe(true);
  });
});
