import { externalIdTaken, viewError } from './api/views.js';
import { type Delivered, deliver } from './deliver.js';
import { userOf } from './outbound.js';
import { ViewResponseAction } from './schemas.js';
import type { StandInState } from './state.js';
import type { StoredView } from './types.js';
import { viewFields } from './view-json.js';
import { viewSubmissionPayload } from './view-payloads.js';
import { enteredState, missingRequired, type ViewValues } from './view-state.js';

export interface SubmitViewInput {
  user: string;
  /** @defaultValue the top of the user's stack (the only view a user can submit) */
  viewId?: string;
  /** What the user entered, by block_id then action_id; input blocks left out are sent empty. */
  values?: ViewValues;
}

/** What Slack did with the app's answer to a view_submission. */
export interface ViewSubmitResult extends Delivered {
  /** The submission's trigger_id; '' when nothing was sent. */
  triggerId: string;
  /** False when Slack's client kept the submission back: a required input is empty (see `errors`). */
  sent: boolean;
  /** `close` for an empty answer; `none` when nothing was sent, the app failed, or Slack refused the answer. */
  action: 'close' | 'clear' | 'errors' | 'update' | 'push' | 'none';
  /** The errors shown under the input blocks, by block_id. */
  errors?: Record<string, string>;
  /** The submitted view left the screen. */
  closed: boolean;
  /** Why Slack refused the answer (the user sees a generic error and the modal stays as it was). */
  refused?: string;
}

/** The view a user can act on: the top of their stack (the ones below are hidden). */
export function topView(
  state: StandInState,
  user: string,
  viewId: string | undefined,
  verb: string,
): StoredView {
  const top = state.views.stack(user).at(-1);
  if (!top) throw new Error(`${verb}: ${user} has no modal open`);
  if (viewId !== undefined && viewId !== top.id) {
    const where = state.views.get(viewId) ? 'is under another view of the stack' : 'is not open';
    throw new Error(`${verb}: view ${viewId} ${where}`);
  }
  return top;
}

function parseAnswer(body: string): ViewResponseAction | 'close' | { refused: string } {
  if (body.trim() === '') return 'close';
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { refused: 'the answer is not JSON' };
  }
  if (typeof json !== 'object' || json === null || !('response_action' in json)) return 'close';
  const parsed = ViewResponseAction.safeParse(json);
  return parsed.success
    ? parsed.data
    : { refused: `invalid response_action: ${parsed.error.issues[0]?.message}` };
}

type Outcome = Pick<ViewSubmitResult, 'action' | 'closed' | 'errors' | 'refused'>;

/** `errors` may only name input blocks of the submitted view, as Slack requires. */
function showErrors(state: StandInState, view: StoredView, errors: Record<string, string>): Outcome {
  const inputs = new Set(view.blocks.filter((b) => b.type === 'input').map((b) => String(b.block_id)));
  const stray = Object.keys(errors).filter((id) => !inputs.has(id));
  if (Object.keys(errors).length === 0) return { action: 'none', closed: false, refused: 'errors is empty' };
  if (stray.length > 0) {
    return {
      action: 'none',
      closed: false,
      refused: `errors name no input block of the view: ${stray.join(', ')}`,
    };
  }
  state.views.setErrors(view.id, errors);
  return { action: 'errors', closed: false, errors };
}

/** A view in the answer (update, push) is checked like one given to views.update / views.push. */
function nextView(state: StandInState, raw: Record<string, unknown>, ownId?: string) {
  const bad = viewError(raw, 'modal');
  if (bad) {
    const messages = (bad.response_metadata as { messages?: string[] } | undefined)?.messages ?? [];
    return { refused: [bad.error, ...messages].join(' ') };
  }
  if (externalIdTaken(state, raw, ownId)) return { refused: 'duplicate_external_id' };
  return { fields: viewFields(raw) };
}

function applyAnswer(state: StandInState, view: StoredView, body: string): Outcome {
  const answer = parseAnswer(body);
  if (answer === 'close') {
    state.views.pop(view.user);
    return { action: 'close', closed: true };
  }
  if ('refused' in answer) return { action: 'none', closed: false, refused: answer.refused };
  if (answer.response_action === 'clear') {
    state.views.clear(view.user);
    return { action: 'clear', closed: true };
  }
  if (answer.response_action === 'errors') return showErrors(state, view, answer.errors);
  const next = nextView(state, answer.view, answer.response_action === 'update' ? view.id : undefined);
  if (!next.fields) return { action: 'none', closed: false, refused: next.refused };
  if (answer.response_action === 'update') state.views.replace(view.id, next.fields);
  else if (!state.views.push(view.user, next.fields)) {
    return { action: 'none', closed: false, refused: 'push_limit_reached' };
  }
  return { action: answer.response_action, closed: false };
}

/**
 * The user presses the modal's submit button: a view_submission with what they entered (signed HTTP,
 * or an `interactive` envelope over Socket Mode), then what the app's answer asks for.
 */
export async function submitView(state: StandInState, input: SubmitViewInput): Promise<ViewSubmitResult> {
  const user = userOf(state, input.user);
  const view = topView(state, user.id, input.viewId, 'submitView');
  view.state = enteredState(view, input.values ?? {});
  state.views.setState(view.id, view.state);
  const missing = missingRequired(view, view.state);
  if (Object.keys(missing).length > 0) {
    state.views.setErrors(view.id, missing);
    return {
      status: 0,
      body: '',
      ackMs: 0,
      triggerId: '',
      sent: false,
      action: 'none',
      errors: missing,
      closed: false,
    };
  }
  // what the user sees under the fields is the app's next answer, not the last one
  if (Object.keys(view.errors).length > 0) state.views.setErrors(view.id, {});
  const triggerId = state.triggers.issue(user.id);
  const payload = viewSubmissionPayload(state, { view, user, triggerId });
  const delivered = await deliver(state, { kind: 'interactive', payload });
  if (delivered.error) return { ...delivered, triggerId, sent: true, action: 'none', closed: false };
  return { ...delivered, triggerId, sent: true, ...applyAnswer(state, view, delivered.body) };
}
