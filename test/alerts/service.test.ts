import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSource } from '../../src/alerts/rule-source.js';
import { createAlertService } from '../../src/alerts/service.js';
import { createAlertStore } from '../../src/alerts/state.js';
import { runTick, type TickDeps } from '../../src/alerts/tick.js';
import type { WindowCount } from '../../src/alerts/types.js';
import type { SlackStandIn } from '../../src/emulator/slack/index.js';
import {
  actionIds,
  dropPrefix,
  quiet,
  redisConnection,
  rule,
  ruleSource,
  staleRule,
  standInPoster,
  startStandIn,
  testPrefix,
} from './helpers.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
let standIn: SlackStandIn;
let redis: Redis;
let source: RuleSource;
const prefix = testPrefix();
const rules = [
  rule({ name: 'db', channel: 'C0ALERT4', resourceTypes: ['RDS', 'Aurora'] }),
  rule({ name: 'quiet', channel: 'C0ALERT4', threshold: 50 }),
];

beforeAll(async () => {
  standIn = await startStandIn();
  redis = redisConnection();
  source = await ruleSource(redis, prefix, rules);
});
afterAll(async () => {
  await source.stop();
  await dropPrefix(redis, prefix);
  await redis.quit();
  await standIn.close();
});

function counted(total: number): WindowCount {
  return {
    total,
    byState: { FAILED: total },
    byAccount: {},
    byRegion: { 'eu-west-1': total },
    byResourceType: { RDS: total },
    topReasons: [],
    topResources: [],
    failedRegions: [],
    calls: 1,
  };
}

describe('alert service (real Redis, Slack stand-in)', () => {
  let clock = T0;
  const live = (maxMuteMs = 30 * 86_400_000) =>
    createAlertService({
      redis,
      prefix,
      rules: source,
      poster: standInPoster(standIn),
      now: () => clock,
      logger: quiet,
      maxMuteMs,
    });
  const tick = (total: number, at: number) => {
    const deps: TickDeps = {
      store: createAlertStore(redis, prefix),
      poster: standInPoster(standIn),
      owner: 't',
      leaseMs: 30_000,
      clock: () => at,
      logger: quiet,
      count: async () => counted(total),
    };
    return runTick(deps, rules[0]!, at);
  };

  it('lists rules never evaluated as UNKNOWN', async () => {
    const statuses = await live().listStatuses();
    expect(statuses.map((s) => [s.rule, s.state, s.reason])).toEqual([
      ['db', 'UNKNOWN', 'not evaluated yet'],
      ['quiet', 'UNKNOWN', 'not evaluated yet'],
    ]);
  });

  it('acknowledges, mutes and unmutes a firing alert, updating its message each time', async () => {
    await tick(4, T0);
    const alerts = live();
    const [firing] = await alerts.listStatuses();
    expect(firing).toMatchObject({ rule: 'db', state: 'FIRING', firingSince: T0, lastCount: 4 });
    const message = standIn.lastMessage('C0ALERT4')!;
    const incident = T0.toString(36);
    clock = T0 + 60_000;
    await expect(alerts.acknowledge('db', 'zzz', 'U0ALICE')).rejects.toThrow(
      'This alert is no longer firing.',
    );
    expect(await alerts.acknowledge('db', incident, 'U0ALICE')).toMatchObject({
      state: 'FIRING',
      acknowledgedBy: 'U0ALICE',
    });
    expect(JSON.stringify(standIn.message(message.id)!.blocks)).toContain('Acknowledged by <@U0ALICE>');
    expect(actionIds(standIn.message(message.id)!.blocks)).not.toContain('bj_alert_ack');

    expect(await alerts.mute('db', T0 + 3_600_000, 'U0BOB')).toMatchObject({
      state: 'MUTED',
      mutedUntil: T0 + 3_600_000,
    });
    expect(actionIds(standIn.message(message.id)!.blocks)).toEqual(['bj_alert_show_jobs', 'bj_alert_unmute']);
    expect(await alerts.unmute('db', 'U0BOB')).toMatchObject({ state: 'FIRING' });
    expect(actionIds(standIn.message(message.id)!.blocks)).toContain('bj_alert_mute_8h');
    await expect(alerts.mute('db', clock - 1, 'U0BOB')).rejects.toThrow('A mute must end in the future.');
    await expect(alerts.mute('db', clock + 31 * 86_400_000, 'U0BOB')).rejects.toMatchObject({
      code: 'USAGE',
      message: 'A mute can last 30 days at most, and 31 days is longer.',
      remedy: 'Mute for 30 days or less, and mute again then if you still need to.',
    });
    // Every change is recorded in the alert's thread, with who did it.
    const thread = standIn
      .messages('C0ALERT4')
      .filter((m) => m.threadTs === message.ts)
      .map((m) => m.text);
    expect(thread).toEqual([
      '👀 Acknowledged by <@U0ALICE>.',
      expect.stringMatching(/^🔕 Muted by <@U0BOB> until <!date\^/),
      '🔔 Unmuted by <@U0BOB>.',
    ]);
  });

  it('keeps a mute within the maximum it is given, naming that maximum when refused', async () => {
    const day = 86_400_000;
    const alerts = live(day);
    const before = await redis.hget(`${prefix}:alert:quiet`, 'doc');
    await expect(alerts.mute('quiet', clock + 2 * day, 'U0BOB')).rejects.toThrow(
      'A mute can last 1 day at most, and 2 days is longer.',
    );
    await expect(live(6 * 3_600_000).mute('quiet', clock + 8 * 3_600_000, 'U0BOB')).rejects.toThrow(
      'A mute can last 6 hours at most, and 8 hours is longer.',
    );
    expect(await redis.hget(`${prefix}:alert:quiet`, 'doc')).toBe(before);
    expect(await alerts.mute('quiet', clock + day, 'U0BOB')).toMatchObject({
      state: 'MUTED',
      mutedUntil: clock + day,
    });
    await alerts.unmute('quiet', 'U0BOB');
  });

  it('finds a rule by name, or says how to list them', () => {
    expect(live().rule('db')).toMatchObject({ name: 'db', channel: 'C0ALERT4' });
    expect(() => live().rule('nope')).toThrow('There is no alert rule named "nope".');
  });

  it('refuses unknown rules with a coded error', async () => {
    await expect(live().unmute('nope', 'U1')).rejects.toMatchObject({
      code: 'USAGE',
      message: 'There is no alert rule named "nope".',
    });
    expect(() => live().ruleToListQuery('nope', new Date(T0))).toThrow(
      'There is no alert rule named "nope".',
    );
  });

  it('posts a clearly marked test sample without state-changing buttons', async () => {
    const ts = await live().sendTest('quiet');
    const sample = standIn.messages('C0ALERT4').find((m) => m.ts === ts)!;
    expect(sample.text).toMatch(/^TEST sample quiet:/);
    expect(JSON.stringify(sample.blocks)).toContain('This is a test sample');
    expect(actionIds(sample.blocks)).toEqual(['bj_alert_show_jobs']);
  });

  it('turns a rule into the list query of its Show jobs button', () => {
    expect(live().ruleToListQuery('db', new Date(T0))).toEqual({
      kind: 'list',
      jobKind: 'backup',
      text: 'alert db',
      notes: ['The rule counts RDS, Aurora; this list shows every resource type.'],
      visibility: 'ephemeral',
      states: ['FAILED', 'PARTIAL'],
      withIssues: false,
      validation: [],
      testsOnly: false,
      filters: { completedAfter: '2026-11-23T09:00:00.000Z', account: '*' },
      regions: [],
      pageSize: 10,
    });
  });

  it('answers the Show jobs of a stale rule with the stale question, and samples it with that button', async () => {
    const stale = await ruleSource(redis, prefix, [
      staleRule({ name: 'stale-db', channel: 'C0ALERT4', resourceTypes: ['RDS'] }),
    ]);
    const service = createAlertService({
      redis,
      prefix,
      rules: stale,
      poster: standInPoster(standIn),
      now: () => clock,
      logger: quiet,
      maxMuteMs: 86_400_000,
    });
    expect(() => service.ruleToListQuery('stale-db', new Date(T0))).toThrow(
      expect.objectContaining({
        code: 'USAGE',
        message: 'The rule stale-db watches resources, not jobs.',
        remedy: 'Type /backup-jobs stale 26h type:RDS to list them.',
      }),
    );
    const ts = await service.sendTest('stale-db');
    const sample = standIn.messages('C0ALERT4').find((m) => m.ts === ts)!;
    expect(sample.text).toBe(
      'TEST sample stale-db: 2 resources with no good backup in the last 1d 2h (threshold 1)',
    );
    expect(JSON.stringify(sample.blocks)).toContain('• sample-resource (3 days)');
    expect(actionIds(sample.blocks)).toEqual(['bj_run_again:0']);
    await stale.stop();
  });
});
