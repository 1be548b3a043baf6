import { randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from './answers.js';
import { readBody } from './body.js';
import { RESPONSE_URL_MAX_USES, RESPONSE_URL_TTL_MS } from './defaults.js';
import { applyResponse } from './respond.js';
import { ResponseUrlBody } from './schemas.js';
import { sendJson } from './send.js';
import { countCall, type StandInState } from './state.js';

/** What a response_url remembers about the command or click it was made for. */
export interface ResponseContext {
  kind: 'commands' | 'actions';
  channel: string;
  user: string;
  /** For clicks: the message clicked on. */
  sourceId?: string | undefined;
  /** For commands: the last message posted through this url (replace_original replaces it). */
  lastPostedId?: string | undefined;
  createdMs: number;
  uses: number;
}

/** Fresh response_urls shaped like Slack's (`/commands/T…/n/secret`, `/actions/T…/n/secret`). */
export class ResponseUrls {
  readonly #contexts = new Map<string, ResponseContext>();
  readonly #baseUrl: string;
  readonly #teamId: string;

  constructor(baseUrl: string, teamId: string) {
    this.#baseUrl = baseUrl;
    this.#teamId = teamId;
  }

  create(fields: Omit<ResponseContext, 'uses'>): { url: string; context: ResponseContext } {
    const path = `/${fields.kind}/${this.#teamId}/${randomInt(1e11, 1e12)}/${randomBytes(12).toString('base64url')}`;
    const context = { ...fields, uses: 0 };
    this.#contexts.set(path, context);
    return { url: `${this.#baseUrl}${path}`, context };
  }

  get(path: string): ResponseContext | undefined {
    return this.#contexts.get(path);
  }
}

/** A POST to a response_url: Slack's use and age limits, the same message checks, then apply. */
export async function handleResponseUrl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: StandInState,
) {
  const context = state.responseUrls.get(path);
  const raw = await readBody(req);
  if (!context) return sendJson(res, 404, fail('invalid_url'));
  countCall(state, 'response_url');
  if (state.now().getTime() - context.createdMs > RESPONSE_URL_TTL_MS)
    return sendJson(res, 404, fail('expired_url'));
  if (context.uses >= RESPONSE_URL_MAX_USES) return sendJson(res, 404, fail('used_url'));
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return sendJson(res, 400, fail('invalid_payload'));
  }
  const parsed = ResponseUrlBody.safeParse(json);
  if (!parsed.success) {
    const blocksBroken = parsed.error.issues.some((i) => i.path[0] === 'blocks');
    return sendJson(res, 400, fail(blocksBroken ? 'invalid_blocks_format' : 'invalid_payload'));
  }
  const outcome = applyResponse(state, context, parsed.data);
  if (outcome.answer.ok) context.uses += 1;
  return sendJson(res, outcome.status, outcome.answer);
}
