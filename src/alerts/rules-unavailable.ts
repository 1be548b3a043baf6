import { CodedError } from '../errors.js';

/**
 * Redis, where rules made in Slack live, did not answer. Alerts keep running on the rules last
 * read; only changing them (or reading their history) waits for Redis.
 */
export class RulesUnavailableError extends CodedError {
  constructor(doing: 'edited' | 'read', cause: unknown) {
    const message =
      doing === 'edited'
        ? 'Alert rules cannot be edited right now: their storage (Redis) does not answer.'
        : 'Alert rule changes cannot be read right now: their storage (Redis) does not answer.';
    super('REDIS_UNAVAILABLE', message, {
      remedy:
        'Alerts keep running on the rules as they were. Try again in a minute; if it persists, ask an admin to check Redis.',
      cause,
    });
  }
}
