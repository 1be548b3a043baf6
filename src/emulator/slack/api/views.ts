import { type ApiAnswer, fail, parseArgs } from '../answers.js';
import { ViewsOpenArgs, ViewsPublishArgs, ViewsUpdateArgs } from '../schemas.js';
import type { StandInState } from '../state.js';
import type { StoredView } from '../types.js';
import { viewFields, viewJson } from '../view-json.js';
import { VIEW_BYTES, viewRefusals } from '../view-rules.js';

type Args = Record<string, unknown>;

/** Slack's answer to a view it would not show: view_too_large, or invalid_arguments with the reasons. */
export function viewError(raw: Args, surface: StoredView['type']): ApiAnswer | undefined {
  if (Buffer.byteLength(JSON.stringify(raw)) > VIEW_BYTES) return fail('view_too_large');
  const refusals = viewRefusals(raw, surface);
  if (refusals.length === 0) return undefined;
  return fail('invalid_arguments', { response_metadata: { messages: refusals.map((r) => `[ERROR] ${r}`) } });
}

/** external_id "must be unique for all views on a team" (views.open); the view itself may keep its own. */
export function externalIdTaken(state: StandInState, raw: Args, ownId?: string): boolean {
  if (typeof raw.external_id !== 'string' || raw.external_id === '') return false;
  const holder = state.views.byExternalId(raw.external_id);
  return holder !== undefined && holder.id !== ownId;
}

function answer(state: StandInState, view: StoredView): ApiAnswer {
  return { ok: true, view: viewJson(state, view) };
}

/**
 * What views.open and views.push share: the arguments, the view's checks, and the trigger_id
 * exchanged for the user whose interaction made it. An ApiAnswer when any of them fails.
 */
function modalFromTrigger(
  args: Args,
  state: StandInState,
): { user: string; fields: ReturnType<typeof viewFields> } | ApiAnswer {
  const parsed = parseArgs(ViewsOpenArgs, args);
  if (!parsed.ok) return parsed.answer;
  const { trigger_id, view } = parsed.value;
  const bad = viewError(view, 'modal');
  if (bad) return bad;
  if (externalIdTaken(state, view)) return fail('duplicate_external_id');
  const trigger = state.triggers.exchange(trigger_id);
  if ('error' in trigger) return fail(trigger.error);
  return { user: trigger.user, fields: viewFields(view) };
}

/** views.open: a modal for the user whose interaction made the trigger_id (3 s, once). */
export function viewsOpen(args: Args, state: StandInState): ApiAnswer {
  const modal = modalFromTrigger(args, state);
  if ('ok' in modal) return modal;
  return answer(state, state.views.open(modal.user, modal.fields));
}

/**
 * views.push: a view on top of the user's open modal, "limited to pushing 2 additional views". Slack
 * documents no answer for a user with no modal open; the stand-in gives not_found, as views.update does.
 */
export function viewsPush(args: Args, state: StandInState): ApiAnswer {
  const modal = modalFromTrigger(args, state);
  if ('ok' in modal) return modal;
  if (state.views.stack(modal.user).length === 0) return fail('not_found');
  const pushed = state.views.push(modal.user, modal.fields);
  return pushed ? answer(state, pushed) : fail('push_limit_reached');
}

/**
 * views.update: new content for an open modal (any view of a stack) or a Home tab, found by exactly one
 * of view_id and external_id; a `hash` other than the view's current one is hash_conflict.
 */
export function viewsUpdate(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(ViewsUpdateArgs, args);
  if (!parsed.ok) return parsed.answer;
  const { view, view_id, external_id, hash } = parsed.value;
  if ((view_id === undefined) === (external_id === undefined)) {
    const messages = ['[ERROR] exactly one of view_id and external_id is required'];
    return fail('invalid_arguments', { response_metadata: { messages } });
  }
  const target =
    view_id === undefined ? state.views.byExternalId(external_id ?? '') : state.views.get(view_id);
  if (!target) return fail('not_found');
  if (hash !== undefined && hash !== target.hash) return fail('hash_conflict');
  const bad = viewError(view, target.type);
  if (bad) return bad;
  if (externalIdTaken(state, view, target.id)) return fail('duplicate_external_id');
  const fields = viewFields(view);
  if (fields.externalId === '') fields.externalId = target.externalId;
  return answer(state, state.views.replace(target.id, fields));
}

/**
 * views.publish: the user's Home tab. Slack lists no error for an unknown user_id; the stand-in answers
 * user_not_found, as users.info does.
 */
export function viewsPublish(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(ViewsPublishArgs, args);
  if (!parsed.ok) return parsed.answer;
  const { user_id, view, hash } = parsed.value;
  if (!state.workspace.user(user_id)) return fail('user_not_found');
  const bad = viewError(view, 'home');
  if (bad) return bad;
  const current = state.views.home(user_id);
  if (hash !== undefined && current && hash !== current.hash) return fail('hash_conflict');
  if (externalIdTaken(state, view, current?.id)) return fail('duplicate_external_id');
  return answer(state, state.views.publish(user_id, viewFields(view)));
}
