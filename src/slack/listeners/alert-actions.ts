import type { App } from '@slack/bolt';
import { ALERT_ACTIONS, decodeAlertValue, MUTE_DURATIONS_MS } from '../../blocks/alert-actions.js';
import type { BotDeps } from '../deps.js';
import { renderPage } from '../show-list.js';
import { onClick } from './click.js';

const refused = {
  text: 'That alert button is not valid any more.',
  response_type: 'ephemeral',
  replace_original: false,
};
const noAlerts = {
  text: 'Alerts are not set up for this app.',
  response_type: 'ephemeral',
  replace_original: false,
};

/** The buttons of alert messages: Show jobs, Acknowledge, Mute 1h / 8h / 24h, Unmute. */
export function registerAlertActions(app: App, deps: BotDeps) {
  onClick(app, deps, ALERT_ACTIONS.showJobs, 'alert_show_jobs', async (ctx, value) => {
    const target = decodeAlertValue(value);
    if (!target) return refused;
    if (!deps.alerts) return noAlerts;
    const query = deps.alerts.ruleToListQuery(target.rule, deps.now());
    const timeZone = await deps.zones.zoneOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
    const view = await deps.pager.open(
      { teamId: ctx.teamId, channelId: ctx.channelId, userId: ctx.userId, visibility: 'ephemeral' },
      { ...query, visibility: 'ephemeral' },
      timeZone,
    );
    return renderPage(deps, view, { replaceOriginal: false });
  });
  onClick(app, deps, ALERT_ACTIONS.acknowledge, 'alert_ack', async (ctx, value) => {
    const target = decodeAlertValue(value);
    if (!target) return refused;
    if (!deps.alerts) return noAlerts;
    await deps.alerts.acknowledge(target.rule, target.incidentId, ctx.userId);
    return null;
  });
  for (const actionId of [ALERT_ACTIONS.mute1h, ALERT_ACTIONS.mute8h, ALERT_ACTIONS.mute24h]) {
    onClick(app, deps, actionId, 'alert_mute', async (ctx, value) => {
      const target = decodeAlertValue(value);
      if (!target) return refused;
      if (!deps.alerts) return noAlerts;
      await deps.alerts.mute(
        target.rule,
        deps.now().getTime() + (MUTE_DURATIONS_MS[actionId] ?? 3_600_000),
        ctx.userId,
      );
      return null;
    });
  }
  onClick(app, deps, ALERT_ACTIONS.unmute, 'alert_unmute', async (ctx, value) => {
    const target = decodeAlertValue(value);
    if (!target) return refused;
    if (!deps.alerts) return noAlerts;
    await deps.alerts.unmute(target.rule, ctx.userId);
    return null;
  });
}
