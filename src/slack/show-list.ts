import { emptyResult, listPage } from '../blocks/index.js';
import { describeQuery } from '../query/describe.js';
import type { ListQuery } from '../query/types.js';
import type { PageView } from '../results/index.js';
import type { BotDeps, RequestContext } from './deps.js';
import { widerSearches } from './wider-search.js';

/** Renders one page of a cursor (or the empty result), for a first answer or a click. */
export function renderPage(
  deps: BotDeps,
  view: PageView,
  options: { replaceOriginal: boolean },
): Record<string, unknown> {
  const now = deps.now();
  const title = describeQuery(view.query, view.timeZone);
  const responseType = view.visibility;
  if (view.page === 1 && view.jobs.length === 0 && !view.hasNext) {
    return {
      ...emptyResult(
        {
          title,
          kind: view.query.jobKind,
          suggestions: widerSearches(view.query, now, view.timeZone),
          notes: view.query.notes,
        },
        { responseType, replaceOriginal: options.replaceOriginal },
      ),
    };
  }
  return {
    ...listPage(
      {
        title,
        kind: view.query.jobKind,
        jobs: view.jobs,
        page: view.page,
        hasPrev: view.hasPrev,
        hasNext: view.hasNext,
        cursorId: view.cursorId,
        visibility: view.visibility,
        timeZone: view.timeZone,
        now,
        notes: view.query.notes,
        warnings: view.warnings,
        isLast: !view.hasNext,
        askedBy: view.askedBy,
        ...(view.sharedBy === undefined ? {} : { sharedBy: view.sharedBy }),
        ...(view.range === undefined ? {} : { range: view.range }),
        ...(view.total === undefined ? {} : { total: view.total }),
      },
      { responseType, replaceOriginal: options.replaceOriginal },
    ),
  };
}

/** A list query: open a cursor (first page from every region at once) and show it. */
export async function showList(deps: BotDeps, ctx: RequestContext, query: ListQuery, timeZone: string) {
  const view = await deps.pager.open(
    { teamId: ctx.teamId, channelId: ctx.channelId, userId: ctx.userId, visibility: query.visibility },
    query,
    timeZone,
  );
  ctx.log.info(
    { cursorId: view.cursorId, jobs: view.jobs.length, calls: view.calls, total: view.total },
    'list opened',
  );
  return renderPage(deps, view, { replaceOriginal: false });
}
