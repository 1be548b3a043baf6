import type { App } from '@slack/bolt';
import { noteHomeViewer } from '../../work/home-refresh.js';
import type { BotDeps } from '../deps.js';
import { publishHome } from '../home.js';

/**
 * The App Home, opened: published afresh for the person who looks (Bolt has acknowledged the event
 * already, so Slack does not deliver it again), who is noted so that alert changes of the next
 * day refresh it too. Someone outside ALLOWED_USER_IDS gets no Home.
 */
export function registerEvents(app: App, deps: BotDeps) {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    const users = deps.config.access.userIds;
    if (users.length > 0 && !users.includes(event.user)) return;
    await noteHomeViewer(deps.redis, deps.config.redis.prefix, event.user, deps.now().getTime()).catch(
      (err: unknown) => deps.logger.debug({ err }, 'Home viewer not noted'),
    );
    await publishHome(deps, event.user);
  });
}
