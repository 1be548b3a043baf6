import { ACTION, actionPattern, decodeResourceValue, decodeStalePageValue } from '../../blocks/index.js';
import { parseQuery } from '../../query/parse.js';
import type { StaleQuery } from '../../query/types.js';
import type { BotDeps, RequestContext } from '../deps.js';
import { exportStale, showResource, showStale } from '../show-coverage.js';
import type { ClickAction } from './types.js';

const gone = (what: string) => ({
  text: `That button no longer points at ${what}. Type /backup-jobs stale 24h to ask again.`,
  response_type: 'ephemeral',
  replace_original: false,
});

/** The stale query a paging or export value carries, parsed again in the clicker's zone. */
async function staleOf(deps: BotDeps, ctx: RequestContext, value: string | undefined) {
  const target = decodeStalePageValue(value);
  if (!target) return null;
  const timeZone = await deps.zones.zoneOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
  const parsed = parseQuery(target.text, { now: deps.now(), timeZone });
  if (!parsed.ok || parsed.query.kind !== 'stale') return null;
  return { query: parsed.query as StaleQuery, page: target.page, timeZone };
}

const page: ClickAction['run'] = async (deps, ctx, value) => {
  const stale = await staleOf(deps, ctx, value);
  if (!stale) return gone('a stale answer');
  return showStale(deps, stale.query, stale.timeZone, { page: stale.page, replaceOriginal: true });
};

const exportCsv: ClickAction['run'] = async (deps, ctx, value) => {
  const stale = await staleOf(deps, ctx, value);
  if (!stale) return gone('a stale answer');
  return exportStale(deps, ctx, stale.query, false);
};

const story: ClickAction['run'] = async (deps, ctx, value) => {
  const arn = decodeResourceValue(value);
  if (!arn) return gone('a resource');
  const timeZone = await deps.zones.zoneOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
  return showResource(deps, { target: arn, visibility: 'ephemeral' }, timeZone);
};

/** Prev / Next / Export CSV of a stale answer, and the Resource buttons that open a story. */
export const COVERAGE_CLICKS: readonly ClickAction[] = [
  { match: ACTION.stalePrev, name: 'stale_prev', run: page },
  { match: ACTION.staleNext, name: 'stale_next', run: page },
  { match: ACTION.staleExportCsv, name: 'stale_export_csv', run: exportCsv },
  { match: actionPattern(ACTION.resource), name: 'resource', run: story },
];
