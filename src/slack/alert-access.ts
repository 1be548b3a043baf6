import type { AlertRule } from '../alerts/rules.js';
import { type ControlRefusal, controlRefusedMessage } from '../blocks/alert-replies.js';
import type { BlockMessage } from '../blocks/kit.js';
import type { Logger } from '../logger.js';
import { isChannelMember } from './channel-members.js';
import type { BotDeps } from './deps.js';
import { slackErrorCode } from './failures.js';

/** The alert controls that silence or quiet a rule for everyone: acknowledge, mute, unmute. */
export type AlertControl = ControlRefusal['control'];

/**
 * Where a control was used: in a channel (a click on the alert message, or a command typed there),
 * or on the App Home, which belongs to no channel.
 */
export type ControlSurface = { kind: 'channel'; channelId: string } | { kind: 'home' };

export interface ControlAttempt {
  control: AlertControl;
  rule: Pick<AlertRule, 'name' | 'channel'>;
  userId: string;
  surface: ControlSurface;
}

export type ControlVerdict = 'allowed' | 'not_member' | 'elsewhere';

/**
 * Who may change an alert for everyone, and from where: an admin (ALERT_ADMIN_USER_IDS) from
 * anywhere; a member of the rule's channel from that channel, where the change is seen, or from
 * the App Home; nobody else.
 */
export function controlVerdict(
  attempt: Pick<ControlAttempt, 'rule' | 'surface'>,
  who: { admin: boolean; member: boolean },
): ControlVerdict {
  if (who.admin) return 'allowed';
  if (!who.member) return 'not_member';
  if (attempt.surface.kind === 'channel' && attempt.surface.channelId !== attempt.rule.channel) {
    return 'elsewhere';
  }
  return 'allowed';
}

/** The scope Slack said was missing, when it said. */
function neededScope(err: unknown): string | undefined {
  const needed = (err as { data?: { needed?: unknown } } | undefined)?.data?.needed;
  return typeof needed === 'string' ? needed : undefined;
}

/**
 * The answer for an attempt that is not allowed (see {@link controlVerdict}), or undefined when it
 * is. Membership comes from Slack (cached briefly); when Slack will not tell, the attempt is
 * refused with what Slack said and how to fix it, and admins still may.
 */
export async function refuseAlertControl(
  deps: Pick<BotDeps, 'config' | 'redis' | 'guard' | 'slack'>,
  log: Logger,
  attempt: ControlAttempt,
): Promise<BlockMessage | undefined> {
  const admins = deps.config.alerts.adminUserIds;
  if (admins.includes(attempt.userId)) return undefined;
  const { control, rule } = attempt;
  const refusal = { control, rule: rule.name, channel: rule.channel, admins };
  let member: boolean;
  try {
    const cache = { redis: deps.redis, guard: deps.guard, prefix: deps.config.redis.prefix, log };
    member = await isChannelMember({ ...cache, slack: deps.slack }, rule.channel, attempt.userId);
  } catch (err) {
    const slackError = slackErrorCode(err);
    log.warn({ err, slackError, rule: rule.name }, 'channel members unavailable');
    return controlRefusedMessage({ ...refusal, reason: 'unchecked', slackError, needed: neededScope(err) });
  }
  const verdict = controlVerdict(attempt, { admin: false, member });
  if (verdict === 'allowed') return undefined;
  log.info({ rule: rule.name, control, verdict }, 'alert control refused');
  return controlRefusedMessage({ ...refusal, reason: verdict });
}
