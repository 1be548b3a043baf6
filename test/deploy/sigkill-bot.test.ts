import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/slack/app.js';
import { REDIS_URL } from '../helpers/redis.js';
import { waitUntil } from '../helpers/stack.js';
import { type RoleProcess, startRole } from './processes/child.js';
import { startWorld, type World } from './processes/world.js';

const ALICE = 'U0ALICE';
const CHANNEL = 'C0OPS';

let world: World;
const bots: RoleProcess[] = [];
let events: QueueEvents;
let connection: Redis;

beforeAll(async () => {
  // AWS answers slowly, so that the killed bot is in the middle of the work when it dies.
  world = await startWorld({ latencyMs: 1500 });
  connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  events = new QueueEvents('requests', { connection, prefix: world.prefix });
  await events.waitUntilReady();
}, 60_000);

afterAll(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  await events?.close();
  connection?.disconnect();
  await world?.close();
}, 60_000);

/** Answers whose heading names this window (each command below asks for a different one). */
function answersTo(window: string) {
  return world.slack
    .messages(CHANNEL, { includeEphemeralFor: ALICE })
    .filter((m) => m.via === 'response_url' && m.text.includes(`in the ${window}:`));
}

describe('a bot process SIGKILLed right after it acknowledged commands', () => {
  it('loses none: a bot started after it died answers each one, exactly once', async () => {
    const completed: string[] = [];
    events.on('completed', ({ jobId }) => completed.push(jobId));
    const first = await startRole('bot', world.env);
    bots.push(first);
    world.slack.setBotUrl(`${first.url}${SLACK_EVENTS_PATH}`);
    const windows = ['last 3 days', 'last 5 days', 'last 2 days'];
    const texts = [`failed ${windows[0]}`, `partial ${windows[1]}`, `completed ${windows[2]}`];
    const acks = await Promise.all(
      texts.map((text) => world.slack.sendCommand({ channel: CHANNEL, user: ALICE, text })),
    );
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200]);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(windows.flatMap(answersTo)).toEqual([]);

    // Slack never resends a command; a bot that was not running when it was acknowledged answers it.
    const started = Date.now();
    const second = await startRole('bot', world.env);
    bots.push(second);
    await waitUntil(world.slack, () => windows.every((w) => answersTo(w).length > 0), 60_000);
    expect(Date.now() - started).toBeLessThan(60_000);
    // Every job is complete, so no process can answer any of them again: each was answered once.
    await new Promise<void>((resolve) => {
      const check = () => completed.length >= texts.length && resolve();
      events.on('completed', check);
      check();
    });
    expect(new Set(completed).size).toBe(texts.length);
    for (const window of windows) expect(answersTo(window)).toHaveLength(1);
  }, 120_000);
});
