import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { checkAccess } from '../middleware/access.js';
import { rejectReplays } from '../middleware/replay.js';
import { validatePayload } from '../middleware/validate.js';
import { registerActions } from './actions.js';
import { registerCommand } from './command.js';
import { registerUnused } from './unused.js';

/** The middleware every request passes, in order, then the listeners by surface. */
export function registerListeners(app: App, deps: BotDeps) {
  app.use(rejectReplays(deps));
  app.use(validatePayload(deps));
  app.use(checkAccess(deps));
  registerCommand(app, deps);
  registerActions(app, deps);
  registerUnused(app);
}
