import { formatDuration } from '../time/duration.js';
import { type CountedRule, countedWhat, mentionMarkup, slackTime } from './alert-format.js';
import { slackRefusal } from './error-messages.js';
import { type BlockMessage, message, section } from './kit.js';
import type { SlackMessage } from './limits.js';

/**
 * Thread reply under an alert when it resolves: how long it fired, and the count it fell to. A
 * stale rule says what it counted: `0 resources with no good backup in the last 1d 2h`.
 */
export function resolvedReply(view: {
  firedMs: number;
  total: number;
  threshold: number;
  rule?: (CountedRule & { window: number }) | undefined;
}): SlackMessage {
  const now =
    view.rule?.kind === 'stale'
      ? `${countedWhat(view.rule, view.total)} in the last ${formatDuration(view.rule.window)}`
      : `the count is ${view.total}`;
  const text = `✅ Resolved after ${formatDuration(view.firedMs)}: ${now}, under the threshold of ${view.threshold}.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Thread reply that reminds the channel of an alert still firing and not acknowledged. */
export function renotifyReply(
  view: CountedRule & { total: number; firingMs: number; mention?: string | undefined },
): SlackMessage {
  const mention = view.mention ? `${mentionMarkup(view.mention)} ` : '';
  const text = `${mention}🔁 Still firing after ${formatDuration(view.firingMs)}: ${countedWhat(view, view.total, true)}, not acknowledged yet.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Who changed an alert, and how: the thread reply that records it for the whole channel. */
export type AlertControlChange =
  | { kind: 'ack'; by: string }
  | { kind: 'mute'; by: string; until: number }
  | { kind: 'unmute'; by: string };

const USER_ID = /^[UW][A-Z0-9]{1,30}$/;

/** Thread reply under an alert when someone acknowledges, mutes or unmutes it. */
export function controlReply(change: AlertControlChange): SlackMessage {
  const who = USER_ID.test(change.by) ? `<@${change.by}>` : 'someone';
  const text =
    change.kind === 'ack'
      ? `👀 Acknowledged by ${who}.`
      : change.kind === 'mute'
        ? `🔕 Muted by ${who} until ${slackTime(change.until)}: no reminders or new alerts of this rule until then.`
        : `🔔 Unmuted by ${who}.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * Why someone may not acknowledge, mute or unmute a rule: they are not in its channel, they are
 * elsewhere (a command typed in another channel), or Slack would not say who is in the channel.
 */
export type ControlRefusal = {
  control: AlertControlChange['kind'];
  rule: string;
  /** The rule's channel id (rules.ts checks its form). */
  channel: string;
  /** ALERT_ADMIN_USER_IDS: they may do it from anywhere. */
  admins: readonly string[];
} & (
  | { reason: 'not_member' }
  | { reason: 'elsewhere' }
  | { reason: 'unchecked'; slackError: string | undefined; needed?: string | undefined }
);

const VERB = { ack: 'acknowledge', mute: 'mute', unmute: 'unmute' } as const;
const SHOWN_ADMINS = 5;

/** "an admin: <@U1>, <@U2>", or undefined when there are none to ask. */
function adminsToAsk(admins: readonly string[]): string | undefined {
  const ids = admins.filter((id) => USER_ID.test(id));
  if (ids.length === 0) return undefined;
  const shown = ids.slice(0, SHOWN_ADMINS).map((id) => `<@${id}>`);
  const more = ids.length > SHOWN_ADMINS ? ` and ${ids.length - SHOWN_ADMINS} more` : '';
  return `${ids.length === 1 ? 'an admin' : 'one of the admins'}: ${shown.join(', ')}${more}`;
}

/** Where to go instead, for someone in the right channel but using the wrong place. */
const ELSEWHERE_REMEDY = {
  ack: 'Use the Acknowledge button on the alert there.',
  mute: 'Type the same command there, or use the Mute buttons on the alert.',
  unmute: 'Type the same command there, or use the Unmute button on the alert.',
} as const;

/** What Slack's refusal to list the channel's members means, and what fixes it. */
function uncheckedText(r: Extract<ControlRefusal, { reason: 'unchecked' }>, where: string) {
  const code = r.slackError;
  if (code === 'channel_not_found' || code === 'not_in_channel') {
    return {
      why: `Slack will not show me ${where}: it is private and I am not in it, or it no longer exists.`,
      fix: `Invite me there with \`/invite @backup-jobs\`, or fix the rule's channel.`,
    };
  }
  const known = code ? slackRefusal(code) : undefined;
  if (known) {
    const scope = code === 'missing_scope' && r.needed ? ` (\`${r.needed.replace(/[^\w:.,]/g, '')}\`)` : '';
    return { why: `${known.message.replace(/\.$/, '')}${scope}.`, fix: known.remedy };
  }
  return {
    why: code ? `Slack answered \`${code.replace(/[^\w]/g, '')}\`.` : 'Slack did not answer.',
    fix: 'Try again in a minute; if it keeps happening, an admin can check the bot logs.',
  };
}

/** The private answer to someone who may not use an alert control: why, and what to do instead. */
export function controlRefusedMessage(r: ControlRefusal): BlockMessage {
  const verb = VERB[r.control];
  const where = `<#${r.channel}>`;
  const admins = adminsToAsk(r.admins);
  let head: string;
  let body: string;
  if (r.reason === 'not_member') {
    head = `Only members of ${where} can ${verb} ${r.rule}.`;
    body = admins
      ? `Ask one of them, or ${admins}.`
      : `Ask one of them, or join ${where} if you look after these alerts.`;
  } else if (r.reason === 'elsewhere') {
    head = `${verb[0]!.toUpperCase()}${verb.slice(1)} ${r.rule} from ${where}, where its alerts are posted.`;
    body = ELSEWHERE_REMEDY[r.control];
  } else {
    const { why, fix } = uncheckedText(r, where);
    head = `I cannot check who is in ${where}, so I cannot let you ${verb} ${r.rule}.`;
    body = `${why} ${fix}${admins ? ` Meanwhile, ask ${admins}.` : ''}`;
  }
  const icon = r.reason === 'unchecked' ? ':warning:' : ':lock:';
  return message(`${head} ${body}`, [section(`${icon} *${head}*\n${body}`, 'bj_alert_refused')]);
}
