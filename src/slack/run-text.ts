import { replayUncheckedMessage } from '../blocks/error-messages.js';
import { errorMessage } from '../blocks/index.js';
import { dateOrderOfLocale } from '../query/operands.js';
import { parseQuery } from '../query/parse.js';
import { stateChangeOf } from '../query/state-changes.js';
import { runAlertsCommand } from './alert-commands.js';
import type { BotDeps, RequestContext } from './deps.js';
import { failureMessage } from './failures.js';
import { showCount } from './show-count.js';
import { showCoverage, showResource, showStale } from './show-coverage.js';
import { showHelp } from './show-help.js';
import { showJob } from './show-job.js';
import { showList } from './show-list.js';
import { showSummary } from './show-summary.js';
import { showTop } from './show-top.js';

async function answer(deps: BotDeps, ctx: RequestContext, text: string): Promise<object | null> {
  const { timeZone, locale } = await deps.zones.readerOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
  const dateOrder = dateOrderOfLocale(locale);
  const parsed = parseQuery(text, { now: deps.now(), timeZone, ...(dateOrder ? { dateOrder } : {}) });
  if (!parsed.ok) {
    return errorMessage({
      message: parsed.error.error,
      remedy: 'Type `/backup-jobs help` to see everything I understand, with examples you can click.',
    });
  }
  const query = parsed.query;
  switch (query.kind) {
    case 'help':
      return showHelp(deps, ctx.log, query, timeZone);
    case 'list':
      return showList(deps, ctx, query, timeZone);
    case 'summary':
      return showSummary(deps, ctx, query, timeZone);
    case 'job':
      return showJob(deps, query.jobId, timeZone, { region: query.regions[0], kind: query.jobKind });
    case 'alerts':
      // A typed mute, pause or test is refused, like its button, while replays cannot be checked.
      if (stateChangeOf(query) !== undefined && !(await ctx.checkReplay())) return replayUncheckedMessage();
      return runAlertsCommand(deps, ctx, query);
    case 'stale':
      return showStale(deps, query, timeZone);
    case 'resource':
      return showResource(deps, query, timeZone);
    case 'coverage':
      return showCoverage(deps, query, timeZone);
    case 'count':
      return showCount(deps, ctx, query, timeZone);
    case 'top':
      return showTop(deps, ctx, query, timeZone);
  }
}

/**
 * What `/backup-jobs <text>` does once off the queue, also used by Run again and help examples:
 * parse in the user's zone, run, and reply. Every failure becomes a clear reply; a reply that
 * cannot be posted is thrown, for the work queue to retry.
 */
export async function runText(deps: BotDeps, ctx: RequestContext, text: string): Promise<void> {
  let message: object | null;
  try {
    message = await answer(deps, ctx, text);
  } catch (err) {
    message = failureMessage(err, ctx.log, text);
  }
  // Nothing to say when the answer is a modal that opened.
  if (message) await ctx.respond(message as Record<string, unknown>);
}
