import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { WindowCount } from '../backup/count.js';
import { formatDuration } from '../time/duration.js';
import { ACTION, encodeQueryValue, indexedActionId } from './actions.js';
import { ALERT_ACTIONS, encodeAlertValue } from './alert-actions.js';
import {
  type AlertRuleKind,
  countedWhat,
  escapeText,
  mentionMarkup,
  slackTime,
  stateWord,
  topLines,
} from './alert-format.js';
import { actions as actionsBlock, button, context, fieldsSection, header, section } from './kit.js';
import type { SlackMessage } from './limits.js';

/** The counts an alert message shows: a window count without its call count. */
export type AlertCounts = Omit<WindowCount, 'calls'>;

/** Everything the alert message of one incident shows. Times are epoch ms. */
export interface AlertMessageView {
  rule: {
    name: string;
    /** What the rule watches: the jobs of a kind (absent means backup), or `stale` resources. */
    kind?: AlertRuleKind | undefined;
    states: readonly string[];
    threshold: number;
    /** A stale rule's is its maxAge. */
    window: number;
    /** A stale rule that watches copies to other Regions and accounts. */
    copies?: boolean | undefined;
    mention?: string | undefined;
  };
  /** What the Show button of a stale rule runs, as typed: `stale 1d 2h type:RDS`. */
  staleQuery?: string | undefined;
  incidentId: string;
  since: number;
  resolvedAt?: number | undefined;
  peak: number;
  count: AlertCounts;
  ack?: { by: string; at: number } | undefined;
  mute?: { until: number; by: string } | undefined;
  /** A sample sent by `alerts test`: marked as such, without buttons that change state. */
  test?: boolean;
}

/** Show jobs, or for a stale rule the `stale` question that lists its resources. */
function showButton(view: AlertMessageView, value: string): Button {
  if (view.staleQuery === undefined)
    return button({ text: 'Show jobs', actionId: ALERT_ACTIONS.showJobs, value, style: 'primary' });
  return button({
    text: 'Show stale resources',
    actionId: indexedActionId(ACTION.runAgain, 0),
    value: encodeQueryValue(view.staleQuery),
    style: 'primary',
  });
}

function actions(view: AlertMessageView): ActionsBlock {
  const value = encodeAlertValue({ rule: view.rule.name, incidentId: view.incidentId });
  const elements: Button[] = [showButton(view, value)];
  if (!view.test && view.resolvedAt === undefined) {
    if (!view.ack) elements.push(button({ text: 'Acknowledge', actionId: ALERT_ACTIONS.acknowledge, value }));
    if (view.mute) elements.push(button({ text: 'Unmute', actionId: ALERT_ACTIONS.unmute, value }));
    else {
      elements.push(button({ text: 'Mute 1h', actionId: ALERT_ACTIONS.mute1h, value }));
      elements.push(button({ text: 'Mute 8h', actionId: ALERT_ACTIONS.mute8h, value }));
      elements.push(button({ text: 'Mute 24h', actionId: ALERT_ACTIONS.mute24h, value }));
    }
  }
  return actionsBlock(elements, 'bj_alert_actions');
}

function headline(view: AlertMessageView): string {
  const { rule, count } = view;
  const what = `${countedWhat(rule, count.total)} in the last ${formatDuration(rule.window)}`;
  if (view.resolvedAt !== undefined) {
    return `Resolved after ${formatDuration(view.resolvedAt - view.since)}: ${what} (threshold ${rule.threshold}, peak ${view.peak}).`;
  }
  return `*${what}*, at or above the threshold of ${rule.threshold}. Firing since ${slackTime(view.since)}.`;
}

function notes(view: AlertMessageView): string[] {
  const lines: string[] = [];
  const verb = view.rule.kind === 'stale' ? 'could not be read' : 'could not be counted';
  for (const failed of view.count.failedRegions.slice(0, 5)) {
    lines.push(`:warning: ${escapeText(failed.region, 40)} ${verb}: ${escapeText(failed.reason, 150)}`);
  }
  if (view.ack) lines.push(`:eyes: Acknowledged by <@${view.ack.by}> ${slackTime(view.ack.at)}`);
  if (view.mute) lines.push(`:no_bell: Muted until ${slackTime(view.mute.until)} by <@${view.mute.by}>`);
  return lines;
}

/** Where the jobs are, by state, account, region and type, then their reasons and resources. */
function jobsBody(count: AlertCounts): KnownBlock[] {
  const blocks: KnownBlock[] = [
    fieldsSection([
      `*By state*\n${topLines(count.byState, 5, stateWord)}`,
      `*By account*\n${topLines(count.byAccount)}`,
      `*By region*\n${topLines(count.byRegion)}`,
      `*By resource type*\n${topLines(count.byResourceType)}`,
    ]),
  ];
  const reasons = count.topReasons.slice(0, 5).map((r) => `• ${escapeText(r.reason, 150)} (${r.count})`);
  const resources = count.topResources.slice(0, 5).map((r) => `• ${escapeText(r.name, 100)} (${r.count})`);
  if (reasons.length > 0) blocks.push(section(`*Most common reasons*\n${reasons.join('\n')}`));
  if (resources.length > 0) blocks.push(section(`*Most affected resources*\n${resources.join('\n')}`));
  return blocks;
}

/** Where the stale resources are, the first ten with their age, and what their last jobs said. */
function staleBody(view: AlertMessageView): KnownBlock[] {
  const { count } = view;
  const blocks: KnownBlock[] = [
    fieldsSection([
      `*By account*\n${topLines(count.byAccount)}`,
      `*By region*\n${topLines(count.byRegion)}`,
      `*By resource type*\n${topLines(count.byResourceType)}`,
    ]),
  ];
  const listed = count.topResources.slice(0, 10).map((r) => `• ${escapeText(r.name, 150)}`);
  const more = count.total - listed.length;
  if (more > 0) listed.push(`and ${more} more`);
  const title = view.rule.copies ? 'Resources without a recent copy' : 'Resources without a recent backup';
  if (listed.length > 0) blocks.push(section(`*${title}*\n${listed.join('\n')}`));
  const reasons = count.topReasons.slice(0, 5).map((r) => `• ${escapeText(r.reason, 150)} (${r.count})`);
  if (reasons.length > 0) blocks.push(section(`*Their last jobs*\n${reasons.join('\n')}`));
  return blocks;
}

/** The alert message of an incident: firing (updated in place while it lasts) or resolved. */
export function alertMessage(view: AlertMessageView): SlackMessage {
  const resolved = view.resolvedAt !== undefined;
  const title = view.test
    ? `TEST: sample alert for ${view.rule.name}`
    : `${resolved ? 'Resolved' : 'Alert'}: ${view.rule.name}`;
  // A test sample never pings anyone: people would answer an alert that is not real.
  const mention = !resolved && !view.test && view.rule.mention ? `${mentionMarkup(view.rule.mention)} ` : '';
  const { count } = view;
  const blocks: KnownBlock[] = [header(`${resolved ? '✅' : view.test ? '🧪' : '🔴'} ${title}`)];
  if (view.test) {
    blocks.push(
      context([
        '*This is a test sample* sent with `/backup-jobs alerts test`: the numbers below are made up.',
      ]),
    );
  }
  blocks.push(section(`${mention}${headline(view)}`));
  blocks.push(...(view.rule.kind === 'stale' ? staleBody(view) : jobsBody(count)));
  const lines = notes(view);
  if (lines.length > 0) blocks.push(context(lines));
  blocks.push(actions(view));
  blocks.push(context([`Rule \`${view.rule.name}\` · incident ${view.incidentId}`]));
  const verb = resolved ? 'Resolved' : view.test ? 'TEST sample' : 'Alert';
  const { rule } = view;
  const counted = countedWhat(rule, count.total, true);
  const text = `${mention}${verb} ${rule.name}: ${counted} in the last ${formatDuration(rule.window)} (threshold ${rule.threshold})`;
  return { text, blocks };
}
