import type { ContextBlock, KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../blocks/limits.js';
import { withFooter } from '../blocks/notes.js';
import { classifySlackError, SlackDeliveryError } from './slack-errors.js';

/** A message the poster sends; `key` is stored in the message metadata so a lost reply can be found. */
export interface PosterMessage extends SlackMessage {
  key?: string;
}

/**
 * The few Slack calls alerts make. Errors are SlackDeliveryError with a `failure` that says whether
 * to retry after a delay, retry with backoff, or give up.
 */
export interface AlertPoster {
  /** Posts a message (a thread reply when threadTs is given) and resolves to its ts. */
  post(channel: string, message: PosterMessage, threadTs?: string): Promise<string>;
  update(channel: string, ts: string, message: PosterMessage): Promise<void>;
  /**
   * The ts of a message this app posted with `key` at or after `oldestMs` (in the thread of
   * threadTs, when given); undefined when there is none; null when Slack cannot be asked.
   */
  find?(
    channel: string,
    key: string,
    oldestMs: number,
    threadTs?: string,
  ): Promise<string | undefined | null>;
}

/** Marks our messages' metadata; conversations.history returns it with include_all_metadata. */
export const METADATA_EVENT = 'backup_jobs_alert';

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  blocks?: { block_id?: string }[];
}

/** True for the message posted with `key`: by its metadata, or by the block_id marker render.ts sets. */
export function hasKey(message: HistoryMessage, key: string): boolean {
  if (message.metadata?.event_type === METADATA_EVENT && message.metadata.event_payload?.key === key)
    return true;
  return (message.blocks ?? []).some((b) => b.block_id === `bj_k:${key}`);
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new SlackDeliveryError(classifySlackError(err), err);
  }
}

export interface SlackPosterOptions {
  /**
   * A footer every message posted or updated carries (the stand-in notice of `standInFooter`). It
   * is added here, where every alert, digest, thread reply and update of the worker goes out.
   */
  footer?: ContextBlock | undefined;
}

/** Builds the poster over a WebClient (created with rejectRateLimitedCalls and no retries of its own). */
export function createSlackPoster(client: WebClient, options: SlackPosterOptions = {}): AlertPoster {
  const blocks = (message: PosterMessage) => message.blocks as KnownBlock[] | undefined;
  const footed = (message: PosterMessage) => withFooter(message, options.footer);
  return {
    async post(channel, original, threadTs) {
      const message = footed(original);
      const result = await call(() =>
        client.chat.postMessage({
          channel,
          text: message.text ?? '',
          ...(message.blocks ? { blocks: blocks(message) } : {}),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...(message.key
            ? { metadata: { event_type: METADATA_EVENT, event_payload: { key: message.key } } }
            : {}),
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (typeof result.ts !== 'string') {
        throw new SlackDeliveryError({
          kind: 'transient',
          reason: 'chat.postMessage returned no ts',
          uncertain: true,
        });
      }
      return result.ts;
    },
    async update(channel, ts, original) {
      const message = footed(original);
      await call(() =>
        client.chat.update({
          channel,
          ts,
          text: message.text ?? '',
          ...(message.blocks ? { blocks: blocks(message) } : {}),
        }),
      );
    },
    async find(channel, key, oldestMs, threadTs) {
      const oldest = (Math.floor(oldestMs / 1000) - 1).toFixed(6);
      try {
        const page = threadTs
          ? await client.conversations.replies({
              channel,
              ts: threadTs,
              oldest,
              limit: 200,
              include_all_metadata: true,
            })
          : await client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true });
        const messages = (page.messages ?? []) as HistoryMessage[];
        const found = messages.find((m) => hasKey(m, key));
        return found?.ts;
      } catch {
        return null;
      }
    },
  };
}
