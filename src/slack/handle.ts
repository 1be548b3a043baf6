import type { WorkContext } from '../work/queue.js';
import { runClick } from './actions/index.js';
import type { BotDeps, RequestContext } from './deps.js';
import { rateLimitedMessage } from './rate-limit.js';
import type { SlackRequest } from './requests.js';
import { postToResponseUrl } from './respond.js';
import { runText } from './run-text.js';

/**
 * The context a piece of work answers through: its response_url (each answer posted at most once
 * per step, whichever process runs it, however often), the bot's Web API client, a child logger.
 */
export function requestContext(deps: BotDeps, request: SlackRequest, work: WorkContext): RequestContext {
  let answers = 0;
  return {
    teamId: request.teamId,
    channelId: request.channelId,
    userId: request.userId,
    // Work that Redis took was checked against replays by its job id; work run here was not.
    replayChecked: !work.local,
    respond: async (message) => {
      answers += 1;
      await work.once(`respond-${answers}`, () =>
        postToResponseUrl(request.responseUrl, message, deps.answerFooter),
      );
    },
    once: work.once,
    client: deps.slack,
    log: deps.logger.child({
      request: request.id.slice(0, 12),
      ...(request.type === 'command' ? { command: 'backup-jobs' } : { action: request.actionId }),
      user: request.userId,
      channel: request.channelId,
    }),
  };
}

/** Runs what a command or click asks for, on whichever bot process took it from the queue. */
export async function handleRequest(deps: BotDeps, request: SlackRequest, work: WorkContext): Promise<void> {
  const started = performance.now();
  const ctx = requestContext(deps, request, work);
  const kind = request.type;
  try {
    // Counted once per request: a retry of the same work is not counted (or refused) again.
    const counted = await ctx.once('rate', () => deps.limiter.check(request));
    if (counted.done && !counted.value.ok) {
      deps.metrics.rateLimited.inc({ who: counted.value.who });
      ctx.log.info({ who: counted.value.who }, 'request over the rate limit');
      await ctx.respond(rateLimitedMessage(counted.value) as unknown as Record<string, unknown>);
      return;
    }
    if (request.type === 'command') await runText(deps, ctx, request.text);
    else await runClick(deps, ctx, request);
  } finally {
    deps.metrics.requestSeconds.observe(
      { kind, name: 'answer', outcome: work.local ? 'local' : 'queued' },
      (performance.now() - started) / 1000,
    );
  }
}
