import type { ContextBlock } from '@slack/types';
import { UnrecoverableError } from 'bullmq';
import { withFooter } from '../blocks/notes.js';
import { CodedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RequestContext } from './deps.js';
import { slackErrorCode } from './failures.js';

/** A response_url post that takes longer than this is given up (and retried by the work queue). */
const RESPOND_TIMEOUT_MS = 10_000;

/**
 * A response_url refused an answer for good (4xx but 429): sending it again cannot help. `code` is
 * Slack's word for why, from a JSON body (`{"ok":false,"error":"invalid_blocks"}`) or a bare one
 * (`invalid_blocks`, `expired_url`), else `http_<status>`.
 */
export class ResponseRefusedError extends UnrecoverableError {
  readonly code: string;
  readonly status: number;

  constructor(status: number, body: string) {
    super(`response_url refused the answer: HTTP ${status} ${body.slice(0, 100)}`);
    this.status = status;
    this.code = slackWord(body) ?? `http_${status}`;
  }
}

function slackWord(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { error?: unknown } | null;
    if (typeof json?.error === 'string') return json.error;
  } catch {
    // Not JSON: Slack's response_urls often answer with the bare word.
  }
  const word = body.trim();
  return /^[a-z_]{1,64}$/.test(word) ? word : undefined;
}

/** Whether Slack refused a message for its blocks, through a response_url or the Web API. */
export function isBlocksRefusal(err: unknown): boolean {
  const code = err instanceof ResponseRefusedError ? err.code : slackErrorCode(err);
  return code === 'invalid_blocks';
}

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
  if (res.status >= 400 && res.status < 500 && res.status !== 429)
    throw new ResponseRefusedError(res.status, body);
  throw new CodedError('SLACK_API', `Slack did not take the answer (HTTP ${res.status}).`, {
    remedy: 'The answer is sent again shortly.',
  });
}

/**
 * Answers with the first version of a message that Slack takes, richest first. A version Slack
 * refuses for its blocks (invalid_blocks: a workspace or client that does not have a block yet)
 * gives way to the next. The last version is returned for the caller to send as any answer, and so
 * is a version that failed for another reason: its failure then goes where any answer's failure
 * goes (the work queue retries it, or gives up on an expired response_url). Null once one was taken.
 */
export async function respondFirstTaken(
  respond: RequestContext['respond'],
  versions: readonly object[],
  log: Logger,
): Promise<object | null> {
  for (const [i, version] of versions.entries()) {
    if (i === versions.length - 1) return version;
    try {
      await respond(version as Record<string, unknown>);
      return null;
    } catch (err) {
      if (!isBlocksRefusal(err)) return version;
      log.warn({ err, version: i }, 'Slack refused the blocks of an answer; sending a simpler version');
    }
  }
  return null;
}
