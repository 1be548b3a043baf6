import type { ActionsBlockElement, HomeView, KnownBlock } from '@slack/types';
import { formatDuration } from '../time/duration.js';
import { ACTION, encodeQueryValue, indexedActionId } from './actions.js';
import { ALERT_ACTIONS, encodeAlertValue } from './alert-actions.js';
import { slackTime } from './alert-format.js';
import {
  encodeRuleValue,
  RULE_ACTIONS,
  type RuleKeeping,
  type RuleStatus,
  ruleMenuId,
} from './alert-status.js';
import { actions, button, context, divider, header, section } from './kit.js';

/** A rule on the Home tab: its state, how often it runs, and the incident it fires, if any. */
export interface HomeRule {
  status: RuleStatus;
  keeping: RuleKeeping;
  every: number;
  /** The firing incident's id: Acknowledge and Mute act on it. */
  incidentId?: string | undefined;
}

/** The last 24 hours at a glance: jobs by state, and by account and Region. */
export interface HomeGlance {
  byState: Readonly<Record<string, number>>;
  byPlace: readonly { account: string; region: string; failed: number; total: number }[];
  /** Resources with no good backup in 26 hours, from coverage's kept state; undefined if unknown. */
  stale?: number | undefined;
  /** Why some numbers are missing (a Region that did not answer). */
  problems: readonly string[];
}

export interface HomeInput {
  rules: readonly HomeRule[];
  glance?: HomeGlance | undefined;
  /** Why the glance could not be read at all. */
  glanceProblem?: string | undefined;
  /** Whether this person may make and change rules. */
  admin: boolean;
  /** Epoch ms the view was built at. */
  at: number;
}

/** The common questions, one click each; answers arrive in the app's Messages tab. */
export const HOME_QUERIES = ['failed last 24h', 'summary 7d', 'stale 26h', 'coverage', 'running pending 24h'];

const MAX_BLOCKS = 100;

function incidentBlocks(rule: HomeRule): KnownBlock[] {
  const s = rule.status;
  const value = encodeAlertValue({ rule: s.rule, incidentId: rule.incidentId ?? '' });
  const since = s.firingSince === undefined ? '' : ` since ${slackTime(s.firingSince)}`;
  const ack = s.acknowledgedBy ? ` · acknowledged by <@${s.acknowledgedBy}>` : '';
  const text = `:red_circle: *${s.rule}* → <#${s.channel}>: ${s.lastCount ?? '?'} (threshold ${s.threshold})${since}${ack}`;
  const buttons: ActionsBlockElement[] = [];
  if (rule.incidentId && !s.acknowledgedBy)
    buttons.push(
      button({ text: 'Acknowledge', actionId: ALERT_ACTIONS.acknowledge, value, style: 'primary' }),
    );
  if (rule.incidentId) {
    buttons.push(button({ text: 'Mute 1h', actionId: ALERT_ACTIONS.mute1h, value }));
    buttons.push(button({ text: 'Mute 24h', actionId: ALERT_ACTIONS.mute24h, value }));
  }
  return buttons.length > 0 ? [section(text), actions(buttons)] : [section(text)];
}

function muteBlocks(rule: HomeRule): KnownBlock[] {
  const s = rule.status;
  const until = s.mutedUntil === undefined ? '' : ` until ${slackTime(s.mutedUntil)}`;
  const value = encodeAlertValue({ rule: s.rule, incidentId: rule.incidentId ?? 'none' });
  return [
    section(
      `:no_bell: *${s.rule}* is muted${until}`,
      undefined,
      button({ text: 'Unmute', actionId: ALERT_ACTIONS.unmute, value }),
    ),
  ];
}

function ruleLine(rule: HomeRule, at: number): string {
  const s = rule.status;
  const state = rule.keeping.paused ? 'PAUSED' : s.state;
  const last = s.lastEvaluatedAt === undefined ? 'not evaluated yet' : `last ${slackTime(s.lastEvaluatedAt)}`;
  const next =
    rule.keeping.paused || s.lastEvaluatedAt === undefined
      ? ''
      : ` · next ${slackTime(Math.max(at, s.lastEvaluatedAt + rule.every))}`;
  const from = rule.keeping.origin === 'file' ? ' · _from the rules file_' : '';
  return `*${s.rule}* \`${s.kind}\` → <#${s.channel}>: *${state}* · every ${formatDuration(rule.every)} · ${last}${next}${from}`;
}

/** A rule's line and, for an admin and a rule made in Slack, Edit, Pause or Resume, and Delete. */
function ruleBlocks(rule: HomeRule, index: number, at: number, admin: boolean): KnownBlock[] {
  const line = section(ruleLine(rule, at).slice(0, 2900));
  if (!admin || rule.keeping.origin !== 'slack') return [line];
  const name = rule.status.rule;
  const pause = rule.keeping.paused ? 'resume' : 'pause';
  return [
    line,
    actions([
      button({ text: 'Edit', actionId: ruleMenuId(index * 3), value: encodeRuleValue('edit', name) }),
      button({
        text: rule.keeping.paused ? 'Resume' : 'Pause',
        actionId: ruleMenuId(index * 3 + 1),
        value: encodeRuleValue(pause, name),
      }),
      button({
        text: 'Delete…',
        actionId: ruleMenuId(index * 3 + 2),
        value: encodeRuleValue('delete', name, rule.keeping.version),
        style: 'danger',
      }),
    ]),
  ];
}

function glanceBlocks(input: HomeInput): KnownBlock[] {
  const out: KnownBlock[] = [header('Last 24 hours')];
  const g = input.glance;
  if (!g) {
    out.push(section(`:warning: ${input.glanceProblem ?? 'The last 24 hours could not be read.'}`));
    return out;
  }
  const states = Object.entries(g.byState)
    .sort(([, a], [, b]) => b - a)
    .map(([state, n]) => `${state} ${n}`);
  out.push(section(states.length > 0 ? states.join(' · ') : 'No backup jobs in the last 24 hours.'));
  const places = g.byPlace
    .slice(0, 12)
    .map((p) => `• \`${p.account}\` ${p.region}: ${p.failed} failed of ${p.total}`);
  if (places.length > 0) out.push(section(places.join('\n')));
  if (g.stale !== undefined)
    out.push(
      section(
        `${g.stale === 0 ? ':large_green_circle:' : ':warning:'} ${g.stale} resources with no good backup in 26 hours`,
      ),
    );
  if (g.problems.length > 0) out.push(context(g.problems.slice(0, 5).map((p) => `:warning: ${p}`)));
  return out;
}

/**
 * The app's Home tab: open incidents with Acknowledge and Mute, active mutes with Unmute, every
 * rule with its state, last and next evaluation (Edit for rules made in Slack), the last 24 hours
 * at a glance, and the common questions as buttons.
 */
export function homeView(input: HomeInput): HomeView {
  const firing = input.rules.filter((r) => r.status.state === 'FIRING' && !r.keeping.paused);
  const muted = input.rules.filter((r) => r.status.state === 'MUTED');
  const blocks: KnownBlock[] = [
    header('Backup jobs'),
    section('Ask in any channel with `/backup-jobs`, or click a question: answers arrive in Messages.'),
    actions(
      HOME_QUERIES.map((q, i) =>
        button({ text: q, actionId: indexedActionId(ACTION.runAgain, i), value: encodeQueryValue(q) }),
      ),
    ),
    divider(),
    header(`Open incidents (${firing.length})`),
  ];
  if (firing.length === 0) blocks.push(section(':large_green_circle: Nothing is firing.'));
  for (const rule of firing.slice(0, 10)) blocks.push(...incidentBlocks(rule));
  if (muted.length > 0) {
    blocks.push(header(`Muted (${muted.length})`));
    for (const rule of muted.slice(0, 10)) blocks.push(...muteBlocks(rule));
  }
  blocks.push(divider(), ...glanceBlocks(input), divider(), header(`Alert rules (${input.rules.length})`));
  // Two blocks a rule at most, and room kept for the last three.
  const room = Math.floor((MAX_BLOCKS - blocks.length - 3) / 2);
  for (const [i, rule] of input.rules.slice(0, room).entries())
    blocks.push(...ruleBlocks(rule, i, input.at, input.admin));
  if (input.rules.length > room)
    blocks.push(context([`${input.rules.length - room} more rules: /backup-jobs alerts lists them all.`]));
  if (input.admin)
    blocks.push(
      actions([button({ text: 'New rule', actionId: RULE_ACTIONS.create, value: 'new', style: 'primary' })]),
    );
  blocks.push(context([`Updated ${slackTime(input.at)}`]));
  return { type: 'home', blocks };
}
