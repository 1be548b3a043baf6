import { CodedError } from '../errors.js';

export class CursorExpiredError extends CodedError {
  /** The query text when it is still known, for a "Run again" button. */
  readonly queryText: string | undefined;

  constructor(queryText: string | undefined) {
    super('CURSOR_EXPIRED', 'These results have expired (results are kept for 24 hours).', {
      remedy: 'Run the query again to get fresh results.',
    });
    this.queryText = queryText;
  }
}

/** Someone else's results: the refusal says nothing of the question they asked. */
export class CursorForbiddenError extends CodedError {
  readonly queryText = undefined;

  constructor() {
    super('CURSOR_FORBIDDEN', 'These results belong to someone else or to another channel.', {
      remedy: 'Type the command yourself to get your own results.',
    });
  }
}

export class RedisUnavailableError extends CodedError {
  constructor(cause: unknown) {
    super('REDIS_UNAVAILABLE', 'The bot cannot reach its storage right now.', {
      remedy: 'Try again in a minute; if it persists, ask an admin to check Redis.',
      cause,
    });
  }
}

/** Another click has been fetching the same page for longer than a page ever takes. */
export class PageBusyError extends CodedError {
  constructor() {
    super('PAGE_BUSY', 'That page is still being fetched for someone else.', {
      remedy: 'Click the button again in a few seconds.',
    });
  }
}
