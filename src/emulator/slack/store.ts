import { EventEmitter } from 'node:events';
import { withGeneratedIds } from './message-blocks.js';
import type { ListOptions, MessageEmitter, MessageEvents, SlackBlock, StoredMessage } from './types.js';

/** What a poster provides; the store adds id, ts, flags and generated block ids. */
export interface NewMessage {
  channel: string;
  user: string;
  botId?: string | undefined;
  text: string;
  blocks?: readonly SlackBlock[] | undefined;
  mrkdwn?: boolean | undefined;
  threadTs?: string | undefined;
  ephemeralFor?: string | undefined;
  files?: string[] | undefined;
  via: StoredMessage['via'];
}

function snapshot(message: StoredMessage): StoredMessage {
  return structuredClone(message);
}

/** Messages of every channel, in ts order, with live events for each change. */
export class MessageStore {
  readonly events: MessageEmitter = new EventEmitter<MessageEvents>();
  readonly #messages = new Map<string, StoredMessage>();
  /** `channel ts` -> id */
  readonly #byTs = new Map<string, string>();
  readonly #now: () => Date;
  #lastMicros = 0;
  #seq = 0;

  constructor(now: () => Date) {
    this.#now = now;
    this.events.setMaxListeners(0);
  }

  /** A Slack-style ts ("1795000000.000100"), unique and increasing even under a pinned clock. */
  nextTs(): string {
    const micros = Math.max(this.#now().getTime() * 1000, this.#lastMicros + 1);
    this.#lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  post(input: NewMessage): StoredMessage {
    this.#seq += 1;
    const message: StoredMessage = {
      id: `M${this.#seq}`,
      channel: input.channel,
      ts: this.nextTs(),
      threadTs: input.threadTs,
      user: input.user,
      botId: input.botId,
      text: input.text,
      blocks: withGeneratedIds(input.blocks ?? []),
      mrkdwn: input.mrkdwn ?? true,
      ephemeralFor: input.ephemeralFor,
      files: input.files ?? [],
      edited: false,
      deleted: false,
      replyCount: 0,
      via: input.via,
    };
    this.#messages.set(message.id, message);
    this.#byTs.set(`${message.channel} ${message.ts}`, message.id);
    this.#countReply(message, 1);
    this.events.emit('message', snapshot(message));
    return snapshot(message);
  }

  /** Replaces text and/or blocks in place (same id, ts and visibility). */
  replace(id: string, patch: { text?: string | undefined; blocks?: readonly SlackBlock[] | undefined }) {
    const message = this.#live(id);
    if (patch.text !== undefined) message.text = patch.text;
    if (patch.blocks !== undefined) message.blocks = withGeneratedIds(patch.blocks);
    message.edited = true;
    this.events.emit('update', snapshot(message));
    return snapshot(message);
  }

  remove(id: string): StoredMessage {
    const message = this.#live(id);
    message.deleted = true;
    this.#countReply(message, -1);
    this.events.emit('delete', snapshot(message));
    return snapshot(message);
  }

  get(id: string): StoredMessage | undefined {
    const message = this.#messages.get(id);
    return message && snapshot(message);
  }

  /** The live (not deleted) message with this ts in this channel, ephemeral or not. */
  find(channel: string, ts: string): StoredMessage | undefined {
    const message = this.#messages.get(this.#byTs.get(`${channel} ${ts}`) ?? '');
    return message && !message.deleted ? snapshot(message) : undefined;
  }

  list(channel: string, options: ListOptions = {}): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (const m of this.#messages.values()) {
      if (m.channel !== channel || (m.deleted && !options.includeDeleted)) continue;
      if (m.ephemeralFor !== undefined && m.ephemeralFor !== options.includeEphemeralFor) continue;
      out.push(snapshot(m));
    }
    return out;
  }

  /**
   * Resolves with the first message (already stored, or posted or updated later) that matches;
   * rejects after `timeoutMs` listing the newest messages, to show what arrived instead.
   */
  waitFor(predicate: (m: StoredMessage) => boolean, timeoutMs: number): Promise<StoredMessage> {
    for (const m of this.#messages.values()) {
      if (!m.deleted && predicate(snapshot(m))) return Promise.resolve(snapshot(m));
    }
    return new Promise((resolve, reject) => {
      const onEvent = (m: StoredMessage) => {
        if (!predicate(m)) return;
        cleanup();
        resolve(m);
      };
      const timer = setTimeout(() => {
        cleanup();
        const recent = [...this.#messages.values()].slice(-5).map((m) => `${m.channel} ${m.ts}: ${m.text}`);
        reject(new Error(`no matching message within ${timeoutMs} ms; newest: ${JSON.stringify(recent)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('message', onEvent);
        this.events.off('update', onEvent);
      };
      this.events.on('message', onEvent);
      this.events.on('update', onEvent);
    });
  }

  #live(id: string): StoredMessage {
    const message = this.#messages.get(id);
    if (!message || message.deleted) throw new Error(`message ${id} does not exist`);
    return message;
  }

  #countReply(message: StoredMessage, delta: number) {
    if (message.threadTs === undefined || message.ephemeralFor !== undefined) return;
    const parent = this.#messages.get(this.#byTs.get(`${message.channel} ${message.threadTs}`) ?? '');
    if (parent) parent.replyCount += delta;
  }
}
