import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/slack/app.js';
import { REDIS_URL } from '../helpers/redis.js';
import { textOf } from '../helpers/stack.js';
import { type RoleProcess, startRole } from './processes/child.js';
import { type HoldingProxy, startHoldingProxy } from './processes/holding-proxy.js';
import { type SlowProxy, startSlowProxy } from './processes/slow-proxy.js';
import { startWorld, type World } from './processes/world.js';

const ALICE = 'U0ALICE';
/** How long the bot waits for answers in flight (createBotApp's stop) before it stops anyway. */
const GRACE_MS = 25_000;

let world: World;
let bot: RoleProcess | undefined;
let proxy: SlowProxy | undefined;
let holding: HoldingProxy | undefined;

beforeAll(async () => {
  world = await startWorld({ jobs: 600 });
}, 30_000);

afterEach(async () => {
  await bot?.stop();
  await proxy?.close();
  await holding?.close();
  proxy = undefined;
  holding = undefined;
  world.aws.setFaults({});
});

afterAll(() => world?.close());

async function startBot(env: Record<string, string> = {}): Promise<RoleProcess> {
  bot = await startRole('bot', { ...world.env, ...env });
  world.slack.setBotUrl(`${bot.url}${SLACK_EVENTS_PATH}`);
  return bot;
}

/**
 * /readyz once the bot has taken the signal in: its status, or `refused` when nothing listens any
 * more. A request can overtake the signal, so a 200 is asked again until the deadline.
 */
async function readinessAfterSignal(url: string, deadlineMs = 2000): Promise<number | 'refused'> {
  const deadline = performance.now() + deadlineMs;
  for (;;) {
    const status = await fetch(`${url}/readyz`).then(
      (res) => res.status,
      () => 'refused' as const,
    );
    if (status !== 200 || performance.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Moment = 'after the ack' | 'while the request is read';

/** Sends a command, SIGTERMs the bot at `moment`, and checks the whole shutdown; resolves to ms taken. */
async function signalMidCommand(target: RoleProcess, moment: Moment): Promise<number> {
  const { slack } = world;
  const before = slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
  const mine = () => slack.messages('C0OPS', { includeEphemeralFor: ALICE }).slice(before);
  let signalled = 0;
  let readiness: number | 'refused' | undefined;
  const signal = async () => {
    target.child.kill('SIGTERM');
    signalled = performance.now();
    readiness = await readinessAfterSignal(target.healthUrl);
  };
  if (moment === 'while the request is read') {
    holding = await startHoldingProxy(`${target.url}${SLACK_EVENTS_PATH}`, signal);
    slack.setBotUrl(holding.url);
  }
  const sent = await slack.sendCommand({ channel: 'C0OPS', user: ALICE, text: 'failed last 14 days' });
  expect(sent.status).toBe(200);
  if (moment === 'after the ack') await signal();
  // The answer was not there yet: the signal came while it was in flight.
  expect(mine()).toHaveLength(0);
  expect([503, 'refused']).toContain(readiness);

  const answer = await slack.waitForMessage(
    (m) => m.ephemeralFor === ALICE && m.via === 'response_url' && mine().some((n) => n.id === m.id),
    GRACE_MS,
  );
  expect(textOf(answer)).toContain('*Page 1*');
  const late = new Promise<'still running'>((resolve) => {
    setTimeout(() => resolve('still running'), GRACE_MS).unref();
  });
  expect(await Promise.race([target.exited, late])).toEqual({ code: 0, signal: null });
  const tookMs = performance.now() - signalled;
  expect(tookMs).toBeLessThan(GRACE_MS);
  expect(target.logs().map((e) => e.msg)).toEqual(expect.arrayContaining(['list opened', 'bot stopped']));
  expect(mine()).toHaveLength(1);
  for (const url of [target.url, target.healthUrl]) {
    const refused = await fetch(`${url}/healthz`).then(
      () => false,
      () => true,
    );
    expect(refused, url).toBe(true);
  }
  return tookMs;
}

describe('SIGTERM while a command is being answered', () => {
  it('finishes the answer of a slow AWS call, turns unready at once and exits 0 in time', async () => {
    const target = await startBot();
    expect((await fetch(`${target.healthUrl}/readyz`)).status).toBe(200);
    world.aws.setFaults({ latencyMs: 1500 });
    const tookMs = await signalMidCommand(target, 'after the ack');
    // The answer needed the slow AWS calls after the signal, so the bot did wait for it.
    expect(tookMs).toBeGreaterThan(1500);
  }, 40_000);

  it('finishes the answer when Redis is slow, the work queued before the ack', async () => {
    proxy = await startSlowProxy(REDIS_URL, 150);
    const target = await startBot({ REDIS_URL: proxy.url });
    await signalMidCommand(target, 'after the ack');
  }, 40_000);

  it('finishes the answer of a request that was still being read when the signal came', async () => {
    const target = await startBot();
    world.aws.setFaults({ latencyMs: 1500 });
    await signalMidCommand(target, 'while the request is read');
  }, 40_000);
});
