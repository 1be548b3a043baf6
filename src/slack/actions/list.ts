import {
  ACTION,
  actionPattern,
  decodeDetailsValue,
  decodePageValue,
  type PageTarget,
} from '../../blocks/index.js';
import { alreadySharedMessage } from '../../blocks/list-parts.js';
import { withFooter } from '../../blocks/notes.js';
import { csvQueuedMessage } from '../../blocks/progress.js';
import { CursorExpiredError } from '../../results/index.js';
import type { BotDeps, RequestContext } from '../deps.js';
import { openEditQuery } from '../edit-query.js';
import { slackErrorCode } from '../failures.js';
import { showJob } from '../show-job.js';
import { renderPage } from '../show-list.js';
import type { ClickAction } from './types.js';

function target(value: string | undefined): PageTarget {
  const named = decodePageValue(value);
  if (!named) throw new CursorExpiredError(undefined);
  return named;
}

const actor = (ctx: RequestContext) => ({ teamId: ctx.teamId, channelId: ctx.channelId, userId: ctx.userId });

/**
 * Prev and Next show the page their button names, so a double click or a stale one is harmless. On a
 * public answer, someone other than the asker gets their own private copy, in their zone, and the
 * message the channel sees stays as posted.
 */
const page: ClickAction['run'] = async (deps, ctx, value) => {
  const { cursorId, page: n } = target(value);
  const view = await deps.pager.page(cursorId, n, actor(ctx));
  if (view.visibility === 'in_channel' && view.askedBy !== ctx.userId) {
    const timeZone = await deps.zones.zoneOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
    const own = await deps.pager.privateCopy(cursorId, view.page, actor(ctx), timeZone);
    ctx.log.info({ cursorId, copy: own.cursorId, page: own.page }, 'private copy shown');
    return renderPage(deps, own, { replaceOriginal: false });
  }
  ctx.log.info({ cursorId, page: view.page, calls: view.calls }, 'page shown');
  return renderPage(deps, view, { replaceOriginal: true });
};

/** Slack's answers that mean the bot cannot post here itself; the response_url still can. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** Posts the shared page with the bot token, so that a second share can link to it. */
async function postShared(deps: BotDeps, ctx: RequestContext, shared: Record<string, unknown>) {
  const { response_type: _t, replace_original: _r, ...body } = withFooter(shared, deps.answerFooter);
  const posted = await ctx.client.chat.postMessage({ channel: ctx.channelId, ...body } as never);
  const ts = typeof posted.ts === 'string' ? posted.ts : undefined;
  if (ts === undefined) return {};
  const link = await ctx.client.chat
    .getPermalink({ channel: ctx.channelId, message_ts: ts })
    .catch((err: unknown) => ctx.log.info({ err }, 'no permalink for the shared page'));
  return { channelId: ctx.channelId, ts, ...(link?.permalink ? { permalink: link.permalink } : {}) };
}

/** Share in channel: posts the page once; sharing the same page again points to the first share. */
const share: ClickAction['run'] = async (deps, ctx, value) => {
  const { cursorId, page: n } = target(value);
  const shared = await deps.pager.share(cursorId, n, actor(ctx));
  if (shared.already) {
    const { timeZone } = await deps.pager.query(cursorId, actor(ctx));
    return alreadySharedMessage(shared.already, timeZone, deps.now());
  }
  const message = renderPage(deps, shared.view, { replaceOriginal: false });
  try {
    const posted = await ctx.once('share-post', () => postShared(deps, ctx, message));
    if (posted.done)
      await deps.pager.sharePosted(cursorId, shared.view.page, { ...shared.share, ...posted.value });
    return null;
  } catch (err) {
    const code = slackErrorCode(err);
    // Where the bot may not post, the response_url of the click still shares the page (without a link).
    if (code !== undefined && CANNOT_POST.has(code)) return message;
    await deps.pager.shareFailed(cursorId, shared.view.page).catch(() => undefined);
    throw err;
  }
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
  { match: ACTION.share, name: 'share', changesState: true, run: share },
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
