import { summaryMessage } from '../blocks/index.js';
import { describeQuery } from '../query/describe.js';
import type { SummaryQuery } from '../query/types.js';
import type { BotDeps, RequestContext } from './deps.js';

/** `summary …`: counts from ListBackupJobSummaries, with a Chart button bound to this channel. */
export async function showSummary(deps: BotDeps, ctx: RequestContext, query: SummaryQuery, timeZone: string) {
  const summary = await deps.backup.summary(query);
  const cursorId = await deps.savedQueries.save(
    { teamId: ctx.teamId, channelId: ctx.channelId, userId: ctx.userId, visibility: query.visibility },
    query,
    timeZone,
  );
  return summaryMessage(summary, {
    title: describeQuery(query, timeZone),
    timeZone,
    cursorId,
    responseType: query.visibility,
    replaceOriginal: false,
  });
}
