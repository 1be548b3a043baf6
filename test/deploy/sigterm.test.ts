import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/slack/receiver.js';
import { textOf } from '../helpers/stack.js';
import { type RoleProcess, startRole } from './processes/child.js';
import { startWorld, type World } from './processes/world.js';

const ALICE = 'U0ALICE';
/** Every AWS call takes this long, so the answer is still on its way when SIGTERM comes. */
const AWS_LATENCY_MS = 1500;
/** How long the bot waits for answers in flight (createBotApp's stop) before it stops anyway. */
const GRACE_MS = 25_000;

let world: World;
let bot: RoleProcess;

beforeAll(async () => {
  world = await startWorld({ jobs: 600 });
  bot = await startRole('bot', world.env);
  world.slack.setBotUrl(`${bot.url}${SLACK_EVENTS_PATH}`);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await world?.close();
});

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

describe('SIGTERM while a command is being answered', () => {
  it('finishes the answer, turns unready at once and exits 0 within the grace period', async () => {
    const { slack, aws } = world;
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    aws.setFaults({ latencyMs: AWS_LATENCY_MS });
    const mine = () => slack.messages('C0OPS', { includeEphemeralFor: ALICE });

    const sent = await slack.sendCommand({ channel: 'C0OPS', user: ALICE, text: 'failed last 14 days' });
    expect(sent.status).toBe(200);
    bot.child.kill('SIGTERM');
    const signalled = performance.now();
    // The answer was not there yet: the signal came while it was in flight.
    expect(mine()).toHaveLength(0);

    const readiness = await readinessAfterSignal(bot.url);
    expect([503, 'refused']).toContain(readiness);
    const answer = await slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && m.via === 'response_url',
      GRACE_MS,
    );
    const answeredMs = performance.now() - signalled;
    expect(textOf(answer)).toContain('*Page 1*');
    expect(answeredMs).toBeGreaterThan(AWS_LATENCY_MS / 2);

    const exit = await bot.exited;
    const exitMs = performance.now() - signalled;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(GRACE_MS);
    expect(bot.logs().map((e) => e.msg)).toEqual(expect.arrayContaining(['list opened', 'bot stopped']));
    expect(mine()).toHaveLength(1);
    const refused = await fetch(`${bot.url}/healthz`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
  }, 40_000);
});
