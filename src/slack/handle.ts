import type { WorkContext } from '../work/queue.js';
import { runClick } from './actions/index.js';
import type { BotDeps, RequestContext } from './deps.js';
import { publishHome } from './home.js';
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
    checkReplay: work.checkReplay,
    responseUrl: request.responseUrl,
    triggerId: request.triggerId,
    respond: async (message) => {
      answers += 1;
      const url = request.responseUrl;
      await work.once(`respond-${answers}`, () =>
        url
          ? postToResponseUrl(url, message, deps.answerFooter)
          : postToMessagesTab(deps, request.userId, message),
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

/**
 * An answer to a click on the App Home, which has no response_url: posted in the app's Messages tab
 * (a DM with the person), where a message cannot be replaced, so it is always a new one.
 */
async function postToMessagesTab(deps: BotDeps, userId: string, message: Record<string, unknown>) {
  const { response_type: _type, replace_original: _replace, delete_original: _delete, ...rest } = message;
  const blocks = [
    ...((rest.blocks as unknown[] | undefined) ?? []),
    ...(deps.answerFooter ? [deps.answerFooter] : []),
  ];
  await deps.slack.chat.postMessage({
    channel: userId,
    text: typeof rest.text === 'string' ? rest.text : 'backup-jobs',
    ...(blocks.length > 0 ? { blocks: blocks as never } : {}),
  });
}

/** Alert and rule controls, typed or clicked: the Homes of those who look show their effect. */
function changesAlerts(request: SlackRequest): boolean {
  if (request.type === 'click') return /^bj_(alert|rule)_/.test(request.actionId);
  return /^\s*alerts\s+(mute|unmute|pause|resume|delete)\b/i.test(request.text);
}

export async function askHomeRefresh(deps: BotDeps, log: RequestContext['log']) {
  await deps.homeRefresher
    .request(Date.now())
    .catch((err: unknown) => log.debug({ err }, 'Home refresh not asked for'));
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
    if (request.type === 'click' && request.home) await publishHome(deps, request.userId);
    if (changesAlerts(request)) await askHomeRefresh(deps, ctx.log);
  } finally {
    deps.metrics.requestSeconds.observe(
      { kind, name: 'answer', outcome: work.local ? 'local' : 'queued' },
      (performance.now() - started) / 1000,
    );
  }
}
