import type { JobSummary } from '../backup/types.js';
import { type SummaryOptions, summaryMessages } from '../blocks/index.js';
import { describeQuery } from '../query/describe.js';
import type { SummaryQuery } from '../query/types.js';
import type { BotDeps, RequestContext } from './deps.js';
import { respondFirstTaken } from './respond.js';

/**
 * `summary …`: counts from ListBackupJobSummaries. Daily counts come with their chart; totals with a
 * Chart by day button bound to this channel (and to the asker, for a private answer); `summary by
 * account` (Region, resource type, state) with that grouping alone.
 */
export async function showSummary(deps: BotDeps, ctx: RequestContext, query: SummaryQuery, timeZone: string) {
  const summary = await deps.backup.summary(query);
  const binding = {
    teamId: ctx.teamId,
    channelId: ctx.channelId,
    userId: ctx.userId,
    visibility: query.visibility,
  };
  // A grouped summary offers no chart by day: its answer is the grouping.
  const charted = query.summary.period !== 'ONE_DAY' && query.groupBy === undefined;
  const cursorId = charted ? await deps.savedQueries.save(binding, query, timeZone) : undefined;
  return answer(ctx, summary, {
    title: describeQuery(query, timeZone),
    timeZone,
    ...(query.groupBy === undefined ? {} : { groupBy: query.groupBy }),
    ...(cursorId === undefined ? {} : { cursorId }),
    responseType: query.visibility,
    replaceOriginal: false,
  });
}

/** Chart by day: the saved summary's scope counted per UTC day, in place of the totals clicked on. */
export async function showDailyChart(deps: BotDeps, ctx: RequestContext, cursorId: string) {
  const saved = await deps.savedQueries.load(cursorId, {
    teamId: ctx.teamId,
    channelId: ctx.channelId,
    userId: ctx.userId,
  });
  const daily = { ...saved.query, summary: { ...saved.query.summary, period: 'ONE_DAY' as const } };
  const summary = await deps.backup.summary(daily);
  return answer(ctx, summary, {
    title: describeQuery(daily, saved.timeZone),
    timeZone: saved.timeZone,
    responseType: saved.binding.visibility,
    replaceOriginal: true,
  });
}

/**
 * Sends the richest version of the summary Slack takes (chart, tables, text): the one place its
 * fallback is decided. What is returned is left for the caller to send, as any answer.
 */
function answer(ctx: RequestContext, summary: JobSummary, options: SummaryOptions) {
  return respondFirstTaken(ctx.respond, summaryMessages(summary, options), ctx.log);
}
