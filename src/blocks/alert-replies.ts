import { formatDuration } from '../time/duration.js';
import { mentionMarkup, slackTime, stateList } from './alert-format.js';
import type { SlackMessage } from './limits.js';

/** Thread reply under an alert when it resolves: how long it fired. */
export function resolvedReply(firedMs: number, total: number, threshold: number): SlackMessage {
  const text = `✅ Resolved after ${formatDuration(firedMs)}: the count is ${total}, under the threshold of ${threshold}.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Thread reply that reminds the channel of an alert still firing and not acknowledged. */
export function renotifyReply(view: {
  states: readonly string[];
  total: number;
  firingMs: number;
  mention?: string | undefined;
}): SlackMessage {
  const mention = view.mention ? `${mentionMarkup(view.mention)} ` : '';
  const text = `${mention}🔁 Still firing after ${formatDuration(view.firingMs)}: ${view.total} ${stateList(view.states)} backup jobs, not acknowledged yet.`;
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
