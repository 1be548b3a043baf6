import type { z } from 'zod';
import { type SlackRefusal, slackRefusals } from './block-rules.js';

/** A Web API answer: `{ ok: true, … }` or `{ ok: false, error, … }`, always with HTTP 200. */
export type ApiAnswer = { ok: boolean; error?: string } & Record<string, unknown>;

export function fail(error: string, extra: Record<string, unknown> = {}): ApiAnswer {
  return { ok: false, error, ...extra };
}

/** Slack's order when a message breaks several rules: the block schema is checked first. */
const PRECEDENCE: readonly SlackRefusal['error'][] = [
  'invalid_blocks',
  'msg_blocks_too_long',
  'msg_too_long',
  'no_text',
];

/**
 * The answer Slack gives to a message it refuses (see `block-rules.ts`), or undefined when Slack
 * accepts it: invalid_blocks carries `errors` and `response_metadata.messages`, the others only a code.
 */
export function messageError(message: {
  text?: string | undefined;
  blocks?: readonly unknown[] | undefined;
}): ApiAnswer | undefined {
  const refusals = slackRefusals(message);
  const error = PRECEDENCE.find((e) => refusals.some((r) => r.error === e));
  if (!error) return undefined;
  if (error !== 'invalid_blocks') return fail(error);
  const details = refusals.filter((r) => r.error === error).map((r) => r.detail);
  return fail(error, {
    errors: details,
    response_metadata: { messages: details.map((d) => `[ERROR] ${d}`) },
  });
}

/**
 * Validates arguments the way Slack reports them: an unparseable `blocks` is invalid_blocks_format,
 * anything else missing or malformed is invalid_arguments.
 */
export function parseArgs<T extends z.ZodType>(
  schema: T,
  args: Record<string, unknown>,
): { ok: true; value: z.infer<T> } | { ok: false; answer: ApiAnswer } {
  const result = schema.safeParse(args);
  if (result.success) return { ok: true, value: result.data };
  if (result.error.issues.some((i) => i.path[0] === 'blocks')) {
    return { ok: false, answer: fail('invalid_blocks_format') };
  }
  const messages = result.error.issues.map((i) => `[ERROR] ${i.message} [json-pointer:/${i.path.join('/')}]`);
  return { ok: false, answer: fail('invalid_arguments', { response_metadata: { messages } }) };
}
