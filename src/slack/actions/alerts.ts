import { ALERT_ACTIONS, decodeAlertValue, MUTE_DURATIONS_MS } from '../../blocks/alert-actions.js';
import { formatDuration } from '../../time/duration.js';
import { type AlertControl, refuseAlertControl } from '../alert-access.js';
import type { BotDeps } from '../deps.js';
import { renderPage } from '../show-list.js';
import type { ClickAction } from './types.js';

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

/** A private line for whoever clicked, so that a mute or unmute never goes unconfirmed. */
function note(text: string) {
  return { text, response_type: 'ephemeral', replace_original: false };
}

type ControlRun = (
  alerts: NonNullable<BotDeps['alerts']>,
  target: NonNullable<ReturnType<typeof decodeAlertValue>>,
  ...rest: Parameters<ClickAction['run']>
) => Promise<object | null>;

/** The alert button's target and the alert service, or the refusal to answer with. */
function control(run: ControlRun): ClickAction['run'] {
  return async (deps, ctx, value, request) => {
    const target = decodeAlertValue(value);
    if (!target) return refused;
    if (!deps.alerts) return noAlerts;
    return run(deps.alerts, target, deps, ctx, value, request);
  };
}

/**
 * A control that changes the alert for everyone: only for those allowed (see alert-access.ts),
 * from the channel the clicked alert is in.
 */
function guarded(kind: AlertControl, run: ControlRun): ClickAction['run'] {
  return control(async (alerts, target, deps, ctx, value, request) => {
    const refusal = await refuseAlertControl(deps, ctx.log, {
      control: kind,
      rule: alerts.rule(target.rule),
      userId: ctx.userId,
      surface: request.home ? { kind: 'home' } : { kind: 'channel', channelId: ctx.channelId },
    });
    return refusal ?? run(alerts, target, deps, ctx, value, request);
  });
}

const mute = (actionId: string): ClickAction => ({
  match: actionId,
  name: 'alert_mute',
  changesState: true,
  run: guarded('mute', async (alerts, target, deps, ctx) => {
    const ms = MUTE_DURATIONS_MS[actionId] ?? 3_600_000;
    const untilMs = deps.now().getTime() + ms;
    await alerts.mute(target.rule, untilMs, ctx.userId);
    return note(
      `:no_bell: *${target.rule}* is muted for ${formatDuration(ms, 'words')} by <@${ctx.userId}>.`,
    );
  }),
});

/** The buttons of alert messages: Show jobs, Acknowledge, Mute 1h / 8h / 24h, Unmute. */
export const ALERT_CLICKS: readonly ClickAction[] = [
  {
    match: ALERT_ACTIONS.showJobs,
    name: 'alert_show_jobs',
    run: control(async (alerts, target, deps, ctx) => {
      const query = alerts.ruleToListQuery(target.rule, deps.now());
      const timeZone = await deps.zones.zoneOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
      const view = await deps.pager.open(
        { teamId: ctx.teamId, channelId: ctx.channelId, userId: ctx.userId, visibility: 'ephemeral' },
        { ...query, visibility: 'ephemeral' },
        timeZone,
      );
      return renderPage(deps, view, { replaceOriginal: false });
    }),
  },
  {
    match: ALERT_ACTIONS.acknowledge,
    name: 'alert_ack',
    changesState: true,
    run: guarded('ack', async (alerts, target, _deps, ctx) => {
      await alerts.acknowledge(target.rule, target.incidentId, ctx.userId);
      return null;
    }),
  },
  mute(ALERT_ACTIONS.mute1h),
  mute(ALERT_ACTIONS.mute8h),
  mute(ALERT_ACTIONS.mute24h),
  {
    match: ALERT_ACTIONS.unmute,
    name: 'alert_unmute',
    changesState: true,
    run: guarded('unmute', async (alerts, target, _deps, ctx) => {
      await alerts.unmute(target.rule, ctx.userId);
      return note(`:bell: *${target.rule}* is unmuted by <@${ctx.userId}>.`);
    }),
  },
];
