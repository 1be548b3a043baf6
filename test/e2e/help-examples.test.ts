import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupClient, paginateListBackupVaults } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { TEST_CREDENTIALS } from '../helpers/aws.js';
import { type Stack, startStack, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';
const RULE = {
  name: 'ledger-failures',
  channel: 'C0OPS',
  states: ['FAILED'],
  threshold: 3,
  window: '1h',
  every: '5m',
  accounts: ['*'],
};

interface Element {
  type?: string;
  action_id?: string;
  value?: string;
  confirm?: Record<string, { text?: string } | string>;
}

/** Every button of a message, with its confirmation dialog. */
function elementsOf(message: { blocks: unknown[] }): Element[] {
  return message.blocks.flatMap((b) => {
    const block = b as { elements?: Element[]; accessory?: Element };
    return [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])].filter(
      (e) => e.type === 'button',
    );
  });
}

const examplesOf = (help: { blocks: unknown[] }) =>
  elementsOf(help).filter((e) => e.action_id?.startsWith(`${ACTION.helpExample}:`));

/** An answer that found nothing, or failed: the empty-result and error blocks. */
function foundNothing(message: { blocks: unknown[] }): boolean {
  return message.blocks.some((b) =>
    ['bj_empty', 'bj_error'].includes(String((b as { block_id?: string }).block_id)),
  );
}

describe('help examples made of what the workspace has (real bot, emulator, Slack stand-in)', () => {
  let stack: Stack;
  let dir: string;
  const stateOfRule = () => stack.redis.hget(`${stack.prefix}:alert:${RULE.name}`, 'doc');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'help-examples-'));
    await writeFile(join(dir, 'rules.yaml'), JSON.stringify({ rules: [RULE] }));
    stack = await startStack({
      env: { ALERT_RULES_FILE: join(dir, 'rules.yaml'), ALERT_ADMIN_USER_IDS: ALICE },
    });
  });
  afterAll(async () => {
    await stack.close();
    await rm(dir, { recursive: true, force: true });
  });

  const mine = () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE });
  async function answerTo(send: () => Promise<unknown>) {
    const before = mine().length;
    await send();
    await stack.slack.waitForMessage(() => mine().length > before, 20_000);
    return mine().at(-1)!;
  }
  const command = (text: string) =>
    answerTo(() => stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text }));
  const click = (messageId: string, actionId: string) =>
    answerTo(() => stack.slack.click({ user: ALICE, messageId, actionId }));

  it('before anything is known, shows no made-up names, and each list or summary example finds jobs', async () => {
    const help = await command('help');
    const values = examplesOf(help).map((e) => e.value!);
    expect(values.length).toBeGreaterThan(10);
    expect(values.join('\n')).not.toMatch(/\d{12}|arn:|[0-9A-F]{8}-[0-9A-F]{4}|vault:|prod-failures/i);
    const runnable = examplesOf(help).filter((e) => !/^(alerts|stale|coverage)\b/.test(e.value!));
    for (const example of runnable) {
      const answer = await click(help.id, example.action_id!);
      expect(foundNothing(answer) ? `${example.value}: ${textOf(answer)}` : '').toBe('');
    }
  });

  it("once coverage is kept, names the workspace's vaults, a resource and a job, which answer with them", async () => {
    await command('coverage');
    const client = new BackupClient({
      region: 'us-east-1',
      endpoint: stack.aws.url,
      credentials: TEST_CREDENTIALS,
    });
    const vaults = new Set<string>();
    for await (const page of paginateListBackupVaults({ client }, {})) {
      for (const v of page.BackupVaultList ?? []) vaults.add(v.BackupVaultName!);
    }
    client.destroy();
    const help = await command('help');
    const values = examplesOf(help).map((e) => e.value!);
    const vault = values.map((v) => /^failures .*\bvault:(\S+)/.exec(v)?.[1]).find(Boolean);
    expect([vault, vault !== undefined && vaults.has(vault)]).toEqual([vault, true]);
    const named = examplesOf(help).filter((e) => /^(job |resource |failures .*vault:)/.test(e.value!));
    expect(named.map((e) => e.value!.split(' ')[0])).toEqual(
      expect.arrayContaining(['job', 'resource', 'failures']),
    );
    for (const example of named) {
      const answer = await click(help.id, example.action_id!);
      expect(foundNothing(answer) ? example.value : '').toBe('');
      if (example.value!.startsWith('job ')) expect(textOf(answer)).toContain(example.value!.slice(4));
    }
  });

  it('asks before muting: the example carries a confirmation, and its click mutes nothing', async () => {
    const help = await command('help alerts');
    const mute = examplesOf(help).find((e) => e.value === `alerts mute ${RULE.name} 2h`)!;
    expect(mute.confirm).toMatchObject({
      title: { text: `Mute ${RULE.name}?` },
      confirm: { text: 'Mute for 2 hours' },
      deny: { text: 'Cancel' },
    });
    for (const other of examplesOf(help).filter((e) => e !== mute)) expect(other.confirm).toBeUndefined();
    const asked = await click(help.id, mute.action_id!);
    expect(textOf(asked)).toContain('Nothing has changed yet');
    const stateBefore = await stateOfRule();
    expect(stateBefore === null ? undefined : JSON.parse(stateBefore).state?.mute).toBeUndefined();
    const [doIt] = elementsOf(asked);
    expect(doIt).toMatchObject({ action_id: ACTION.confirmCommand, value: mute.value });
    expect(doIt!.confirm).toBeDefined();
    const done = await click(asked.id, doIt!.action_id!);
    expect(textOf(done)).toMatch(new RegExp(`${RULE.name}\\* is muted for 2 hours by <@${ALICE}>`));
    expect(JSON.parse((await stateOfRule())!).state.mute).toMatchObject({ by: ALICE });
  });
});
