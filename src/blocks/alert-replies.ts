import { formatDuration, mentionMarkup, stateList } from './alert-format.js';
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
