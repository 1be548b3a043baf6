import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import type { StoredMessage } from '../../src/emulator/slack/index.js';
import { SLACK_EVENTS_PATH } from '../../src/slack/app.js';
import { detailValues, textOf } from '../helpers/stack.js';
import { type RoleProcess, startRole } from './processes/child.js';
import { type TickWatch, watchTicks } from './processes/ticks.js';
import { startWorld, type World } from './processes/world.js';

const ALICE = 'U0ALICE';
const CHANNEL = 'C0OPS';
const ALERTS = 'C0ALERTS';
const VAULT = 'deploy-alerts';

let world: World;
let bots: RoleProcess[] = [];
let workers: RoleProcess[] = [];

beforeAll(async () => {
  world = await startWorld();
  // The vault keeps the rule apart from the seeded jobs: only the jobs this test adds count.
  await world.writeRules(
    [
      'rules:',
      '  - name: deploy-failures',
      `    channel: ${ALERTS}`,
      '    states: [FAILED]',
      '    threshold: 3',
      '    window: 5m',
      '    every: 5s',
      `    vaults: [${VAULT}]`,
      '',
    ].join('\n'),
  );
  [bots, workers] = await Promise.all([
    Promise.all([startRole('bot', world.env), startRole('bot', world.env)]),
    Promise.all([startRole('worker', world.env), startRole('worker', world.env)]),
  ]);
}, 60_000);

afterAll(async () => {
  const exits = await Promise.all([...bots, ...workers].map((p) => p.stop()));
  await world?.close();
  // Every replica shuts down cleanly on SIGTERM, as a rolling update sends it.
  expect(exits.map((e) => e.code)).toEqual(exits.map(() => 0));
}, 60_000);

function botUrl(bot: RoleProcess): string {
  return `${bot.url}${SLACK_EVENTS_PATH}`;
}

/** Either bot may run a click, whichever received it: the work is on the shared queue. */
function pageShown(cursorId: string, page: number, after: number) {
  const shown = (e: { msg: string; [k: string]: unknown }) =>
    e.msg === 'page shown' && e.cursorId === cursorId && e.page === page && Number(e.time) >= after;
  return Promise.any(bots.map((bot) => bot.waitForLog(shown)));
}

describe('two bots and two workers on one Redis', () => {
  it('pages a cursor opened on one bot from the other, each answer replacing the message', async () => {
    const [a, b] = bots as [RoleProcess, RoleProcess];
    const { slack } = world;
    const visible = () => slack.messages(CHANNEL, { includeEphemeralFor: ALICE }).length;

    slack.setBotUrl(botUrl(a));
    const sent = await slack.sendCommand({ channel: CHANNEL, user: ALICE, text: 'failed last 14 days' });
    expect(sent.status).toBe(200);
    const first = await slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && m.via === 'response_url',
      15_000,
    );
    const opened = await Promise.any(bots.map((bot) => bot.waitForLog((e) => e.msg === 'list opened')));
    const cursorId = String(opened.cursorId);
    expect(textOf(first)).toContain('*Page 1*');
    const page1 = detailValues(first);
    expect(page1.length).toBeGreaterThan(0);
    const count = visible();

    async function clickOn(bot: RoleProcess, actionId: string, page: number): Promise<StoredMessage> {
      slack.setBotUrl(botUrl(bot));
      const at = Date.now();
      const clicked = await slack.click({ user: ALICE, messageId: first.id, actionId });
      expect(clicked.status).toBe(200);
      await pageShown(cursorId, page, at);
      return slack.waitForMessage((m) => m.id === first.id && textOf(m).includes(`*Page ${page}*`), 15_000);
    }

    const page2 = detailValues(await clickOn(b, ACTION.next, 2));
    expect(page2.length).toBeGreaterThan(0);
    expect(page2.filter((id) => page1.includes(id))).toEqual([]);
    const page3 = detailValues(await clickOn(a, ACTION.next, 3));
    expect(page3.filter((id) => page1.includes(id) || page2.includes(id))).toEqual([]);
    expect(detailValues(await clickOn(b, ACTION.prev, 2))).toEqual(page2);
    const back = await clickOn(b, ACTION.prev, 1);
    expect(detailValues(back)).toEqual(page1);
    expect(back.edited).toBe(true);
    // Every answer replaced the message in place: nothing new appeared in the channel.
    expect(visible()).toBe(count);
    // The command was answered once, by one of the two bots.
    expect(bots.flatMap((bot) => bot.logs()).filter((e) => e.msg === 'list opened')).toHaveLength(1);
  }, 40_000);

  it('posts an alert once and resolves it once with both workers running', async () => {
    const { slack, aws } = world;
    const ticks: TickWatch = await watchTicks(world.prefix);
    try {
      slack.resetCalls();
      const now = Date.now() / 1000;
      aws.addJobs(
        Array.from({ length: 4 }, (_, i) => ({
          Region: aws.regions[i % aws.regions.length] ?? 'us-east-1',
          State: 'FAILED' as const,
          BackupVaultName: VAULT,
          CompletionDate: now,
        })),
      );
      const alert = await slack.waitForMessage((m) => m.channel === ALERTS && !m.threadTs, 20_000);
      expect(alert.text).toContain('deploy-failures: 4 failed backup jobs');

      // Two more ticks after the one that fired, whichever worker runs them: still one message.
      const fired = await ticks.until((t) => t.some((x) => x.transition === 'fire'));
      const firedAt = fired.findIndex((x) => x.transition === 'fire');
      await ticks.until((t) => t.slice(firedAt + 1).length >= 2);
      expect(ticks.ticks().filter((x) => x.transition === 'fire')).toHaveLength(1);
      expect(slack.messages(ALERTS).filter((m) => !m.threadTs)).toHaveLength(1);
      expect(slack.messages(ALERTS).filter((m) => m.threadTs)).toHaveLength(0);

      aws.clearJobs();
      const reply = await slack.waitForMessage(
        (m) => m.channel === ALERTS && m.threadTs === alert.ts,
        20_000,
      );
      expect(reply.text).toContain('Resolved after');
      const resolved = await ticks.until((t) => t.some((x) => x.transition === 'resolve'));
      const resolvedAt = resolved.findIndex((x) => x.transition === 'resolve');
      await ticks.until((t) => t.slice(resolvedAt + 1).length >= 1);

      expect(slack.messages(ALERTS).filter((m) => !m.threadTs)).toHaveLength(1);
      expect(slack.messages(ALERTS).filter((m) => m.threadTs)).toHaveLength(1);
      expect(slack.message(alert.id)?.text).toContain('Resolved');
      expect(slack.calls()['chat.postMessage']).toBe(2);
      const transitions = ticks
        .ticks()
        .flatMap((x) => (x.transition && x.transition !== 'none' ? [x.transition] : []));
      expect(transitions).toEqual(['fire', 'resolve']);
    } finally {
      await ticks.close();
    }
  }, 45_000);
});
