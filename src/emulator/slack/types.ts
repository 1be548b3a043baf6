import type { EventEmitter } from 'node:events';

/** A workspace member the stand-in knows (users.info answers from it). */
export interface StandInUser {
  id: string;
  name: string;
  realName: string;
  /** IANA zone, e.g. `America/New_York`. */
  tz: string;
  /** The language the person set in Slack, an IETF tag like `en-US`; Slack's default is `en-US`. */
  locale?: string;
}

/**
 * A conversation. `public` channels accept bot posts without membership (chat:write.public);
 * `private` and `im` ones only when `botMember` is true.
 */
export interface StandInChannel {
  id: string;
  /** Channel name without `#`; for an `im`, the partner's user name. */
  name: string;
  kind: 'public' | 'private' | 'im';
  botMember: boolean;
  /** Users in the conversation (chat.postEphemeral targets must be members). */
  members: string[];
}

export interface StandInTeam {
  id: string;
  domain: string;
}

/** The app's own identity, as auth.test reports it. */
export interface StandInBot {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

export type SlackBlock = Record<string, unknown>;

/** One message as the stand-in holds it; snapshots are handed out, never the stored object. */
export interface StoredMessage {
  /** Stable id across edits; `click({ messageId })` takes it. */
  id: string;
  channel: string;
  ts: string;
  /** Set on thread replies: the parent's ts. */
  threadTs?: string | undefined;
  /** Author: a user id, the bot's user id, or `USLACKBOT` for Slack's own notices. */
  user: string;
  /** Set on messages the app posted. */
  botId?: string | undefined;
  text: string;
  blocks: SlackBlock[];
  mrkdwn: boolean;
  /** Set on ephemeral messages: the only user who sees it. */
  ephemeralFor?: string | undefined;
  /** Ids of shared files (see `files()`). */
  files: string[];
  edited: boolean;
  deleted: boolean;
  /** Number of live thread replies (for parents). */
  replyCount: number;
  /** How the message arrived. */
  via: 'api' | 'response_url' | 'ack' | 'files' | 'slack';
}

/** One uploaded file. */
export interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  /** Bytes received at the upload URL; undefined until uploaded. */
  data?: Buffer | undefined;
  /** Length announced to files.getUploadURLExternal. */
  length: number;
  completed: boolean;
  channels: string[];
  /** Inline view and download URLs on the stand-in (no token needed). */
  urlPrivate: string;
  urlPrivateDownload: string;
}

export interface MessageEvents {
  message: [StoredMessage];
  update: [StoredMessage];
  delete: [StoredMessage];
}

export type MessageEmitter = EventEmitter<MessageEvents>;

export interface ListOptions {
  /** Also list ephemeral messages that this user sees. */
  includeEphemeralFor?: string;
  includeDeleted?: boolean;
}

/** Why Slack asks a Socket Mode app to let go of a connection (`warning` comes ~10 s before a refresh). */
export type SocketDisconnectReason = 'refresh_requested' | 'warning' | 'link_disabled';

/** A plain_text text object, as a view's title, submit and close take it. */
export type PlainText = { type: 'plain_text'; text: string; emoji?: boolean };

/** One element's state in a view, as `view.state.values[block_id][action_id]` carries it. */
export type ViewStateValue = { type: string } & Record<string, unknown>;

/** `view.state.values`: block_id, then action_id. */
export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

/**
 * A modal (one view of a user's stack) or a published Home tab, as the stand-in holds it; snapshots
 * are handed out, never the stored object.
 */
export interface StoredView {
  /** Slack's view id (`V…`), stable across views.update and response_action `update`. */
  id: string;
  type: 'modal' | 'home';
  /** Who sees it. */
  user: string;
  /** Changes with every update; views.update / views.publish with an older one get hash_conflict. */
  hash: string;
  callbackId: string;
  externalId: string;
  privateMetadata: string;
  title?: PlainText | undefined;
  submit?: PlainText | undefined;
  close?: PlainText | undefined;
  /** With generated block_ids and action_ids, as Slack stores them. */
  blocks: SlackBlock[];
  notifyOnClose: boolean;
  clearOnClose: boolean;
  /** The first view of the stack (itself for the root and for Home views). */
  rootViewId: string;
  previousViewId?: string | undefined;
  /** What the user entered, as of the last submission or click that carried values. */
  state: ViewStateValues;
  /** From the app's last `response_action: errors`, shown under the input blocks; cleared by updates. */
  errors: Record<string, string>;
  /** False once the view left the screen (submitted and closed, cancelled, cleared, or replaced). */
  open: boolean;
}

export interface ViewEvents {
  /** Any change: opened, pushed, published, updated, errors shown, or closed (`open: false`). */
  view: [StoredView];
}

export type ViewEmitter = EventEmitter<ViewEvents>;
