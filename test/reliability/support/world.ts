import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupClient, paginateListBackupJobSummaries } from '@aws-sdk/client-backup';
import { type BackupEmulatorOptions, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import {
  DEFAULT_CHANNELS,
  DEFAULT_USERS,
  type SlackStandIn,
  startSlackStandIn,
} from '../../../src/emulator/slack/index.js';
import { CHANNELS } from '../../alerts/helpers.js';
import { allJobIds, TEST_CREDENTIALS } from '../../helpers/aws.js';
import type { SuiteSecrets } from './suite.js';

export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** Things to close at the end of a case, closed last-opened first; failures to close are ignored. */
export function closers() {
  const fns: (() => Promise<unknown>)[] = [];
  return {
    add<T>(value: T, close: (value: T) => Promise<unknown>): T {
      fns.push(() => close(value));
      return value;
    },
    async run() {
      for (const fn of fns.splice(0).reverse()) await fn().catch(() => undefined);
    },
  };
}

export interface SlackOptions {
  /** Answer 429 like Slack when posts and updates go faster than Slack allows. @defaultValue false */
  enforceRateLimits?: boolean;
  /** More workspace members (user ids), each in #ops: a case's crowd of people. @defaultValue none */
  users?: readonly string[];
}

/** The Slack stand-in with the run's secrets: #ops, and alert channels C0ALERT1..8 the bot is in. */
export function startSlack(secrets: SuiteSecrets, options: SlackOptions = {}): Promise<SlackStandIn> {
  const crowd = (options.users ?? []).map((id) => ({
    id,
    name: id.toLowerCase(),
    realName: `Member ${id}`,
    tz: 'UTC',
  }));
  const alertChannels = CHANNELS.map((id) => ({
    id,
    name: id.toLowerCase(),
    kind: 'public' as const,
    botMember: true,
    members: ['U0ALICE'],
  }));
  const channels = DEFAULT_CHANNELS.map((c) =>
    c.id === 'C0OPS' ? { ...c, members: [...c.members, ...crowd.map((u) => u.id)] } : c,
  );
  return startSlackStandIn({
    signingSecret: secrets.signingSecret,
    botToken: secrets.botToken,
    users: [...DEFAULT_USERS, ...crowd],
    channels: [...channels, ...alertChannels],
    enforceRateLimits: options.enforceRateLimits ?? false,
  });
}

/** An AWS Backup emulator of 3 regions; `jobs: 0` for one that alert cases fill themselves. */
export function startAws(options: BackupEmulatorOptions = {}) {
  return startBackupEmulator({ regions: REGIONS, jobs: 1500, seed: 21, ...options });
}

/** Every `{region}/{jobId}` the emulator holds for a ListBackupJobs filter, through the SDK's paginator. */
export async function truthOf(
  aws: Awaited<ReturnType<typeof startAws>>,
  filter: Record<string, unknown>,
): Promise<Set<string>> {
  const lists = await Promise.all(aws.regions.map((r) => allJobIds(aws, r, { ByAccountId: '*', ...filter })));
  return new Set(lists.flat().map((j) => j.id));
}

/** Jobs per region that ListBackupJobSummaries counts for a period, every dimension aggregated. */
export async function summaryTruth(
  aws: Awaited<ReturnType<typeof startAws>>,
  period: 'ONE_DAY' | 'SEVEN_DAYS' | 'FOURTEEN_DAYS',
): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const region of aws.regions) {
    const client = new BackupClient({ region, endpoint: aws.url, credentials: TEST_CREDENTIALS });
    const input = {
      AggregationPeriod: period,
      AccountId: 'AGGREGATE_ALL',
      State: 'AGGREGATE_ALL',
      ResourceType: 'AGGREGATE_ALL',
      MessageCategory: 'AGGREGATE_ALL',
    } as const;
    let total = 0;
    for await (const page of paginateListBackupJobSummaries({ client }, { ...input })) {
      for (const row of page.BackupJobSummaries ?? []) total += row.Count ?? 0;
    }
    totals.set(region, total);
    client.destroy();
  }
  return totals;
}

/** A temp dir for rules files; removed by the returned closer. */
export async function scratchDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bj-reliability-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
