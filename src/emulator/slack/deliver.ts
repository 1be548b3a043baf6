import { performance } from 'node:perf_hooks';
import { SLACKBOT_USER } from './defaults.js';
import { slackSignatureHeaders } from './signature.js';
import type { StandInState } from './state.js';

/** What the app answered: HTTP status, body, and how long the acknowledgement took. */
export interface DeliveryResult {
  status: number;
  body: string;
  ackMs: number;
  responseUrl: string;
  triggerId: string;
  /** Set when Slack would show the user an error: no answer within 3 s, or no 2xx. */
  error?: 'operation_timeout' | 'dispatch_failed';
}

/** POSTs a signed form body to the app, as Slack does, and times the acknowledgement. */
export async function deliver(
  state: StandInState,
  body: string,
): Promise<Omit<DeliveryResult, 'responseUrl' | 'triggerId'>> {
  if (!state.botUrl) throw new Error('the app URL is not set: call setBotUrl() first');
  const headers = {
    'Content-Type': 'application/x-www-form-urlencoded',
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

/** An ephemeral notice from Slack itself, e.g. `/backup-jobs failed with the error "operation_timeout"`. */
export function slackNotice(state: StandInState, channel: string, user: string, text: string) {
  state.store.post({ channel, user: SLACKBOT_USER, text, ephemeralFor: user, via: 'slack' });
}
