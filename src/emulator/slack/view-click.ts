import { type DeliveryResult, deliver } from './deliver.js';
import { actionJson } from './payloads.js';
import type { StandInState } from './state.js';
import type { SlackBlock, StandInUser, StoredView, ViewStateValue } from './types.js';
import { viewActionsPayload } from './view-payloads.js';
import { elementIn, enteredState, type ViewValues } from './view-state.js';

type Obj = Record<string, unknown>;

export interface ViewClickInput {
  viewId: string;
  actionId: string;
  blockId?: string | undefined;
  value?: string | undefined;
  selectedOption?: string | undefined;
  values?: ViewValues | undefined;
}

/**
 * The element a user can click: in actions blocks and section accessories, and in input blocks only
 * with `dispatch_action: true` (otherwise an input reports nothing until the view is submitted).
 */
function clickable(blocks: readonly SlackBlock[], actionId: string, blockId: string | undefined) {
  for (const block of blocks) {
    if (blockId !== undefined && block.block_id !== blockId) continue;
    if (block.type === 'input' && block.dispatch_action !== true) continue;
    const element: Obj | undefined = elementIn(block, actionId);
    if (element) return { element, blockId: String(block.block_id) };
  }
  return undefined;
}

/** The view the user sees: their Home tab, or the top of their modal stack (the views below are hidden). */
function onScreen(state: StandInState, user: StandInUser, viewId: string): StoredView {
  const view = state.views.get(viewId);
  if (!view || view.user !== user.id) throw new Error(`click: ${user.id} has no open view ${viewId}`);
  if (view.type === 'modal' && state.views.stack(user.id).at(-1)?.id !== view.id) {
    throw new Error(`click: view ${viewId} is under another view of the stack`);
  }
  return view;
}

/**
 * The `actions[0]` of a click in a view. A button carries its value; a select, checkbox, radio
 * button, picker or dispatching text input carries what the user chose, in the field its state has
 * (`selected_option(s)`, `selected_user(s)`, `selected_conversation(s)`, `selected_date`, `value`…),
 * as the block_actions reference shows. `value` and `selectedOption` keep their older meaning when given.
 */
function viewAction(
  state: StandInState,
  found: { element: Obj; blockId: string },
  input: ViewClickInput,
  entered: ViewStateValue | undefined,
): Obj {
  const action = actionJson(state, { ...found, value: input.value, selectedOption: input.selectedOption });
  const chosen = input.value === undefined && input.selectedOption === undefined;
  if (!entered || !chosen || found.element.type === 'button') return action;
  const { type: _type, ...fields } = entered;
  const { action_ts, selected_option: _option, value: _value, ...rest } = action;
  return { ...rest, ...fields, action_ts };
}

/**
 * Clicks an element of an open modal or a Home tab: a block_actions payload with the view and its
 * state, and no response_url (the result's `responseUrl` is empty).
 */
export async function clickInView(
  state: StandInState,
  input: ViewClickInput,
  user: StandInUser,
): Promise<DeliveryResult> {
  const view = onScreen(state, user, input.viewId);
  const found = clickable(view.blocks, input.actionId, input.blockId);
  if (!found)
    throw new Error(`click: view ${view.id} has no clickable element with action_id ${input.actionId}`);
  if (input.values) {
    view.state = enteredState(view, input.values);
    state.views.setState(view.id, view.state);
  }
  const triggerId = state.triggers.issue(user.id);
  const given = input.values?.[found.blockId]?.[input.actionId] !== undefined;
  const entered = given ? view.state[found.blockId]?.[input.actionId] : undefined;
  const action = viewAction(state, found, input, entered);
  const payload = viewActionsPayload(state, { view, user, action, triggerId });
  const result = await deliver(state, { kind: 'interactive', payload });
  return { ...result, responseUrl: '', triggerId };
}
