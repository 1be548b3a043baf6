import type { App } from '@slack/bolt';

/**
 * Interactions the app offers no surface for yet (a modal it did not open, a shortcut, an options
 * request): acknowledged at once so that Slack shows no error, and otherwise ignored.
 */
export function registerUnused(app: App) {
  // Not the app's own modals (callback_id bj_…): those have listeners of their own.
  app.view(/^(?!bj_)/, async ({ ack }) => {
    await ack();
  });
  app.shortcut(/.*/, async ({ ack }) => {
    await ack();
  });
  app.options(/.*/, async ({ ack }) => {
    await ack({ options: [] });
  });
}
