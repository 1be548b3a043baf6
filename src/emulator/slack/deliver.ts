import { performance } from 'node:perf_hooks';
import { SLACKBOT_USER } from './defaults.js';
import { slackSignatureHeaders } from './signature.js';
import type { SocketAck } from './socket-acks.js';
import type { StandInState } from './state.js';

/** What the app answered: HTTP status, body, and how long the acknowledgement took. */
export interface DeliveryResult {
  /** Over Socket Mode: 200 once acknowledged, 0 when not. */
  status: number;
  /** Over Socket Mode: the ack's `payload` as JSON text, `''` when it carried none. */
  body: string;
  ackMs: number;
  responseUrl: string;
  triggerId: string;
  /** Set when Slack would show the user an error: no answer within 3 s, or no 2xx. */
  error?: 'operation_timeout' | 'dispatch_failed';
  /** Set when the delivery went over Socket Mode. */
  envelopeId?: string;
}

/** One delivery's outcome, before the sender adds what it made (response_url, trigger_id). */
export type Delivered = Omit<DeliveryResult, 'responseUrl' | 'triggerId'>;

/** The retry number and reason Slack attaches to a repeated Events API delivery. */
export interface EventRetry {
  num: number;
  reason: string;
}

/** What is delivered, as data: the transport decides how it travels. */
export type Delivery =
  | { kind: 'slash_commands'; payload: Record<string, string> }
  | { kind: 'interactive'; payload: Record<string, unknown> }
  | { kind: 'events_api'; payload: Record<string, unknown>; retry?: EventRetry | undefined };

/**
 * Delivers to the app as Slack does: over Socket Mode while the app holds a connection (Slack then
 * sends nothing over HTTP), else as a signed POST to the app's URL.
 */
export function deliver(state: StandInState, delivery: Delivery): Promise<Delivered> {
  return state.socketMode.connections() > 0 ? overSocket(state, delivery) : overHttp(state, delivery);
}

/** The HTTP body and headers Slack sends: form fields for commands, `payload=<json>`, or JSON events. */
function httpRequest(d: Delivery): { body: string; headers: Record<string, string> } {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (d.kind === 'slash_commands') return { body: new URLSearchParams(d.payload).toString(), headers: form };
  if (d.kind === 'interactive') {
    return { body: new URLSearchParams({ payload: JSON.stringify(d.payload) }).toString(), headers: form };
  }
  const retry = d.retry
    ? { 'X-Slack-Retry-Num': String(d.retry.num), 'X-Slack-Retry-Reason': d.retry.reason }
    : {};
  return { body: JSON.stringify(d.payload), headers: { 'Content-Type': 'application/json', ...retry } };
}

async function overHttp(state: StandInState, delivery: Delivery): Promise<Delivered> {
  if (!state.botUrl) throw new Error('the app URL is not set: call setBotUrl() first');
  const { body, headers: own } = httpRequest(delivery);
  const headers = {
    ...own,
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...slackSignatureHeaders(state.signingSecret, Math.floor(state.now().getTime() / 1000), body),
  };
  const started = performance.now();
  try {
    const res = await fetch(state.botUrl, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(state.ackTimeoutMs),
    });
    const text = await res.text();
    const result = { status: res.status, body: text, ackMs: performance.now() - started };
    return res.ok ? result : { ...result, error: 'dispatch_failed' };
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    const error = timedOut ? 'operation_timeout' : 'dispatch_failed';
    return { status: 0, body: '', ackMs: performance.now() - started, error };
  }
}

/** The ack's payload plays the part of the HTTP response body; an empty one means "nothing to show". */
function ackBody(ack: SocketAck): string {
  const { payload } = ack;
  return payload && Object.keys(payload).length > 0 ? JSON.stringify(payload) : '';
}

async function overSocket(state: StandInState, d: Delivery): Promise<Delivered> {
  const retry =
    d.kind === 'events_api' ? { retry_attempt: d.retry?.num ?? 0, retry_reason: d.retry?.reason ?? '' } : {};
  const started = performance.now();
  const { envelopeId, ack } = await state.socketMode.send(
    { type: d.kind, payload: d.payload, accepts_response_payload: d.kind !== 'events_api', ...retry },
    state.ackTimeoutMs,
  );
  const ackMs = performance.now() - started;
  if (!ack) return { status: 0, body: '', ackMs, envelopeId, error: 'operation_timeout' };
  return { status: 200, body: ackBody(ack), ackMs, envelopeId };
}

/** An ephemeral notice from Slack itself, e.g. `/backup-jobs failed with the error "operation_timeout"`. */
export function slackNotice(state: StandInState, channel: string, user: string, text: string) {
  state.store.post({ channel, user: SLACKBOT_USER, text, ephemeralFor: user, via: 'slack' });
}
