import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { checkAccess } from '../middleware/access.js';
import { registerActions } from './actions.js';
import { registerCommand } from './command.js';
import { registerEvents } from './events.js';
import { registerRuleView } from './rule-view.js';
import { registerUnused } from './unused.js';
import { registerViews } from './views.js';

/**
 * The middleware every request passes (after the payload check at the receiver, see
 * `validatingApp`), in order, then the listeners by surface.
 *
 * Replays need no middleware nor store of their own: a request's key (the verified timestamp and
 * HMAC, or the envelope id) is its work's job id, and a job id the queue has seen in the last ten
 * minutes (Bolt accepts five) is not run again. Over HTTP, a stamp more than five minutes from now
 * either way is refused before its body is read (`http-guard.ts`). When Redis cannot take the work,
 * the request runs where it was received and checks itself (`WorkContext.checkReplay`).
 */
export function registerListeners(app: App, deps: BotDeps) {
  app.use(checkAccess(deps));
  registerCommand(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerRuleView(app, deps);
  registerEvents(app, deps);
  registerUnused(app);
}
