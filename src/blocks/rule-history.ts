import type { KnownBlock } from '@slack/types';
import { escapeText, slackTime } from './alert-format.js';
import { RULE_ACTIONS } from './alert-status.js';
import type { SlackMessage } from './limits.js';

/** One change of a rule as the history shows it: who, when, what, and its fields before and after. */
export interface RuleChangeView {
  rule: string;
  action: 'create' | 'update' | 'pause' | 'resume' | 'delete';
  by: string;
  /** Epoch ms. */
  at: number;
  version: number;
  before?: Readonly<Record<string, unknown>> | undefined;
  after?: Readonly<Record<string, unknown>> | undefined;
}

const VERB: Record<RuleChangeView['action'], string> = {
  create: ':sparkles: created',
  update: ':pencil2: changed',
  pause: ':double_vertical_bar: paused',
  resume: ':arrow_forward: resumed',
  delete: ':wastebasket: deleted',
};

function shown(value: unknown): string {
  if (value === undefined) return '—';
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return `\`${escapeText(text, 120)}\``;
}

/** The fields that differ between two versions of a rule, as `field: before → after`. */
export function fieldChanges(
  before: Readonly<Record<string, unknown>> = {},
  after: Readonly<Record<string, unknown>> = {},
): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => `${f}: ${shown(before[f])} → ${shown(after[f])}`);
}

function lineOf(change: RuleChangeView): string {
  const head = `${VERB[change.action]} *${change.rule}* by <@${change.by}> ${slackTime(change.at)} · version ${change.version}`;
  if (change.action !== 'update' && change.action !== 'create') return head;
  const fields = fieldChanges(change.before, change.after);
  return fields.length === 0 ? head : `${head}\n${fields.map((f) => `    ${f}`).join('\n')}`;
}

/** Changes shown: Slack's 50 blocks, with room for the heading and the note. */
const MAX_SHOWN = 40;

/** `/backup-jobs alerts history [rule]`: who changed which rule, when, and what changed, newest first. */
export function ruleHistoryMessage(changes: readonly RuleChangeView[], rule?: string): SlackMessage {
  const title = rule === undefined ? 'Alert rule changes' : `Changes of ${rule}`;
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } }];
  if (changes.length === 0) {
    const none =
      rule === undefined
        ? 'No rule has been made or changed in Slack yet. Rules from the rules file change with the file.'
        : `*${rule}* has no changes made in Slack. A rule from the rules file changes with the file.`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: none } });
    return { text: title, blocks };
  }
  for (const change of changes.slice(0, MAX_SHOWN))
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lineOf(change).slice(0, 2900) } });
  if (changes.length > MAX_SHOWN)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${changes.length - MAX_SHOWN} older changes not shown.` }],
    });
  return { text: `${title}: ${changes.length} change${changes.length === 1 ? '' : 's'}`, blocks };
}

/** The question before a rule is deleted, with a Delete button that asks once more. */
export function confirmDeleteMessage(rule: string, version: number, value: string): SlackMessage {
  const text = `Delete the alert rule *${rule}*? Its schedule stops and its open alert, if any, is no longer updated. Its history is kept.`;
  return {
    text: `Delete the alert rule ${rule}?`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: RULE_ACTIONS.remove,
            style: 'danger',
            text: { type: 'plain_text', text: 'Delete' },
            value,
            confirm: {
              title: { type: 'plain_text', text: 'Delete this rule?' },
              text: { type: 'mrkdwn', text: `*${rule}* (version ${version}) will stop alerting.` },
              confirm: { type: 'plain_text', text: 'Delete' },
              deny: { type: 'plain_text', text: 'Keep it' },
              style: 'danger',
            },
          },
        ],
      },
    ],
  };
}
