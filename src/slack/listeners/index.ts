import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { registerAlertActions } from './alert-actions.js';
import { registerChartAction } from './chart-action.js';
import { registerCommand } from './command.js';
import { registerListActions } from './list-actions.js';
import { registerQueryActions } from './query-actions.js';

export function registerListeners(app: App, deps: BotDeps) {
  registerCommand(app, deps);
  registerListActions(app, deps);
  registerQueryActions(app, deps);
  registerChartAction(app, deps);
  registerAlertActions(app, deps);
}
