import type { RuleStatus } from '../blocks/alert-status.js';
import type { AlertState } from './alert-state.js';
import { type AlertRule, ruleKind } from './rules.js';

export type { RuleStatus, RuleStatusState } from '../blocks/alert-status.js';

const SLACK_REASONS: Record<string, string> = {
  channel_not_found: 'Slack cannot find the channel: check its id, or invite the bot if it is private',
  not_in_channel: 'the bot is not in the channel: invite it, or grant chat:write.public',
  is_archived: 'the channel is archived: pick another channel',
  invalid_auth: 'Slack refuses the bot token: check SLACK_BOT_TOKEN',
  not_authed: 'Slack refuses the bot token: check SLACK_BOT_TOKEN',
  token_revoked: 'the bot token was revoked: reinstall the app and update SLACK_BOT_TOKEN',
  account_inactive: 'the bot account is inactive: reinstall the app',
  missing_scope: 'the app lacks a scope it needs: reinstall it with the manifest scopes',
};

/** A permanent Slack failure in words a person can act on. */
export function explainSlackReason(reason: string): string {
  return SLACK_REASONS[reason] ? `${SLACK_REASONS[reason]} (${reason})` : `Slack answered ${reason}`;
}

/** How `/backup-jobs alerts` shows a rule: ERROR first, then MUTED, UNKNOWN, FIRING, OK. */
export function ruleStatus(rule: AlertRule, state: AlertState, now: number): RuleStatus {
  const status: RuleStatus = {
    rule: rule.name,
    kind: ruleKind(rule),
    channel: rule.channel,
    state: 'OK',
    threshold: rule.threshold,
    window: rule.window,
  };
  if (state.lastTotal !== undefined) status.lastCount = state.lastTotal;
  if (state.lastEvaluatedAt !== undefined) status.lastEvaluatedAt = state.lastEvaluatedAt;
  const incident = state.status === 'FIRING' ? state.incident : undefined;
  if (incident) status.firingSince = incident.since;
  if (incident?.ack) status.acknowledgedBy = incident.ack.by;
  if (state.error) {
    status.state = 'ERROR';
    status.reason = explainSlackReason(state.error.reason);
  } else if (state.mute && state.mute.until > now) {
    status.state = 'MUTED';
    status.mutedUntil = state.mute.until;
  } else if (state.unknown) {
    status.state = 'UNKNOWN';
    const what = rule.kind === 'stale' ? 'Coverage could not be read' : 'AWS Backup could not be counted';
    status.reason = `${what}: ${state.unknown.reason}`;
  } else if (state.lastEvaluatedAt === undefined) {
    status.state = 'UNKNOWN';
    status.reason = 'not evaluated yet';
  } else if (incident) status.state = 'FIRING';
  return status;
}
