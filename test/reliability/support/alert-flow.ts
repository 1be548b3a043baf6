import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEmulator } from '../../../src/emulator/aws/index.js';
import type { SlackStandIn, StoredMessage } from '../../../src/emulator/slack/index.js';

/** A rules file of FAILED rules ticking every 5 s (the least the rules allow), one per channel. */
export async function writeRules(
  dir: string,
  rules: readonly { name: string; channel: string }[],
  threshold = 3,
): Promise<string> {
  const file = join(dir, `${rules.map((r) => r.name).join('+')}.rules.yaml`);
  const lines = ['rules:'];
  for (const rule of rules) {
    lines.push(
      `  - name: ${rule.name}`,
      `    channel: ${rule.channel}`,
      '    states: [FAILED]',
      `    threshold: ${threshold}`,
      '    window: 1h',
      '    every: 5s',
      '    accounts: ["*"]',
    );
  }
  await writeFile(file, `${lines.join('\n')}\n`, 'utf8');
  return file;
}

/** Adds `n` FAILED jobs that ended a minute ago, inside every rule's window. */
export function addFailures(aws: BackupEmulator, n: number): void {
  const completed = (Date.now() - 60_000) / 1000;
  aws.addJobs(
    Array.from({ length: n }, (_, i) => ({
      Region: aws.regions[i % aws.regions.length]!,
      State: 'FAILED' as const,
      CompletionDate: completed,
    })),
  );
}

/** Every successful post and update Slack received in one channel, in order. */
export interface ChannelLedger {
  posts: StoredMessage[];
  updates: StoredMessage[];
  /** Resolves with the first message (posted or updated) that matches; rejects after `timeoutMs`. */
  waitFor(label: string, predicate: (m: StoredMessage) => boolean, timeoutMs: number): Promise<StoredMessage>;
  stop(): void;
}

export function watchChannel(slack: SlackStandIn, channel: string): ChannelLedger {
  const posts: StoredMessage[] = [];
  const updates: StoredMessage[] = [];
  const onMessage = (m: StoredMessage) => {
    if (m.channel === channel) posts.push(m);
  };
  const onUpdate = (m: StoredMessage) => {
    if (m.channel === channel) updates.push(m);
  };
  slack.events.on('message', onMessage);
  slack.events.on('update', onUpdate);
  return {
    posts,
    updates,
    async waitFor(label, predicate, timeoutMs) {
      try {
        return await slack.waitForMessage((m) => m.channel === channel && predicate(m), timeoutMs);
      } catch {
        throw new Error(`${label}: nothing in ${channel} within ${timeoutMs} ms`);
      }
    },
    stop() {
      slack.events.off('message', onMessage);
      slack.events.off('update', onUpdate);
    },
  };
}

/** A rule and the ledger of its channel. */
export interface Watched {
  rule: string;
  ledger: ChannelLedger;
}

/**
 * Drives one incident per rule through fire (4 failures), update (7) and resolve (none), waiting
 * for Slack to show each step for every rule. `during` runs at each step, after the jobs changed
 * (faults, kills). Resolves with each rule's alert message, in order.
 */
export async function fireUpdateResolve(
  aws: BackupEmulator,
  watched: readonly Watched[],
  during: (step: 'fire' | 'update' | 'resolve') => Promise<void> | void,
  timeoutMs = 40_000,
): Promise<StoredMessage[]> {
  addFailures(aws, 4);
  await during('fire');
  const mains = await Promise.all(
    watched.map(({ rule, ledger }) =>
      ledger.waitFor(`fire ${rule}`, (m) => !m.threadTs && m.text.startsWith(`Alert ${rule}: 4 `), timeoutMs),
    ),
  );
  addFailures(aws, 3);
  await during('update');
  await Promise.all(
    watched.map(({ rule, ledger }, i) =>
      ledger.waitFor(
        `update ${rule}`,
        (m) => m.id === mains[i]!.id && m.text.startsWith(`Alert ${rule}: 7 `),
        timeoutMs,
      ),
    ),
  );
  aws.clearJobs();
  await during('resolve');
  await Promise.all(
    watched.map(async ({ rule, ledger }, i) => {
      const main = mains[i]!;
      await ledger.waitFor(
        `resolve ${rule}`,
        (m) => m.threadTs === main.ts && m.text.includes('Resolved after'),
        timeoutMs,
      );
      await ledger.waitFor(
        `resolved message ${rule}`,
        (m) => m.id === main.id && m.text.startsWith('Resolved '),
        5000,
      );
    }),
  );
  return mains;
}

/** Exactly one post, one update and one resolve with its reply: anything else is a lost or doubled call. */
export function transitionsOnce(ledger: ChannelLedger, main: StoredMessage): string[] {
  const problems: string[] = [];
  const top = ledger.posts.filter((m) => !m.threadTs);
  const replies = ledger.posts.filter((m) => m.threadTs);
  const updates = ledger.updates.filter((m) => m.id === main.id);
  if (top.length !== 1) problems.push(`${top.length} alert posts instead of 1`);
  if (replies.length !== 1) problems.push(`${replies.length} thread replies instead of 1`);
  if (updates.length !== 2)
    problems.push(`${updates.length} updates of the alert instead of 2 (update, resolve)`);
  return problems;
}
