import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { registerAlertActions } from './alert-actions.js';
import { registerChartAction } from './chart-action.js';
import { registerCommand } from './command.js';
import type { InFlight } from './inflight.js';
import { registerListActions } from './list-actions.js';
import { registerQueryActions } from './query-actions.js';

export function registerListeners(app: App, deps: BotDeps, inFlight: InFlight) {
  registerCommand(app, deps, inFlight);
  registerListActions(app, deps, inFlight);
  registerQueryActions(app, deps, inFlight);
  registerChartAction(app, deps, inFlight);
  registerAlertActions(app, deps, inFlight);
}
