import type { App } from '@slack/bolt';
import { ACTION, actionPattern, decodeCursorValue, decodeDetailsValue } from '../../blocks/index.js';
import { CursorExpiredError } from '../../paging/index.js';
import { exportCsv } from '../csv-export.js';
import type { BotDeps, RequestContext } from '../deps.js';
import { showJob } from '../show-job.js';
import { renderPage } from '../show-list.js';
import type { ClickHandler } from './click.js';
import { onClick } from './click.js';

function cursorOf(value: string | undefined): string {
  const id = decodeCursorValue(value);
  if (!id) throw new CursorExpiredError(undefined);
  return id;
}

const actor = (ctx: RequestContext) => ({ teamId: ctx.teamId, channelId: ctx.channelId, userId: ctx.userId });

/** Prev / Next / Share / Export CSV / Details on a page of jobs. */
export function registerListActions(app: App, deps: BotDeps) {
  const page =
    (step: 'next' | 'prev'): ClickHandler =>
    async (ctx, value) => {
      const view = await deps.pager[step](cursorOf(value), actor(ctx));
      ctx.log.info({ cursorId: view.cursorId, page: view.page, calls: view.calls }, 'page shown');
      return renderPage(deps, view, { replaceOriginal: true });
    };
  onClick(app, deps, ACTION.next, 'next', page('next'));
  onClick(app, deps, ACTION.prev, 'prev', page('prev'));

  onClick(app, deps, ACTION.share, 'share', async (ctx, value) => {
    const view = await deps.pager.share(cursorOf(value), actor(ctx));
    return renderPage(deps, view, { replaceOriginal: false, sharedBy: ctx.userId });
  });

  onClick(app, deps, ACTION.exportCsv, 'export_csv', async (ctx, value) => {
    const { query } = await deps.pager.query(cursorOf(value), actor(ctx));
    await exportCsv(deps, ctx, query);
    return null;
  });

  const details: ClickHandler = async (ctx, value) => {
    const target = decodeDetailsValue(value);
    if (!target) {
      return {
        text: 'That button no longer points at a job.',
        response_type: 'ephemeral',
        replace_original: false,
      };
    }
    const timeZone = await deps.zones.zoneOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
    return showJob(deps, target.jobId, timeZone, target.region);
  };
  onClick(app, deps, actionPattern(ACTION.details), 'details', details);
  onClick(app, deps, ACTION.detailsSelect, 'details', details);
}
