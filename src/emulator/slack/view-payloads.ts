import { VERIFICATION_TOKEN } from './defaults.js';
import type { StandInState } from './state.js';
import type { StandInUser, StoredView } from './types.js';
import { viewJson } from './view-json.js';

type Obj = Record<string, unknown>;

/**
 * The interactivity payloads of views, as the view interactions payload reference and the block_actions
 * reference show them. None has a response_url: views are not in a conversation.
 */

function userJson(state: StandInState, user: StandInUser): Obj {
  return { id: user.id, username: user.name, name: user.name, team_id: state.workspace.team.id };
}

function teamJson(state: StandInState): Obj {
  const { team } = state.workspace;
  return { id: team.id, domain: team.domain };
}

/** A user pressed the modal's submit button. `response_urls` stays empty: no element asks for one. */
export function viewSubmissionPayload(
  state: StandInState,
  f: { view: StoredView; user: StandInUser; triggerId: string },
): Obj {
  return {
    type: 'view_submission',
    team: teamJson(state),
    user: userJson(state, f.user),
    api_app_id: state.workspace.bot.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: f.triggerId,
    view: viewJson(state, f.view),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Sent only for views opened with `notify_on_close: true`; `is_cleared` when the whole stack went. */
export function viewClosedPayload(
  state: StandInState,
  f: { view: StoredView; user: StandInUser; isCleared: boolean },
): Obj {
  return {
    type: 'view_closed',
    team: teamJson(state),
    user: userJson(state, f.user),
    api_app_id: state.workspace.bot.appId,
    token: VERIFICATION_TOKEN,
    view: viewJson(state, f.view),
    is_cleared: f.isCleared,
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A click inside a modal or a Home tab: `container.type` is `view`, the view rides along, no channel. */
export function viewActionsPayload(
  state: StandInState,
  f: { view: StoredView; user: StandInUser; action: Obj; triggerId: string },
): Obj {
  return {
    type: 'block_actions',
    user: userJson(state, f.user),
    api_app_id: state.workspace.bot.appId,
    token: VERIFICATION_TOKEN,
    container: { type: 'view', view_id: f.view.id },
    trigger_id: f.triggerId,
    team: teamJson(state),
    enterprise: null,
    is_enterprise_install: false,
    view: viewJson(state, f.view),
    actions: [f.action],
  };
}
