import type { IncomingMessage } from 'node:http';
import { AwsError } from './aws-error.js';
import type { EmulatorContext } from './context.js';
import { type Caller, callerFor, scopeOf } from './identity.js';

/**
 * The Region and caller of a signed AWS Backup call: the Region of its SigV4 credential scope, and
 * the account its access key acts as (a session AssumeRole issued, or the management account).
 */
export function signerOf(ctx: EmulatorContext, req: IncomingMessage): { region: string; caller: Caller } {
  const scope = scopeOf(req.headers.authorization);
  if (!scope) throw new AwsError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
  if (scope.service !== 'backup') {
    throw new AwsError(
      'InvalidSignatureException',
      403,
      "Credential should be scoped to correct service: 'backup'.",
    );
  }
  const token = req.headers['x-amz-security-token'];
  const caller = callerFor(
    ctx.sessions,
    ctx.accounts,
    scope.accessKeyId,
    typeof token === 'string' ? token : undefined,
    ctx.now(),
  );
  if (caller === 'expired') {
    throw new AwsError('ExpiredTokenException', 403, 'The security token included in the request is expired');
  }
  if (caller === 'invalid') {
    throw new AwsError(
      'UnrecognizedClientException',
      403,
      'The security token included in the request is invalid.',
    );
  }
  return { region: scope.region, caller };
}
