/**
 * Action ids and button values of the alert message buttons. The Slack listeners in slack/ match
 * on these ids and decode the value with `decodeAlertValue`, which refuses anything malformed.
 */
export const ALERT_ACTIONS = {
  showJobs: 'bj_alert_show_jobs',
  acknowledge: 'bj_alert_ack',
  mute1h: 'bj_alert_mute_1h',
  mute8h: 'bj_alert_mute_8h',
  mute24h: 'bj_alert_mute_24h',
  unmute: 'bj_alert_unmute',
} as const;

export type AlertActionId = (typeof ALERT_ACTIONS)[keyof typeof ALERT_ACTIONS];

/** How long each mute button mutes, by action id. */
export const MUTE_DURATIONS_MS: Readonly<Record<string, number>> = {
  [ALERT_ACTIONS.mute1h]: 3_600_000,
  [ALERT_ACTIONS.mute8h]: 8 * 3_600_000,
  [ALERT_ACTIONS.mute24h]: 24 * 3_600_000,
};

/** What an alert button carries: the rule and the incident the message belongs to. */
export interface AlertButtonValue {
  rule: string;
  incidentId: string;
}

const RULE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const INCIDENT = /^[a-z0-9]{1,16}$/;

export function encodeAlertValue(value: AlertButtonValue): string {
  return `${value.rule}|${value.incidentId}`;
}

/** The rule and incident of a clicked alert button, or null when the value is not one of ours. */
export function decodeAlertValue(value: unknown): AlertButtonValue | null {
  if (typeof value !== 'string' || value.length > 100) return null;
  const [rule, incidentId, extra] = value.split('|');
  if (extra !== undefined || rule === undefined || incidentId === undefined) return null;
  if (!RULE.test(rule) || !INCIDENT.test(incidentId)) return null;
  return { rule, incidentId };
}

/** True when an action id belongs to the alert buttons. */
export function isAlertAction(actionId: string): actionId is AlertActionId {
  return (Object.values(ALERT_ACTIONS) as string[]).includes(actionId);
}
