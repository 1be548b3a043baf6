import type { KnownBlock } from '@slack/types';
import { formatDuration } from '../time/duration.js';
import { type AlertRuleKind, escapeText, slackTime } from './alert-format.js';
import type { SlackMessage } from './limits.js';

export type RuleStatusState = 'OK' | 'FIRING' | 'MUTED' | 'UNKNOWN' | 'ERROR';

/** One rule's state as `/backup-jobs alerts` lists it. Times are epoch ms. */
export interface RuleStatus {
  rule: string;
  /** What the rule watches: the jobs of a kind, or `stale` resources. */
  kind: AlertRuleKind;
  channel: string;
  state: RuleStatusState;
  threshold: number;
  window: number;
  /** When the current incident fired, if one is firing (also while muted or unknown). */
  firingSince?: number;
  mutedUntil?: number;
  acknowledgedBy?: string;
  /** Why the state is UNKNOWN or ERROR. */
  reason?: string;
  lastCount?: number;
  lastEvaluatedAt?: number;
}

const ICONS: Record<RuleStatusState, string> = {
  OK: ':large_green_circle:',
  FIRING: ':red_circle:',
  MUTED: ':no_bell:',
  UNKNOWN: ':grey_question:',
  ERROR: ':warning:',
};

function describe(status: RuleStatus): string {
  const parts = [
    `${ICONS[status.state]} \`${status.kind}\` *${status.rule}* → <#${status.channel}>: *${status.state}*`,
  ];
  if (status.state === 'MUTED' && status.mutedUntil !== undefined)
    parts.push(`until ${slackTime(status.mutedUntil)}`);
  if (status.firingSince !== undefined) parts.push(`firing since ${slackTime(status.firingSince)}`);
  if (status.acknowledgedBy) parts.push(`acknowledged by <@${status.acknowledgedBy}>`);
  if (status.reason) parts.push(escapeText(status.reason, 300));
  const last =
    status.lastEvaluatedAt === undefined
      ? ''
      : `; last count ${status.lastCount ?? '?'} at ${slackTime(status.lastEvaluatedAt)}`;
  parts.push(`(threshold ${status.threshold} in ${formatDuration(status.window)}${last})`);
  return parts.join(' · ');
}

/** Packs lines into section texts of at most `max` characters. */
function pack(lines: readonly string[], max = 2900): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > max && current !== '') {
      chunks.push(current);
      current = line.slice(0, max);
    } else current = next.slice(0, max);
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** The `/backup-jobs alerts` answer: every rule with its state. */
export function alertStatusList(statuses: readonly RuleStatus[]): SlackMessage {
  const firing = statuses.filter((s) => s.state === 'FIRING').length;
  const order: RuleStatusState[] = ['ERROR', 'FIRING', 'MUTED', 'UNKNOWN', 'OK'];
  const sorted = [...statuses].sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
  const summary = `${statuses.length} alert rule${statuses.length === 1 ? '' : 's'}, ${firing} firing`;
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Alert rules' } }];
  if (statuses.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'No alert rules are configured (see ALERT_RULES_FILE).' },
    });
    return { text: 'No alert rules are configured', blocks };
  }
  // Slack refuses messages whose blocks hold more than ~12,000 characters of text.
  let budget = 10_000;
  let shown = 0;
  for (const chunk of pack(sorted.map(describe))) {
    if (chunk.length > budget) break;
    budget -= chunk.length;
    shown += chunk.split('\n').length;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
  }
  if (shown < statuses.length) {
    const more = `${statuses.length - shown} more rules not shown (problems are listed first)`;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more }] });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Mute with `/backup-jobs alerts mute <rule> 1h`, unmute with `/backup-jobs alerts unmute <rule>`, try one with `/backup-jobs alerts test <rule>`.',
      },
    ],
  });
  return { text: summary, blocks };
}
