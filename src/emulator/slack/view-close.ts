import { type Delivered, deliver } from './deliver.js';
import { userOf } from './outbound.js';
import type { StandInState } from './state.js';
import type { StoredView } from './types.js';
import { viewClosedPayload } from './view-payloads.js';
import { topView } from './view-submit.js';

export interface CloseViewInput {
  user: string;
  /** @defaultValue the top of the user's stack */
  viewId?: string;
  /** The user closed the whole modal, not just this view (a view with `clear_on_close` does so too). */
  all?: boolean;
}

export interface ViewCloseResult {
  /** The views that left the screen, top first. */
  closed: StoredView[];
  /** Set when a view_closed went out: only for views opened with `notify_on_close: true`. */
  delivery?: Delivered;
}

/** The user presses the view's close button: Slack closes it at once and tells the app only if asked. */
export async function closeView(state: StandInState, input: CloseViewInput): Promise<ViewCloseResult> {
  const user = userOf(state, input.user);
  const view = topView(state, user.id, input.viewId, 'closeView');
  const isCleared = input.all === true || view.clearOnClose;
  const closed = isCleared ? state.views.clear(user.id) : state.views.pop(user.id);
  if (!view.notifyOnClose) return { closed };
  const payload = viewClosedPayload(state, { view, user, isCleared });
  return { closed, delivery: await deliver(state, { kind: 'interactive', payload }) };
}
