import type { AlertService } from '../alerts/service.js';
import { alertStatusList } from '../blocks/alert-status.js';
import { errorMessage } from '../blocks/index.js';
import type { AlertsQuery } from '../query/types.js';
import { formatDuration } from '../time/duration.js';
import { type AlertControl, refuseAlertControl } from './alert-access.js';
import type { BotDeps, RequestContext } from './deps.js';
import { keepingOf, ruleSourceOf } from './rule-admin.js';
import { runRuleCommand } from './rule-commands.js';

export type AlertCommands = AlertService;

/** The refusal when the person may not change `rule` from the channel the command was typed in. */
function refuse(
  deps: BotDeps,
  ctx: RequestContext,
  alerts: AlertService,
  control: AlertControl,
  rule: string,
) {
  return refuseAlertControl(deps, ctx.log, {
    control,
    rule: alerts.rule(rule),
    userId: ctx.userId,
    surface: { kind: 'channel', channelId: ctx.channelId },
  });
}

/** `/backup-jobs alerts [new|edit|pause|resume|delete|history|mute|unmute|test …]`. */
export async function runAlertsCommand(
  deps: BotDeps,
  ctx: RequestContext,
  query: AlertsQuery,
): Promise<object | null> {
  const alerts = deps.alerts;
  if (!alerts) {
    return errorMessage({
      message: 'Alerts are not set up for this app.',
      remedy: 'An admin can enable them by running the worker beside the bot on the same Redis.',
    });
  }
  switch (query.action) {
    case 'list':
      return alertStatusList(await alerts.listStatuses(), keepingOf(ruleSourceOf(deps).current()));
    case 'new':
    case 'edit':
    case 'pause':
    case 'resume':
    case 'delete':
    case 'history':
      return runRuleCommand(deps, ctx, query);
    case 'mute': {
      const refusal = await refuse(deps, ctx, alerts, 'mute', query.rule);
      if (refusal) return refusal;
      const untilMs = deps.now().getTime() + query.durationMs;
      await alerts.mute(query.rule, untilMs, ctx.userId);
      return confirmation(
        `:no_bell: *${query.rule}* is muted for ${formatDuration(query.durationMs, 'words')} by <@${ctx.userId}>.`,
      );
    }
    case 'unmute': {
      const refusal = await refuse(deps, ctx, alerts, 'unmute', query.rule);
      if (refusal) return refusal;
      await alerts.unmute(query.rule, ctx.userId);
      return confirmation(`:bell: *${query.rule}* is unmuted by <@${ctx.userId}>.`);
    }
    case 'test':
      await alerts.sendTest(query.rule);
      return confirmation(`:test_tube: A sample alert of *${query.rule}* was posted to its channel.`);
  }
}

export function confirmation(text: string) {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
