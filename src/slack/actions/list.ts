import {
  ACTION,
  actionPattern,
  decodeDetailsValue,
  decodePageValue,
  type PageTarget,
} from '../../blocks/index.js';
import { csvQueuedMessage } from '../../blocks/progress.js';
import { CursorExpiredError } from '../../results/index.js';
import type { RequestContext } from '../deps.js';
import { openEditQuery } from '../edit-query.js';
import { showJob } from '../show-job.js';
import { renderPage } from '../show-list.js';
import type { ClickAction } from './types.js';

function target(value: string | undefined): PageTarget {
  const named = decodePageValue(value);
  if (!named) throw new CursorExpiredError(undefined);
  return named;
}

const actor = (ctx: RequestContext) => ({ teamId: ctx.teamId, channelId: ctx.channelId, userId: ctx.userId });

/** Prev and Next show the page their button names, so a double click or a stale one is harmless. */
const page: ClickAction['run'] = async (deps, ctx, value) => {
  const { cursorId, page: n } = target(value);
  const view = await deps.pager.page(cursorId, n, actor(ctx));
  ctx.log.info({ cursorId, page: view.page, calls: view.calls }, 'page shown');
  return renderPage(deps, view, { replaceOriginal: true });
};

const details: ClickAction['run'] = async (deps, ctx, value) => {
  const job = decodeDetailsValue(value);
  if (!job) {
    return {
      text: 'That button no longer points at a job.',
      response_type: 'ephemeral',
      replace_original: false,
    };
  }
  const timeZone = await deps.zones.zoneOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
  return showJob(deps, job.jobId, timeZone, { region: job.region, kind: job.kind });
};

/** Prev / Next / Share / Export CSV / Details on a page of jobs. */
export const LIST_ACTIONS: readonly ClickAction[] = [
  { match: ACTION.next, name: 'next', run: page },
  { match: ACTION.prev, name: 'prev', run: page },
  {
    match: ACTION.share,
    name: 'share',
    changesState: true,
    async run(deps, ctx, value) {
      const { cursorId, page: n } = target(value);
      const view = await deps.pager.share(cursorId, n, actor(ctx));
      return renderPage(deps, view, { replaceOriginal: false, sharedBy: ctx.userId });
    },
  },
  {
    match: new RegExp(`^(?:${ACTION.exportCsv}|${ACTION.exportCsvDirect})$`),
    name: 'export_csv',
    changesState: true,
    async run(deps, ctx, value, request) {
      // Checked here, so that a refusal comes at once rather than after a wait in the export queue.
      await deps.pager.query(target(value).cursorId, actor(ctx));
      if ((await deps.exports.submit(request)) !== 'queued') return null;
      // Asked once it is in the queue, so that exports clicked at the same moment count each other.
      const ahead = await deps.exports.ahead(request.id).catch(() => null);
      return ahead ? csvQueuedMessage(ahead) : null;
    },
  },
  {
    match: ACTION.editQuery,
    name: 'edit_query',
    async run(deps, ctx, value, request) {
      const { query } = await deps.pager.query(target(value).cursorId, actor(ctx));
      // Pages are messages, so their clicks carry a response_url; Home has no Edit query button.
      if (!request.responseUrl) return null;
      return openEditQuery(ctx, query, {
        triggerId: request.triggerId,
        responseUrl: request.responseUrl,
        channelId: request.channelId,
      });
    },
  },
  { match: actionPattern(ACTION.details), name: 'details', run: details },
  { match: ACTION.detailsSelect, name: 'details', run: details },
];
