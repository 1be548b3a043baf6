import { replayUncheckedMessage } from '../../blocks/error-messages.js';
import type { BotDeps, RequestContext } from '../deps.js';
import { failureMessage, safeRespond } from '../failures.js';
import type { ClickRequest } from '../requests.js';
import { ALERT_CLICKS } from './alerts.js';
import { CHART_CLICK } from './chart.js';
import { COVERAGE_CLICKS } from './coverage.js';
import { LIST_ACTIONS } from './list.js';
import { QUERY_CLICKS } from './query.js';
import { RULE_CLICKS } from './rules.js';
import type { ClickAction } from './types.js';

/** Every button the app makes, by action_id. */
export const CLICK_ACTIONS: readonly ClickAction[] = [
  ...LIST_ACTIONS,
  ...QUERY_CLICKS,
  CHART_CLICK,
  ...ALERT_CLICKS,
  ...COVERAGE_CLICKS,
  ...RULE_CLICKS,
];

export function findClickAction(actionId: string): ClickAction | undefined {
  return CLICK_ACTIONS.find((a) =>
    typeof a.match === 'string' ? a.match === actionId : a.match.test(actionId),
  );
}

const ephemeral = { response_type: 'ephemeral', replace_original: false } as const;

/** Runs a click taken from the queue and answers with what its action returns; failures become a reply. */
export async function runClick(deps: BotDeps, ctx: RequestContext, request: ClickRequest): Promise<void> {
  const action = findClickAction(request.actionId);
  if (!action) {
    ctx.log.warn('click on an element this app does not know');
    await safeRespond(
      ctx.respond,
      { text: 'That button is not one of mine any more.', ...ephemeral },
      ctx.log,
    );
    return;
  }
  if (action.changesState && !(await ctx.checkReplay())) {
    await safeRespond(ctx.respond, { ...replayUncheckedMessage(), ...ephemeral }, ctx.log);
    return;
  }
  let message: object | null;
  try {
    message = await action.run(deps, ctx, request.value, request);
  } catch (err) {
    message = { ...failureMessage(err, ctx.log), ...ephemeral };
  }
  if (message) await ctx.respond(message as Record<string, unknown>);
}
