import { LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import { type SlackStandIn, type SlackStandInOptions, startSlackStandIn } from '../../../src/emulator/slack/index.js';

export const BOT_TOKEN = 'xoxb-0000-standin-test-token';
export const SIGNING_SECRET = 'standin-test-signing-secret-0123';

export function startTestStandIn(options: Partial<SlackStandInOptions> = {}): Promise<SlackStandIn> {
  return startSlackStandIn({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, ...options });
}

/** The real WebClient pointed at the stand-in; no retries unless asked, so failures surface at once. */
export function clientFor(standIn: SlackStandIn, options: WebClientOptions = {}, token = BOT_TOKEN): WebClient {
  return new WebClient(token, {
    slackApiUrl: standIn.apiUrl,
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 0 },
    ...options,
  });
}

/** The `data.error` of a rejected Web API call (or a thrown error when the call unexpectedly succeeded). */
export async function apiError(call: Promise<unknown>): Promise<{ error: string; errors?: string[] }> {
  try {
    await call;
  } catch (err) {
    const data = (err as { data?: { error: string; errors?: string[] } }).data;
    if (data) return data;
    throw err;
  }
  throw new Error('the call succeeded');
}

export const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
