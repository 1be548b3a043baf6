import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { checkAccess } from '../middleware/access.js';
import { rejectFutureStamps } from '../middleware/replay.js';
import { registerActions } from './actions.js';
import { registerCommand } from './command.js';
import { registerEvents } from './events.js';
import { registerRuleView } from './rule-view.js';
import { registerUnused } from './unused.js';
import { registerViews } from './views.js';

/**
 * The middleware every request passes (after the payload check at the receiver, see
 * `validatingApp`), in order, then the listeners by surface.
 */
export function registerListeners(app: App, deps: BotDeps) {
  app.use(rejectFutureStamps(deps));
  app.use(checkAccess(deps));
  registerCommand(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerRuleView(app, deps);
  registerEvents(app, deps);
  registerUnused(app);
}
