import type { BotDeps, RequestContext } from '../deps.js';
import type { ClickRequest } from '../requests.js';

/**
 * What a click does, once it is off the queue: it returns the message to answer with (null when it
 * answered itself). `changesState` marks clicks refused while replays cannot be checked.
 */
export interface ClickAction {
  /** An action_id, or a pattern for indexed ones (`bj_job_details:3`). */
  match: string | RegExp;
  /** For logs and metrics. */
  name: string;
  changesState?: boolean;
  run(
    deps: BotDeps,
    ctx: RequestContext,
    value: string | undefined,
    request: ClickRequest,
  ): Promise<object | null>;
}
