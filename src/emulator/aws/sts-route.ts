import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { callerFor, scopeOf } from './identity.js';
import type { ServerParts } from './server.js';
import { assumeRole, getCallerIdentity, type StsDeps, stsAction } from './sts.js';
import { StsError, sendStsError, sendStsResult } from './sts-xml.js';

const MAX_BODY = 64 * 1024;

async function readForm(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new StsError('ValidationError', 400, 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function answer(parts: ServerParts, req: IncomingMessage, res: ServerResponse, url: URL) {
  const params = new URLSearchParams(url.search);
  for (const [name, value] of new URLSearchParams(await readForm(req))) params.set(name, value);
  const scope = scopeOf(req.headers.authorization);
  if (!scope)
    throw new StsError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
  if (scope.service !== 'sts') {
    throw new StsError(
      'SignatureDoesNotMatch',
      403,
      "Credential should be scoped to correct service: 'sts'.",
    );
  }
  const action = stsAction(params);
  parts.stats.record(action, scope.region);
  if (parts.latencyMs > 0) await delay(parts.latencyMs);
  const { ctx, faults } = parts;
  const token = req.headers['x-amz-security-token'];
  const caller = callerFor(
    ctx.sessions,
    ctx.accounts,
    scope.accessKeyId,
    typeof token === 'string' ? token : undefined,
    ctx.now(),
  );
  if (caller === 'expired') {
    throw new StsError('ExpiredToken', 403, 'The security token included in the request is expired');
  }
  if (caller === 'invalid') {
    throw new StsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
  }
  if (action === 'GetCallerIdentity') return sendStsResult(res, action, getCallerIdentity(caller));
  const deps: StsDeps = {
    accounts: ctx.accounts,
    memberRoleName: ctx.memberRoleName,
    sessions: ctx.sessions,
    now: ctx.now,
    deniesAssumeRole(account) {
      const denied = faults.deniesAssumeRole(account);
      if (denied) parts.stats.injected('AccessDenied');
      return denied;
    },
  };
  sendStsResult(res, action, assumeRole(deps, caller, params));
}

/**
 * STS's query API on the emulator's endpoint: `POST /` with a form-encoded `Action` (AssumeRole,
 * GetCallerIdentity), answered in XML as STS answers, errors included.
 */
export async function serveSts(
  parts: ServerParts,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  try {
    await answer(parts, req, res, url);
  } catch (err) {
    if (!(err instanceof StsError)) throw err;
    sendStsError(res, err);
  }
}
