// What the user does in a modal or the Home tab: clicks (block_actions with the view), submit, close,
// and opening a tab of the app. Each resolves with a problem to show, or undefined.

import { CLICK_ERRORS } from './actions.js';
import { postJson } from './api.js';
import { store } from './state.js';

const UNREACHABLE = 'The playground server did not answer.';

async function send(path, payload) {
  try {
    return await postJson(path, payload);
  } catch {
    return { body: { ok: false, detail: UNREACHABLE } };
  }
}

function problemOf(body) {
  if (!body.ok) return body.detail ?? body.error;
  if (body.error) return CLICK_ERRORS[body.error] ?? body.error;
  return undefined;
}

/**
 * A click on `el` in `view`, with what the view's inputs hold (Slack sends the view's state);
 * `selectedOption` for an overflow menu's item.
 */
export async function clickInView(view, el, blockId, values, selectedOption) {
  const payload = {
    user: store.user,
    viewId: view.id,
    actionId: el.action_id,
    blockId,
    values,
    selectedOption,
  };
  return problemOf((await send('/click', payload)).body);
}

/**
 * The submit button. Errors under the fields and the next view arrive on the event stream; what
 * comes back here is a problem Slack shows over the whole modal: no answer in time, or an answer
 * Slack would not take (the modal then stays as it was).
 */
export async function submitView(view, values) {
  const { body } = await send('/view-submit', { user: store.user, viewId: view.id, values });
  if (!body.ok) return body.detail ?? body.error;
  if (body.error)
    return `We had some trouble connecting. Try again? ${CLICK_ERRORS[body.error] ?? body.error}`;
  if (body.refused) return `Slack could not use the app's answer: ${body.refused}`;
  return undefined;
}

/** Back or the close button (`all` false), or the × (`all` true). */
export async function closeView(view, all) {
  return problemOf((await send('/view-close', { user: store.user, viewId: view.id, all })).body);
}

/** The user opened the app's Home or Messages tab: Slack tells the app with app_home_opened. */
export async function appHomeOpened(tab) {
  return problemOf((await send('/home-open', { user: store.user, tab })).body);
}
