// What the user does that goes to the app: slash commands and clicks on Block Kit elements.
import { postJson } from './api.js';
import { store } from './state.js';

/** What Slack tells a user whose click the app did not acknowledge. */
export const CLICK_ERRORS = {
  operation_timeout:
    'The app did not answer within 3 seconds (operation_timeout), so Slack gave up on this click.',
  dispatch_failed: 'The app could not be reached (dispatch_failed).',
};

/** `list()` gives the message list, to bring answers into view and to show click problems. */
export function createActions(list) {
  /** Sends a click on `element` of `message`; resolves when the app acknowledged it. */
  async function act(message, element, blockId, extra) {
    store.clickErrors.delete(message.id);
    list().follow();
    let problem;
    try {
      const payload = {
        user: store.user,
        messageId: message.id,
        actionId: element.action_id,
        blockId,
        ...extra,
      };
      const { body } = await postJson('/click', payload);
      if (!body.ok) problem = body.detail ?? body.error;
      else if (body.error) problem = CLICK_ERRORS[body.error] ?? body.error;
    } catch {
      problem = 'The playground server did not answer.';
    }
    if (problem) store.clickErrors.set(message.id, problem);
    if (problem || store.messages.has(message.id)) list().render();
  }

  /** Sends a slash command as typed; resolves with a problem to show, or undefined. */
  async function send(text) {
    list().follow();
    try {
      const { body } = await postJson('/command', { channel: store.channel, user: store.user, text });
      // A command the app failed to acknowledge shows as Slack's own notice, sent as an event.
      return body.ok ? undefined : `The command was not sent (${body.error}).`;
    } catch {
      return 'The playground server did not answer.';
    }
  }

  return { act, send };
}
