import type { ContextBlock } from '@slack/types';
import { UnrecoverableError } from 'bullmq';
import { withFooter } from '../blocks/notes.js';
import { CodedError } from '../errors.js';

/** A response_url post that takes longer than this is given up (and retried by the work queue). */
const RESPOND_TIMEOUT_MS = 10_000;

/**
 * Posts a message to a response_url, as Bolt's `respond()` does, from whichever process runs the
 * work. A refusal that retrying cannot fix (the URL expired or was used 5 times: 404, 410) is
 * unrecoverable; a 5xx, a 429 or a network failure is thrown for the work queue to retry.
 *
 * `footer` (the stand-in notice of `standInFooter`, `BotDeps.answerFooter`) is added here because
 * this is the one way every answer of the bot reaches Slack: to commands, clicks and malformed
 * requests, from whichever process runs the work.
 */
export async function postToResponseUrl(
  url: string,
  message: Record<string, unknown>,
  footer?: ContextBlock,
): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(withFooter(message, footer)),
    signal: AbortSignal.timeout(RESPOND_TIMEOUT_MS),
  });
  const body = await res.text();
  if (res.ok) return;
  if (res.status >= 400 && res.status < 500 && res.status !== 429) {
    throw new UnrecoverableError(`response_url refused the answer: HTTP ${res.status} ${body.slice(0, 100)}`);
  }
  throw new CodedError('SLACK_API', `Slack did not take the answer (HTTP ${res.status}).`, {
    remedy: 'The answer is sent again shortly.',
  });
}
