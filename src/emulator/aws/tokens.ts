import { createHash, createHmac, randomBytes } from 'node:crypto';
import { AwsError } from './aws-error.js';

/**
 * NextToken values: a keyset position bound to the request that produced it, with a random nonce
 * (so no two tokens are ever the same) and an HMAC (so a forged or edited token is refused).
 */
export class TokenCodec {
  readonly #secret: Buffer;

  constructor(secret: Buffer = randomBytes(32)) {
    this.#secret = secret;
  }

  /** A token for continuing after `key` in the request described by `scope`. */
  issue(scope: string, key: unknown): string {
    const payload = Buffer.from(
      JSON.stringify({ s: scopeHash(scope), k: key, n: randomBytes(9).toString('base64url') }),
    ).toString('base64url');
    return `${payload}.${this.#sign(payload)}`;
  }

  /** The key of a token issued for `scope`; AWS's InvalidParameterValueException otherwise. */
  read(scope: string, token: string): unknown {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined || signature !== this.#sign(payload)) {
      throw tokenError(
        'The NextToken is not valid. Pass the NextToken value from the previous response unchanged.',
      );
    }
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      s?: string;
      k?: unknown;
    };
    if (decoded.s !== scopeHash(scope)) {
      throw tokenError(
        'The NextToken belongs to a different request. Repeat the request that returned it with the same parameters and Region.',
      );
    }
    return decoded.k;
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#secret).update(payload).digest('base64url').slice(0, 22);
  }
}

function scopeHash(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

function tokenError(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', 400, message, 'NextToken');
}
