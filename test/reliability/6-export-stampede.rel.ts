import { afterAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import type { StoredMessage } from '../../src/emulator/slack/index.js';
import { REDIS_URL, testRedis } from '../helpers/redis.js';
import { startProduct } from './support/children.js';
import { startSink } from './support/sink.js';
import { productEnv, suite } from './support/suite.js';
import { answerText, conversation, exportValue, kindOf } from './support/talk.js';
import { closers, REGIONS, startAws, startSlack, truthOf } from './support/world.js';

/** Sixteen people of #ops, each exporting the same shared result once. */
const CROWD = Array.from({ length: 16 }, (_, i) => `U0EXP${String(i + 1).padStart(2, '0')}`);
/** Every AWS call takes this long, so that the exports overlap and wait for each other. */
const AWS_LATENCY_MS = 1000;
/** A command sent while every export is queued or running is answered within this. */
const COMMAND_BUDGET_MS = 5000;

describe('16 people export one shared result at once', () => {
  const close = closers();
  afterAll(() => close.run());

  it('export-stampede: 16 concurrent CSV exports all finish, the queued ones are told so, and a command meanwhile is answered within seconds', async ({
    task,
  }) => {
    const { logDir, secrets } = suite();
    const db = close.add(testRedis(), (d) => d.cleanup());
    const aws = close.add(await startAws({ latencyMs: AWS_LATENCY_MS }), (a) => a.close());
    const slack = close.add(await startSlack(secrets, { users: CROWD }), (s) => s.close());
    const sink = close.add(await startSink(), (s) => s.close());
    const urls = { slackApi: slack.apiUrl, aws: aws.url, redis: REDIS_URL };
    const bot = close.add(
      await startProduct('bot', productEnv(secrets, urls, REGIONS, db.prefix), logDir, 'export-stampede-bot'),
      (c) => c.stop(),
    );
    const alice = conversation(bot.url, secrets.signingSecret, sink, 'es');
    const truth = await truthOf(aws, { ByState: 'FAILED' });
    const shared = await alice.command('public failed', 15_000);
    const value = exportValue(shared);
    expect(value, answerText(shared).slice(0, 300)).toBeDefined();

    // When each export began (its progress message appears in #ops) and when it was done.
    const begun = new Map<string, number>();
    const ended = new Map<string, number>();
    const onChange = (m: StoredMessage) => {
      const user = CROWD.find((u) => JSON.stringify(m.blocks).includes(`<@${u}>`));
      if (m.channel !== 'C0OPS' || !user) return;
      const at = performance.now();
      if (m.text.startsWith('Exporting CSV') && !begun.has(user)) begun.set(user, at);
      if (m.text.startsWith('CSV ready') && !ended.has(user)) ended.set(user, at);
    };
    slack.events.on('message', onChange);
    slack.events.on('update', onChange);
    close.add(onChange, async (fn) => {
      slack.events.off('message', fn);
      slack.events.off('update', fn);
    });

    // Every click at once, each by a person of its own, on the same Export CSV button.
    const started = performance.now();
    const clicks = await Promise.all(
      CROWD.map((user) =>
        conversation(bot.url, secrets.signingSecret, sink, `es-${user}`, user).sendClick(
          ACTION.exportCsv,
          value!,
        ),
      ),
    );
    const bob = conversation(bot.url, secrets.signingSecret, sink, 'es-bob', 'U0BOB');
    const asked = await bob.sendCommand('failed last 7 days limit:5');
    const answered = await sink.waitFor(asked.id, 30_000);
    const commandMs = answered.at - asked.sentAt;

    // Each export's progress message in #ops ends as "CSV ready … for @user".
    const done = await Promise.all(
      CROWD.map((user) =>
        slack
          .waitForMessage(
            (m) =>
              m.channel === 'C0OPS' &&
              m.text.startsWith('CSV ready') &&
              JSON.stringify(m.blocks).includes(`<@${user}>`),
            90_000,
          )
          .catch(() => undefined),
      ),
    );
    const allDoneMs = performance.now() - started;
    const files = slack.files().filter((f) => f.completed && f.channels.includes('C0OPS'));
    const rows = done.map((m) =>
      m ? Number(/with ([\d,]+) jobs?/.exec(m.text)?.[1]?.replaceAll(',', '')) : 0,
    );
    const lines = files.map((f) => (f.data?.toString('utf8').match(/\r\n/g)?.length ?? 0) - 1);
    // What each person was told at the click, and whether their export had to wait for a slot
    // (it began after the first export was done).
    const firstDone = Math.min(...ended.values());
    const told = new Map<string, number>();
    const wrong: string[] = [];
    for (const [i, click] of clicks.entries()) {
      for (const answer of sink.answers(click.id)) {
        const text = answerText(answer);
        const queued = /Your export is queued: (\d+) exports? ahead/.exec(text);
        if (queued) told.set(CROWD[i]!, Number(queued[1]));
        else wrong.push(`${CROWD[i]}: ${text.slice(0, 200)}`);
      }
    }
    const waited = CROWD.filter((u) => (begun.get(u) ?? Number.POSITIVE_INFINITY) > firstDone);
    const waitedUntold = waited.filter((u) => !told.has(u)).length;
    const finished = done.filter(Boolean).length;
    task.meta.reliability = `${finished}/${CROWD.length} exports finished in ${(allDoneMs / 1000).toFixed(1)} s (${files.length} files seen by Slack, ${truth.size} jobs each) with AWS at ${AWS_LATENCY_MS} ms per call; ${told.size} told they were queued (up to ${Math.max(0, ...told.values())} ahead); ${waited.length} waited for a slot, ${waitedUntold} of them without being told; a command sent meanwhile answered in ${Math.round(commandMs)} ms`;

    expect(clicks.map((c) => c.ack.status)).toEqual(CROWD.map(() => 200));
    expect(finished).toBe(CROWD.length);
    expect(files).toHaveLength(CROWD.length);
    expect(rows).toEqual(CROWD.map(() => truth.size));
    expect(lines).toEqual(CROWD.map(() => truth.size));
    expect(wrong).toEqual([]);
    // Two run at once per process: the others wait, and (some of them, see the figure) are told.
    expect(waited.length).toBeGreaterThan(0);
    expect(told.size).toBeGreaterThan(0);
    expect(kindOf(answered)).toBe('page');
    expect(commandMs).toBeLessThan(COMMAND_BUDGET_MS);
    expect(bot.alive()).toBe(true);
  });
});
