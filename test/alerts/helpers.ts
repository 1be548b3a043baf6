import { randomUUID } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { type AlertPoster, createSlackPoster, hasKey } from '../../src/alerts/poster.js';
import { createRuleSource, type RuleSource } from '../../src/alerts/rule-source.js';
import type { AlertRule, DigestRule } from '../../src/alerts/rules.js';
import type {
  AwsBackupJobInput,
  AwsCopyJobInput,
  AwsRestoreJobInput,
  BackupEmulator,
} from '../../src/emulator/aws/index.js';
import { type SlackStandIn, startSlackStandIn } from '../../src/emulator/slack/index.js';

export { rule, staleRule } from './rule-fixture.js';

export const BOT_TOKEN = 'xoxb-alerts-test-token';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const quiet = pino({ level: 'silent' });

/** A hash-tagged prefix of its own for each test, like production's `{bjb}`. */
export function testPrefix(): string {
  return `{bjt-${randomUUID().slice(0, 8)}}`;
}

export function redisConnection(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: null });
}

/** Deletes every key under the prefix. */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/**
 * The rules of a test, as the worker and the service read them: these fixed rules in place of a
 * file, and any made in Redis under the prefix, polled every `pollMs`. Started; stop it when done.
 */
export async function ruleSource(
  redis: Redis,
  prefix: string,
  rules: AlertRule[] = [],
  options: { digests?: DigestRule[]; pollMs?: number } = {},
): Promise<RuleSource> {
  const source = await createRuleSource({
    redis,
    prefix,
    fileRules: { rules, digests: options.digests ?? [] },
    pollMs: options.pollMs ?? 200,
    logger: quiet,
  });
  await source.start();
  return source;
}

/** Channels C0ALERT1..C0ALERT8, so that each test reads a channel of its own. */
export const CHANNELS = Array.from({ length: 8 }, (_, i) => `C0ALERT${i + 1}`);

export function startStandIn(): Promise<SlackStandIn> {
  const channels = CHANNELS.map((id) => ({
    id,
    name: id.toLowerCase(),
    kind: 'public' as const,
    botMember: true,
    members: ['U0ALICE'],
  }));
  return startSlackStandIn({ signingSecret: 'alerts-test-signing-secret', botToken: BOT_TOKEN, channels });
}

/** The worker's Slack client as cli/worker.ts builds it: no retries of its own, 429s rejected. */
export function webClient(standIn: SlackStandIn, timeoutMs = 5000): WebClient {
  return new WebClient(BOT_TOKEN, {
    slackApiUrl: standIn.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
  });
}

/**
 * The real poster over the stand-in. The stand-in has no conversations.history, so the lookup of
 * an interrupted post reads the stand-in's own message list with the same matching rule.
 */
export function standInPoster(standIn: SlackStandIn, timeoutMs?: number): AlertPoster {
  const poster = createSlackPoster(webClient(standIn, timeoutMs));
  return {
    ...poster,
    async find(channel, key, _oldestMs, threadTs) {
      const found = standIn
        .messages(channel)
        .find((m) => (threadTs ? m.threadTs === threadTs : !m.threadTs) && hasKey({ blocks: m.blocks }, key));
      return found?.ts;
    },
  };
}

/** Top-level messages (not thread replies) of a channel. */
export function topLevel(standIn: SlackStandIn, channel: string) {
  return standIn.messages(channel).filter((m) => !m.threadTs);
}

export function replies(standIn: SlackStandIn, channel: string) {
  return standIn.messages(channel).filter((m) => m.threadTs);
}

/** The action ids of a message's buttons, in order. */
export function actionIds(blocks: readonly Record<string, unknown>[]): string[] {
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements as { action_id: string }[]).map((e) => e.action_id));
}

/** Adds `n` FAILED jobs that ended `agoMs` ago in a region, with any other fields given. */
export function addFailedJobs(
  emulator: BackupEmulator,
  n: number,
  options: { region: string; agoMs: number; fields?: (i: number) => Partial<AwsBackupJobInput> },
) {
  const completed = (Date.now() - options.agoMs) / 1000;
  emulator.addJobs(
    Array.from({ length: n }, (_, i) => ({
      Region: options.region,
      State: 'FAILED' as const,
      CompletionDate: completed,
      ...options.fields?.(i),
    })),
  );
}

/** Adds `n` copy jobs that ended `agoMs` ago in a region: FAILED unless `fields` says otherwise. */
export function addFailedCopyJobs(
  emulator: BackupEmulator,
  n: number,
  options: { region: string; agoMs: number; fields?: (i: number) => Partial<AwsCopyJobInput> },
) {
  const completed = (Date.now() - options.agoMs) / 1000;
  return emulator.addCopyJobs(
    Array.from({ length: n }, (_, i) => ({
      Region: options.region,
      State: 'FAILED' as const,
      CompletionDate: completed,
      ...options.fields?.(i),
    })),
  );
}

/**
 * Adds `n` restore tests (restore jobs a restore testing plan started) that completed `agoMs` ago
 * in a region, their validation ended as `validation` says.
 */
export function addRestoreTests(
  emulator: BackupEmulator,
  n: number,
  options: {
    region: string;
    agoMs: number;
    validation: NonNullable<AwsRestoreJobInput['ValidationStatus']>;
    fields?: (i: number) => Partial<AwsRestoreJobInput>;
  },
) {
  const completed = (Date.now() - options.agoMs) / 1000;
  const plan = `arn:aws:backup:${options.region}:${emulator.accounts[0]}:restore-testing-plan:weekly-restores`;
  return emulator.addRestoreJobs(
    Array.from({ length: n }, (_, i) => ({
      Region: options.region,
      Status: 'COMPLETED' as const,
      ValidationStatus: options.validation,
      CreatedBy: { RestoreTestingPlanArn: plan },
      CompletionDate: completed,
      ...options.fields?.(i),
    })),
  );
}
