import type { Rng } from './prng.js';
import type { AwsRecoveryPointCreator } from './types.js';

/** A backup plan with one daily rule, in one account and region. */
export interface Plan {
  creator: AwsRecoveryPointCreator;
  vault: string;
  /** The rule's daily start, as minutes before the emulator clock's time of day. */
  agoMinutes: number;
  /** Start window in minutes: jobs are created at a random point inside it. */
  windowMinutes: number;
}

/** Environments a resource belongs to; prod is twice as common. */
export const ENVS = ['prod', 'prod', 'staging', 'dev'] as const;
export type Env = (typeof ENVS)[number];

export interface PlanTemplate {
  name: string;
  rule: string;
  vault: string;
  agoMinutes: number;
  windowMinutes: number;
  envs: readonly Env[];
}

function template(
  name: string,
  rule: string,
  vault: string,
  agoMinutes: number,
  windowMinutes: number,
  envs: readonly Env[],
): PlanTemplate {
  return { name, rule, vault, agoMinutes, windowMinutes, envs };
}

/**
 * The plans every account has in every region. Their daily start times are set relative to the
 * emulator clock, so some jobs are always just created, pending or running "now".
 */
export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  template('daily-prod', 'DailyBackups', 'prod', 30, 35, ['prod']),
  template('daily-critical', 'Daily-35d', 'compliance', 95, 60, ['prod']),
  template('daily-staging', 'DailyBackups', 'dev', 330, 60, ['staging']),
  template('nightly-dev', 'Nightly', 'dev', 560, 60, ['dev']),
  template('default-daily', 'DefaultRule', 'Default', 870, 120, ['prod', 'staging']),
  template('compliance-7y', 'Daily-7y', 'compliance', 1160, 90, ['prod']),
];

export function makePlans(rng: Rng, account: string, region: string, now: Date): Map<string, Plan> {
  const plans = new Map<string, Plan>();
  for (const t of PLAN_TEMPLATES) {
    const id = rng.uuid();
    const start = new Date(now.getTime() - t.agoMinutes * 60_000);
    plans.set(t.name, {
      vault: t.vault,
      agoMinutes: t.agoMinutes,
      windowMinutes: t.windowMinutes,
      creator: {
        BackupPlanId: id,
        BackupPlanArn: `arn:aws:backup:${region}:${account}:backup-plan:${id}`,
        BackupPlanName: t.name,
        BackupPlanVersion: rng.hex(48),
        BackupRuleId: rng.uuid(),
        BackupRuleName: t.rule,
        BackupRuleCron: `cron(${start.getUTCMinutes()} ${start.getUTCHours()} ? * * *)`,
        BackupRuleTimezone: 'Etc/UTC',
      },
    });
  }
  return plans;
}
