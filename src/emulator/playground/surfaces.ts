import type { PlainText, SlackBlock, SlackStandIn, StoredView, ViewStateValues } from '../slack/index.js';

/**
 * A modal or Home tab as the page draws it: what Slack's client shows, nothing the app keeps for
 * itself (private_metadata, external_id).
 */
export interface SurfaceView {
  id: string;
  type: StoredView['type'];
  /** Changes with every update: the page redraws a view only when it changed. */
  hash: string;
  callbackId: string;
  title?: PlainText | undefined;
  submit?: PlainText | undefined;
  close?: PlainText | undefined;
  blocks: SlackBlock[];
  /** The app's `response_action: errors` (or Slack's own "required" ones), by block_id. */
  errors: Record<string, string>;
  /** What the stand-in holds as entered (from the last submission or click that carried values). */
  state: ViewStateValues;
  clearOnClose: boolean;
  previousViewId?: string | undefined;
}

/** What one user sees of views: their modal stack, bottom first, and their Home tab. */
export interface UserSurfaces {
  modals: SurfaceView[];
  home: SurfaceView | null;
}

export function surfaceView(v: StoredView): SurfaceView {
  return {
    id: v.id,
    type: v.type,
    hash: v.hash,
    callbackId: v.callbackId,
    title: v.title,
    submit: v.submit,
    close: v.close,
    blocks: v.blocks,
    errors: v.errors,
    state: v.state,
    clearOnClose: v.clearOnClose,
    previousViewId: v.previousViewId,
  };
}

export function userSurfaces(slack: SlackStandIn, user: string): UserSurfaces {
  const home = slack.homeView(user);
  return { modals: slack.openViews(user).map(surfaceView), home: home ? surfaceView(home) : null };
}
