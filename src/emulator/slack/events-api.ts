import { setTimeout as delay } from 'node:timers/promises';
import { type Delivered, deliver, type EventRetry } from './deliver.js';
import { channelOf, userOf } from './outbound.js';
import { eventCallback } from './payloads.js';
import type { StandInState } from './state.js';

/** Slack retries an unacknowledged event nearly at once, after a minute, then after five minutes. */
export const EVENT_RETRY_DELAYS_MS: readonly number[] = [1000, 60_000, 300_000];

/** A user opened the app's Home or Messages tab. */
export interface AppHomeOpenedInput {
  type: 'app_home_opened';
  user: string;
  /** @defaultValue `home` */
  tab?: 'home' | 'messages';
  /** @defaultValue the app's DM with `user` */
  channel?: string;
}

export type EventInput = AppHomeOpenedInput;

/** Every attempt Slack made to deliver one event, the first one first. */
export interface EventDeliveryResult {
  eventId: string;
  attempts: Delivered[];
  /** True when an attempt got a 2xx (HTTP) or an ack (Socket Mode) in time. */
  acked: boolean;
}

/** The inner event, as Slack documents it (no `view`: the stand-in has no published Home view). */
function eventJson(state: StandInState, input: EventInput) {
  const user = userOf(state, input.user);
  const channel = input.channel ?? state.workspace.resolveChannel(user.id)?.id;
  if (!channel) throw new Error(`sendEvent: ${user.id} has no DM with the app; give channel`);
  const tab = input.tab ?? 'home';
  const event_ts = state.store.nextTs();
  return { type: input.type, user: user.id, channel: channelOf(state, channel).id, tab, event_ts };
}

/** Why the previous attempt failed, in the words of the transport it went over. */
function retryReason(previous: Delivered): string {
  if (previous.envelopeId !== undefined) return 'timeout';
  if (previous.error === 'operation_timeout') return 'http_timeout';
  return previous.status === 0 ? 'connection_failed' : 'http_error';
}

/**
 * Delivers an event like the Events API: again after each delay while no attempt is acknowledged,
 * with the retry number and reason (headers over HTTP, envelope fields over Socket Mode). Stops
 * retrying when the stand-in closes.
 */
export async function sendEvent(state: StandInState, input: EventInput): Promise<EventDeliveryResult> {
  const payload = eventCallback(state, eventJson(state, input));
  const eventId = String(payload.event_id);
  const attempts: Delivered[] = [];
  for (const [num, wait] of [0, ...state.eventRetryDelaysMs].entries()) {
    const previous = attempts.at(-1);
    if (previous) {
      const stopped = await delay(wait, false, { signal: state.closed }).catch(() => true);
      if (stopped) break;
    }
    const retry: EventRetry | undefined = previous ? { num, reason: retryReason(previous) } : undefined;
    const result = await deliver(state, { kind: 'events_api', payload, retry });
    attempts.push(result);
    if (!result.error) return { eventId, attempts, acked: true };
  }
  return { eventId, attempts, acked: false };
}
