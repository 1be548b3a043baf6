import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ALERT_ACTIONS } from '../../src/blocks/alert-actions.js';
import { REDIS_URL } from '../helpers/redis.js';
import { type Stack, startStack, TRANSPORTS, textOf } from '../helpers/stack.js';
import { startAlertWorker } from './playground/alerts.js';

const RULES = `rules:
  - name: prod-failures
    channel: C0ALERTS
    states: [FAILED, PARTIAL]
    threshold: 3
    window: 1h
    every: 5m
    accounts: ["*"]
  - name: button-failures
    channel: C0ALERTS
    states: [FAILED]
    threshold: 3
    window: 1h
    every: 5s
    accounts: ["*"]
    vaults: [button-vault]
`;

async function ask(stack: Stack, text: string, channel = 'C0OPS') {
  const mine = () => stack.slack.messages(channel, { includeEphemeralFor: 'U0ALICE' }).length;
  const before = mine();
  const result = await stack.slack.sendCommand({ channel, user: 'U0ALICE', text });
  expect(result.status).toBe(200);
  await stack.slack.waitForMessage(() => mine() > before, 10_000);
  return stack.slack.lastMessage(channel, { includeEphemeralFor: 'U0ALICE' })!;
}

describe.each(TRANSPORTS)('/backup-jobs alerts (%s)', (transport) => {
  let stack: Stack;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bot-alerts-'));
    await writeFile(join(dir, 'rules.yaml'), RULES);
    stack = await startStack({
      transport,
      aws: { jobs: 200 },
      env: { ALERT_RULES_FILE: join(dir, 'rules.yaml') },
    });
  });
  afterAll(async () => {
    await stack.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the rules with their state, mutes, unmutes and sends a marked test alert', async () => {
    const list = textOf(await ask(stack, 'alerts'));
    expect(list).toMatch(
      /\*prod-failures\* → <#C0ALERTS>: \*UNKNOWN\* · not evaluated yet · \(threshold 3 in 1h\)/,
    );
    // Mutes are typed in the rule's channel, where its alerts are posted.
    expect(textOf(await ask(stack, 'alerts mute prod-failures 2h', 'C0ALERTS'))).toMatch(
      /muted for 2 hours by <@U0ALICE>/,
    );
    expect(textOf(await ask(stack, 'alerts'))).toMatch(/MUTED|muted/i);
    expect(textOf(await ask(stack, 'alerts unmute prod-failures', 'C0ALERTS'))).toMatch(/unmuted/);
    expect(textOf(await ask(stack, 'alerts test prod-failures'))).toMatch(/sample alert/);
    const sample = await stack.slack.waitForMessage(
      (m) => m.channel === 'C0ALERTS' && !m.ephemeralFor && !m.threadTs,
      10_000,
    );
    expect(textOf(sample)).toMatch(/test|sample/i);
  });

  it('runs the buttons of a firing alert: Acknowledge, Mute 1h and Show jobs', async () => {
    const rules = parseYaml(RULES) as { rules: unknown[] };
    const running = await startAlertWorker({ ...stack, redisUrl: REDIS_URL }, rules.rules.slice(1));
    try {
      const completed = Date.now() / 1000 - 60;
      stack.aws.addJobs(
        Array.from({ length: 4 }, () => ({
          State: 'FAILED' as const,
          BackupVaultName: 'button-vault',
          CompletionDate: completed,
        })),
      );
      const alert = await stack.slack.waitForMessage(
        (m) => m.channel === 'C0ALERTS' && !m.threadTs && m.text.includes('button-failures'),
        30_000,
      );
      await stack.slack.click({ user: 'U0ALICE', messageId: alert.id, actionId: ALERT_ACTIONS.acknowledge });
      await stack.slack.waitForMessage((m) => m.id === alert.id && /Acknowledged by/.test(textOf(m)), 10_000);
      await stack.slack.click({ user: 'U0ALICE', messageId: alert.id, actionId: ALERT_ACTIONS.mute1h });
      await stack.slack.waitForMessage(
        (m) => m.ephemeralFor === 'U0ALICE' && /button-failures\* is muted for 1 hour/.test(m.text),
        10_000,
      );
      await stack.slack.waitForMessage((m) => m.id === alert.id && /Muted until/.test(textOf(m)), 10_000);
      const known = new Set(
        stack.slack.messages('C0ALERTS', { includeEphemeralFor: 'U0ALICE' }).map((m) => m.id),
      );
      await stack.slack.click({ user: 'U0ALICE', messageId: alert.id, actionId: ALERT_ACTIONS.showJobs });
      const jobs = await stack.slack.waitForMessage(
        (m) => m.ephemeralFor === 'U0ALICE' && !known.has(m.id) && /Page 1/.test(textOf(m)),
        10_000,
      );
      expect(textOf(jobs)).toContain('button-vault');
    } finally {
      await running.close();
      stack.aws.clearJobs();
    }
  }, 60_000);

  it('names an unknown rule and how to list them', async () => {
    const reply = await ask(stack, 'alerts mute no-such-rule 1h');
    expect(textOf(reply)).toMatch(/no alert rule named "no-such-rule"[\s\S]*\/backup-jobs alerts/);
  });
});

describe('ALLOWED_CHANNEL_IDS and ALLOWED_USER_IDS', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      aws: { jobs: 100 },
      env: { ALLOWED_CHANNEL_IDS: 'C0OPS', ALLOWED_USER_IDS: 'U0ALICE' },
    });
  });
  afterAll(() => stack.close());

  it('answers allowed people in allowed channels', async () => {
    expect(textOf(await ask(stack, 'help'))).not.toMatch(/can't be looked up/);
  });

  it('politely refuses other channels and other people', async () => {
    expect(textOf(await ask(stack, 'failed last 3 days', 'D0ALICE'))).toMatch(/can't be looked up from here/);
    await stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'failed' });
    const refusal = await stack.slack.waitForMessage((m) => m.ephemeralFor === 'U0BOB', 10_000);
    expect(textOf(refusal)).toMatch(/allowed list/);
  });
});
