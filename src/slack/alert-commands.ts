import type { AlertService } from '../alerts/service.js';
import { alertStatusList } from '../blocks/alert-status.js';
import { errorMessage } from '../blocks/index.js';
import type { AlertsQuery } from '../query/types.js';
import type { BotDeps, RequestContext } from './deps.js';

export type AlertCommands = AlertService;

function durationWords(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 24 && hours % 24 === 0) return `${hours / 24} day${hours === 24 ? '' : 's'}`;
  if (hours >= 1 && Number.isInteger(hours)) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.round(ms / 60_000)} minutes`;
}

/** `/backup-jobs alerts [mute|unmute|test …]`: the rules with their state, and their controls. */
export async function runAlertsCommand(deps: BotDeps, ctx: RequestContext, query: AlertsQuery) {
  const alerts = deps.alerts;
  if (!alerts) {
    return errorMessage({
      message: 'Alerts are not set up for this app.',
      remedy: 'An admin can enable them by setting ALERT_RULES_FILE for the bot and running the worker.',
    });
  }
  switch (query.action) {
    case 'list':
      return alertStatusList(await alerts.listStatuses());
    case 'mute': {
      await alerts.mute(query.rule, deps.now().getTime() + query.durationMs, ctx.userId);
      return confirmation(
        `:no_bell: *${query.rule}* is muted for ${durationWords(query.durationMs)} by <@${ctx.userId}>.`,
      );
    }
    case 'unmute':
      await alerts.unmute(query.rule, ctx.userId);
      return confirmation(`:bell: *${query.rule}* is unmuted by <@${ctx.userId}>.`);
    case 'test':
      await alerts.sendTest(query.rule);
      return confirmation(`:test_tube: A sample alert of *${query.rule}* was posted to its channel.`);
  }
}

function confirmation(text: string) {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
