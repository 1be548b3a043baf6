import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuleStore } from '../../src/alerts/rule-store.js';
import { RULE_ACTIONS } from '../../src/blocks/alert-status.js';
import type { StoredMessage, StoredView } from '../../src/emulator/slack/index.js';
import { createHomeRefresher } from '../../src/work/home-refresh.js';
import { type Stack, startStack, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const FILE_RULE = {
  name: 'file-failures',
  channel: 'C0ALERTS',
  states: ['FAILED'],
  threshold: 3,
  window: '1h',
  every: '5m',
};

/** What Alice enters in the rule modal, by field; the block ids are `bj_rule_<field>`. */
function entered(fields: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(fields).map(([f, v]) => [`bj_rule_${f}`, { v }]));
}

/** The rule's menu on a list message, and the value of one of its choices. */
function menuChoice(message: StoredMessage, rule: string, what: string) {
  for (const block of message.blocks as {
    accessory?: { action_id: string; options?: { value: string }[] };
  }[]) {
    const option = block.accessory?.options?.find((o) => o.value.startsWith(`${what}|${rule}`));
    if (option) return { actionId: block.accessory!.action_id, selectedOption: option.value };
  }
  throw new Error(`no ${what} for ${rule} in ${JSON.stringify(message.blocks).slice(0, 500)}`);
}

describe('alert rules made and changed in Slack, and the App Home (real Bolt, Redis, stand-in)', () => {
  let stack: Stack;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rules-in-slack-'));
    await writeFile(join(dir, 'rules.yaml'), JSON.stringify({ rules: [FILE_RULE] }));
    stack = await startStack({
      aws: { jobs: 200 },
      env: { ALERT_RULES_FILE: join(dir, 'rules.yaml'), ALERT_ADMIN_USER_IDS: ALICE },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function command(user: string, text: string) {
    const count = () => stack.slack.messages('C0OPS', { includeEphemeralFor: user }).length;
    const before = count();
    const sent = await stack.slack.sendCommand({ channel: 'C0OPS', user, text });
    expect(sent.status).toBe(200);
    await stack.slack.waitForMessage(() => count() > before, 20_000);
    return stack.slack.lastMessage('C0OPS', { includeEphemeralFor: user })!;
  }

  async function openModal(text: string): Promise<StoredView> {
    const opened = stack.slack.waitForView((v) => v.user === ALICE && v.callbackId === 'bj_rule', 20_000);
    await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text });
    return opened;
  }

  it('refuses someone who is not an alert admin, naming who is', async () => {
    const refused = await command(BOB, 'alerts new');
    expect(textOf(refused)).toContain(`Only alert admins can make or change rules: ask <@${ALICE}>`);
    expect(stack.slack.openViews(BOB)).toEqual([]);
  });

  it('makes a rule in a modal: a wrong value is answered under its field, a right one is saved', async () => {
    const modal = await openModal('alerts new');
    expect(modal.title?.text).toBe('New alert rule');
    const fields = {
      name: 'slack-failures',
      kind: 'backup',
      channel: 'C0ALERTS',
      states: ['FAILED', 'PARTIAL'],
      threshold: '2',
      window: 'soon',
      every: '30s',
    };
    const wrong = await stack.slack.submitView({ user: ALICE, values: entered(fields) });
    expect(wrong.action).toBe('errors');
    expect(wrong.errors?.bj_rule_window).toMatch(/1h/);
    expect(stack.slack.openViews(ALICE)).toHaveLength(1);

    const confirmed = stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && /made the alert rule \*slack-failures\* \(version 1\)/.test(m.text),
      20_000,
    );
    const right = await stack.slack.submitView({ user: ALICE, values: entered({ ...fields, window: '2h' }) });
    expect([right.action, right.closed]).toEqual(['close', true]);
    await confirmed;
    const list = await command(ALICE, 'alerts');
    expect(textOf(list)).toMatch(/slack-failures/);
    expect(textOf(list)).toMatch(/file-failures.*from the rules file/);
  });

  it('pauses from the rule menu, keeps who did what in the history, and refuses to edit a file rule', async () => {
    const list = await command(ALICE, 'alerts');
    await stack.slack.click({
      user: ALICE,
      messageId: list.id,
      ...menuChoice(list, 'slack-failures', 'pause'),
    });
    await stack.slack.waitForMessage((m) => m.id === list.id && /is paused by/.test(m.text), 20_000);
    const history = await command(ALICE, 'alerts history slack-failures');
    const text = textOf(history);
    expect(text).toMatch(/paused \*slack-failures\* by <@U0ALICE>/);
    expect(text).toMatch(/created \*slack-failures\* by <@U0ALICE>/);
    expect(text).toMatch(/window: — → `2h`/);
    const fileEdit = await command(ALICE, 'alerts edit file-failures');
    expect(textOf(fileEdit)).toMatch(/comes from the rules file/);
  });

  it('tells the second of two editors that the first saved, with the new version, and loses no edit', async () => {
    const modal = await openModal('alerts edit slack-failures');
    expect(modal.title?.text).toBe('Edit alert rule');
    // Someone else saves the same rule while Alice's form is open.
    const store = createRuleStore(stack.redis, stack.prefix);
    const current = (await store.history('slack-failures', 1))[0]!;
    const other = await store.update(
      'slack-failures',
      { ...current.after, threshold: 5 },
      current.version,
      'U0ADMIN2',
    );
    expect(other.ok).toBe(true);
    const late = await stack.slack.submitView({
      user: ALICE,
      values: entered({ kind: 'backup', channel: 'C0ALERTS', states: ['FAILED'], window: '3h' }),
    });
    expect(late.action).toBe('errors');
    expect(late.errors?.bj_rule_kind).toMatch(
      /<@U0ADMIN2> saved this rule while your form was open \(now version \d+\)/,
    );
    await stack.slack.closeView({ user: ALICE });
    const history = await store.history('slack-failures', 10);
    expect(history[0]).toMatchObject({ by: 'U0ADMIN2', action: 'update' });
  });

  it('deletes after asking, at the version seen', async () => {
    const list = await command(ALICE, 'alerts');
    await stack.slack.click({
      user: ALICE,
      messageId: list.id,
      ...menuChoice(list, 'slack-failures', 'delete'),
    });
    const asked = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && /Delete the alert rule slack-failures\?/.test(m.text),
      20_000,
    );
    await stack.slack.click({ user: ALICE, messageId: asked.id, actionId: RULE_ACTIONS.remove });
    await stack.slack.waitForMessage((m) => m.id === asked.id && /is deleted by/.test(m.text), 20_000);
    expect(textOf(await command(ALICE, 'alerts'))).not.toMatch(/slack-failures/);
  });

  it('publishes the Home tab when it is opened, and answers its buttons in the Messages tab', async () => {
    const published = stack.slack.waitForView((v) => v.type === 'home' && v.user === ALICE, 20_000);
    await stack.slack.sendEvent({ type: 'app_home_opened', user: ALICE });
    const home = await published;
    const text = JSON.stringify(home.blocks);
    expect(text).toContain('Open incidents');
    expect(text).toContain('file-failures');
    expect(text).toContain('Last 24 hours');
    const answered = stack.slack.waitForMessage(
      (m) => m.channel === 'D0ALICE' && /Failed jobs/i.test(m.text),
      20_000,
    );
    const question = /"action_id":"(bj_run_again:0)"/.exec(text)![1]!;
    await stack.slack.click({ user: ALICE, viewId: home.id, actionId: question });
    await answered;
  });

  it('refreshes the Home of whoever looked after an alert control, and when the worker asks', async () => {
    const before = stack.slack.homeView(ALICE)!;
    const muted = stack.slack.waitForView(
      (v) =>
        v.type === 'home' &&
        v.user === ALICE &&
        v.hash !== before.hash &&
        /Muted \(1\)/.test(JSON.stringify(v.blocks)),
      20_000,
    );
    await command(ALICE, 'alerts mute file-failures 1h');
    const shown = await muted;
    expect(JSON.stringify(shown.blocks)).toContain('*file-failures* is muted');
    // The alert worker asks after a transition: a bot process publishes the round within its window.
    const refresher = createHomeRefresher(stack.redis, stack.prefix);
    try {
      const again = stack.slack.waitForView(
        (v) => v.type === 'home' && v.user === ALICE && v.hash !== shown.hash,
        20_000,
      );
      await refresher.request(Date.now());
      await again;
    } finally {
      await refresher.close();
    }
  });
});
