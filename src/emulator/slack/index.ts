import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACK_TIMEOUT_MS, DEFAULT_BOT, DEFAULT_CHANNELS, DEFAULT_TEAM, DEFAULT_USERS } from './defaults.js';
import type { DeliveryResult } from './deliver.js';
import { EVENT_RETRY_DELAYS_MS, type EventDeliveryResult, type EventInput, sendEvent } from './events-api.js';
import { FileStore } from './files.js';
import { type ClickInput, type CommandInput, click, sendCommand } from './outbound.js';
import { Limits, type SlackFaults } from './rate-limits.js';
import { ResponseUrls } from './response-urls.js';
import { createListener } from './routes.js';
import { SOCKET_CLOSE_DELAY_MS, SocketMode } from './socket-mode.js';
import type { StandInState } from './state.js';
import { MessageStore } from './store.js';
import { Triggers } from './triggers.js';
import type {
  ListOptions,
  MessageEmitter,
  SocketDisconnectReason,
  StandInBot,
  StandInChannel,
  StandInTeam,
  StandInUser,
  StoredFile,
  StoredMessage,
  StoredView,
  ViewEmitter,
} from './types.js';
import { type CloseViewInput, closeView, type ViewCloseResult } from './view-close.js';
import { type SubmitViewInput, submitView, type ViewSubmitResult } from './view-submit.js';
import { ViewStore } from './views.js';
import { Workspace } from './workspace.js';

export { DEFAULT_BOT, DEFAULT_CHANNELS, DEFAULT_TEAM, DEFAULT_USERS, SLACKBOT_USER } from './defaults.js';
export type { Delivered, DeliveryResult } from './deliver.js';
export type { AppHomeOpenedInput, EventDeliveryResult, EventInput } from './events-api.js';
export { EVENT_RETRY_DELAYS_MS } from './events-api.js';
export type { ClickInput, CommandInput } from './outbound.js';
export type { ErrorFault, RateLimitFault, SlackFaults } from './rate-limits.js';
export { ENFORCED_LIMITS } from './rate-limits.js';
export { signSlackRequest, slackSignatureHeaders } from './signature.js';
export { TRIGGER_TTL_MS } from './triggers.js';
export type * from './types.js';
export type { CloseViewInput, ViewCloseResult } from './view-close.js';
export type { ViewInputValue, ViewValues } from './view-state.js';
export type { SubmitViewInput, ViewSubmitResult } from './view-submit.js';
export { MAX_VIEW_STACK } from './views.js';

export interface SlackStandInOptions {
  /** @defaultValue 0 (a free port) */
  port?: number;
  /** @defaultValue `127.0.0.1` */
  host?: string;
  signingSecret: string;
  /** The token every Web API method but apps.connections.open accepts. */
  botToken: string;
  /** The app-level token (`xapp-…`) that apps.connections.open accepts; without it Socket Mode is off. */
  appToken?: string;
  /** @defaultValue {@link DEFAULT_TEAM} */
  team?: StandInTeam;
  /** @defaultValue {@link DEFAULT_BOT} */
  bot?: StandInBot;
  /** @defaultValue {@link DEFAULT_USERS} */
  users?: readonly StandInUser[];
  /** @defaultValue {@link DEFAULT_CHANNELS} */
  channels?: readonly StandInChannel[];
  /**
   * The bot token's scopes. The methods that check them (conversations.members) answer
   * `missing_scope`, with `needed` and `provided`, when one is lacking. @defaultValue every scope
   */
  scopes?: readonly string[];
  /** Where commands and clicks go, e.g. `http://127.0.0.1:3000/slack/events`. */
  botUrl?: string;
  /** The stand-in's clock: message ts, response_url age, rate limits, signature timestamps. */
  now?: () => Date;
  /** Answer 429 like Slack when chat.postMessage / chat.update go faster than Slack allows. */
  enforceRateLimits?: boolean;
  /** @defaultValue 3000, Slack's limit for acknowledging a command or click */
  ackTimeoutMs?: number;
  /** @defaultValue {@link EVENT_RETRY_DELAYS_MS}: the wait before each Events API retry (Slack's schedule) */
  eventRetryDelaysMs?: readonly number[];
  /** @defaultValue {@link SOCKET_CLOSE_DELAY_MS}: after `refresh_requested` or `link_disabled`, Slack closes the socket */
  socketCloseDelayMs?: number;
  /** Handles requests for any other path (the playground's pages). */
  fallback?: RequestListener;
}

/** A running Slack stand-in for one workspace. */
export interface SlackStandIn {
  /** `http://host:port` */
  readonly baseUrl: string;
  /** `http://host:port/api/`: give it to WebClient / Bolt as `slackApiUrl`. */
  readonly apiUrl: string;
  readonly team: StandInTeam;
  readonly bot: StandInBot;
  users(): StandInUser[];
  channels(): StandInChannel[];
  setBotUrl(url: string): void;
  /** A slash command to the app, as Slack sends it: signed over HTTP, or an envelope over Socket Mode. */
  sendCommand(input: CommandInput): Promise<DeliveryResult>;
  /**
   * A block_actions click, as Slack sends it (HTTP or Socket Mode): on a stored message, or with
   * `viewId` on an open modal (the top of the stack) or a Home tab.
   */
  click(input: ClickInput): Promise<DeliveryResult>;
  /** An Events API event, retried like Slack while unacknowledged; resolves after the last attempt. */
  sendEvent(input: EventInput): Promise<EventDeliveryResult>;
  /** Sends Slack's `disconnect` to every open socket; Slack closes them later unless `warning`. */
  disconnectSockets(reason: SocketDisconnectReason): void;
  /** Open Socket Mode connections; while there is one, deliveries go over Socket Mode, not HTTP. */
  socketConnections(): number;
  /** Messages and thread replies of a channel in ts order; ephemeral ones only for `includeEphemeralFor`. */
  messages(channel: string, options?: ListOptions): StoredMessage[];
  lastMessage(channel: string, options?: ListOptions): StoredMessage | undefined;
  message(id: string): StoredMessage | undefined;
  /** First stored or arriving (posted or updated) message that matches; rejects after `timeoutMs`. */
  waitForMessage(predicate: (m: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
  files(): StoredFile[];
  /** Who can see a file: the members of every conversation it was shared into. */
  whoCanSee(fileId: string): string[];
  /** `message`, `update` and `delete`, each with a snapshot of the message. */
  readonly events: MessageEmitter;
  /** The user's open modals, bottom first: the last one is the view on screen. */
  openViews(user: string): StoredView[];
  /** The user's Home tab, once the app published one with views.publish. */
  homeView(user: string): StoredView | undefined;
  /** An open modal or a Home tab, by view id. */
  view(id: string): StoredView | undefined;
  /** First live view, or later change (opened, updated, errors shown, closed), that matches; rejects after `timeoutMs`. */
  waitForView(predicate: (v: StoredView) => boolean, timeoutMs?: number): Promise<StoredView>;
  /** The user submits their top modal: a view_submission, then what the app's response_action asks for. */
  submitView(input: SubmitViewInput): Promise<ViewSubmitResult>;
  /** The user closes their top modal (or all of it); view_closed goes out only with `notify_on_close`. */
  closeView(input: CloseViewInput): Promise<ViewCloseResult>;
  /** `view`, with a snapshot, on every change to a modal or Home tab. */
  readonly viewEvents: ViewEmitter;
  /** Replaces the injected faults; `setFaults({})` clears them. */
  setFaults(faults: SlackFaults): void;
  /** Calls per Web API method, plus `response_url` and `file_upload`. */
  calls(): Record<string, number>;
  resetCalls(): void;
  close(): Promise<void>;
}

/** Starts a Slack stand-in: Web API, response_urls, files, modals and Home tabs, and what users do towards the app. */
export async function startSlackStandIn(o: SlackStandInOptions): Promise<SlackStandIn> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const now = o.now ?? (() => new Date());
  const workspace = new Workspace(
    o.team ?? DEFAULT_TEAM,
    o.bot ?? DEFAULT_BOT,
    o.users ?? DEFAULT_USERS,
    o.channels ?? DEFAULT_CHANNELS,
  );
  const socketMode = new SocketMode(
    server,
    baseUrl,
    workspace.bot.appId,
    o.socketCloseDelayMs ?? SOCKET_CLOSE_DELAY_MS,
  );
  const closing = new AbortController();
  const state: StandInState = {
    baseUrl,
    now,
    botToken: o.botToken,
    appToken: o.appToken,
    signingSecret: o.signingSecret,
    ackTimeoutMs: o.ackTimeoutMs ?? ACK_TIMEOUT_MS,
    workspace,
    scopes: o.scopes ? new Set(o.scopes) : undefined,
    store: new MessageStore(now),
    files: new FileStore(baseUrl),
    limits: new Limits(o.enforceRateLimits ?? false, now),
    responseUrls: new ResponseUrls(baseUrl, workspace.team.id),
    socketMode,
    triggers: new Triggers(now),
    views: new ViewStore(now),
    eventRetryDelaysMs: o.eventRetryDelaysMs ?? EVENT_RETRY_DELAYS_MS,
    closed: closing.signal,
    calls: new Map(),
    botUrl: o.botUrl,
  };
  server.on('request', createListener(state, o.fallback));
  const { store, views } = state;
  return {
    baseUrl,
    apiUrl: `${baseUrl}/api/`,
    team: workspace.team,
    bot: workspace.bot,
    users: () => workspace.users(),
    channels: () => workspace.channels(),
    setBotUrl: (url) => {
      state.botUrl = url;
    },
    sendCommand: (input) => sendCommand(state, input),
    click: (input) => click(state, input),
    sendEvent: (input) => sendEvent(state, input),
    disconnectSockets: (reason) => socketMode.disconnect(reason),
    socketConnections: () => socketMode.connections(),
    messages: (channel, options) => store.list(workspace.resolveChannel(channel)?.id ?? channel, options),
    lastMessage: (channel, options) =>
      store.list(workspace.resolveChannel(channel)?.id ?? channel, options).at(-1),
    message: (id) => store.get(id),
    waitForMessage: (predicate, timeoutMs = 5000) => store.waitFor(predicate, timeoutMs),
    files: () => state.files.list().map((f) => ({ ...f })),
    whoCanSee: (fileId) => [
      ...new Set((state.files.get(fileId)?.channels ?? []).flatMap((c) => workspace.membersOf(c))),
    ],
    events: store.events,
    openViews: (user) => views.stack(user),
    homeView: (user) => views.home(user),
    view: (id) => views.get(id),
    waitForView: (predicate, timeoutMs = 5000) => views.waitFor(predicate, timeoutMs),
    submitView: (input) => submitView(state, input),
    closeView: (input) => closeView(state, input),
    viewEvents: views.events,
    setFaults: (faults) => state.limits.setFaults(faults),
    calls: () => Object.fromEntries(state.calls),
    resetCalls: () => state.calls.clear(),
    close: async () => {
      closing.abort();
      await socketMode.close();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
