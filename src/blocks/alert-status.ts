import type { KnownBlock, SectionBlock } from '@slack/types';
import { formatDuration } from '../time/duration.js';
import { type AlertRuleKind, escapeText, slackTime } from './alert-format.js';
import type { SlackMessage } from './limits.js';

export type RuleStatusState = 'OK' | 'FIRING' | 'MUTED' | 'UNKNOWN' | 'ERROR';

/** Where a rule is kept, and whether it is paused: what the list offers to do with it. */
export interface RuleKeeping {
  origin: 'file' | 'slack';
  paused: boolean;
  version: number;
}

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

/** The action_id of each rule's menu (Edit, Pause or Resume, Delete, History) and of the list's buttons. */
export const RULE_ACTIONS = {
  menu: 'bj_rule_menu',
  create: 'bj_rule_new',
  history: 'bj_rule_history',
  remove: 'bj_rule_delete',
} as const;

/** Action ids are unique within a message: each rule's menu (or Edit button) has its index. */
export function ruleMenuId(index: number): string {
  return `${RULE_ACTIONS.menu}:${index}`;
}

export const RULE_MENU_PATTERN = new RegExp(`^${RULE_ACTIONS.menu}:\\d{1,3}$`);

/** A menu choice or button value: what to do, to which rule, at which version. */
export function encodeRuleValue(what: string, rule: string, version?: number): string {
  return version === undefined ? `${what}|${rule}` : `${what}|${rule}|${version}`;
}

const RULE_WHAT = ['edit', 'pause', 'resume', 'delete', 'history'] as const;
export type RuleMenuChoice = (typeof RULE_WHAT)[number];

export function decodeRuleValue(
  value: unknown,
): { what: RuleMenuChoice; rule: string; version?: number } | null {
  if (typeof value !== 'string' || value.length > 120) return null;
  const [what, rule, version, extra] = value.split('|');
  const choice = RULE_WHAT.find((w) => w === what);
  if (!choice || !rule || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(rule) || extra !== undefined) return null;
  if (version === undefined) return { what: choice, rule };
  return /^\d{1,9}$/.test(version) ? { what: choice, rule, version: Number(version) } : null;
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

function menuOf(status: RuleStatus, keeping: RuleKeeping, index: number): SectionBlock['accessory'] {
  const choice = (text: string, what: string, version?: number) => ({
    text: { type: 'plain_text' as const, text },
    value: encodeRuleValue(what, status.rule, version),
  });
  return {
    type: 'overflow',
    action_id: ruleMenuId(index),
    options: [
      choice('Edit', 'edit'),
      keeping.paused ? choice('Resume', 'resume') : choice('Pause', 'pause'),
      choice('Delete…', 'delete', keeping.version),
      choice('History', 'history'),
    ],
  };
}

function lineOf(status: RuleStatus, keeping: RuleKeeping | undefined): string {
  const line = describe(status);
  if (keeping?.paused) return `:double_vertical_bar: *Paused* · ${line}`;
  return keeping?.origin === 'file' ? `${line} · _from the rules file_` : line;
}

/** Rules shown one per section, within Slack's 50 blocks and ~12,000 characters per message. */
const MAX_SHOWN = 40;

/**
 * The `/backup-jobs alerts` answer: every rule with its state, problems first; a rule made in Slack
 * has a menu (Edit, Pause or Resume, Delete, History), one from the rules file says so.
 */
export function alertStatusList(
  statuses: readonly RuleStatus[],
  keeping: ReadonlyMap<string, RuleKeeping> = new Map(),
): SlackMessage {
  const firing = statuses.filter((s) => s.state === 'FIRING').length;
  const order: RuleStatusState[] = ['ERROR', 'FIRING', 'MUTED', 'UNKNOWN', 'OK'];
  const sorted = [...statuses].sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
  const summary =
    statuses.length === 0
      ? 'No alert rules yet'
      : `${statuses.length} alert rule${statuses.length === 1 ? '' : 's'}, ${firing} firing`;
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Alert rules' } }];
  if (statuses.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'No alert rules yet. *New rule* makes one here, or an admin can list them in ALERT_RULES_FILE.',
      },
    });
  }
  let budget = 10_000;
  let shown = 0;
  for (const status of sorted.slice(0, MAX_SHOWN)) {
    const kept = keeping.get(status.rule);
    const text = lineOf(status, kept).slice(0, 2900);
    if (text.length > budget) break;
    budget -= text.length;
    shown += 1;
    const accessory = kept?.origin === 'slack' ? menuOf(status, kept, shown) : undefined;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text }, ...(accessory ? { accessory } : {}) });
  }
  if (shown < statuses.length) {
    const more = `${statuses.length - shown} more rules not shown (problems are listed first)`;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more }] });
  }
  blocks.push({
    type: 'actions',
    block_id: 'bj_rule_buttons',
    elements: [
      {
        type: 'button',
        action_id: RULE_ACTIONS.create,
        text: { type: 'plain_text', text: 'New rule' },
        style: 'primary',
        value: 'new',
      },
      {
        type: 'button',
        action_id: RULE_ACTIONS.history,
        text: { type: 'plain_text', text: 'History' },
        value: 'history',
      },
    ],
  });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Mute with `/backup-jobs alerts mute <rule> 1h`, unmute with `/backup-jobs alerts unmute <rule>`, try one with `/backup-jobs alerts test <rule>`. `/backup-jobs alerts new` makes a rule.',
      },
    ],
  });
  return { text: summary, blocks };
}
