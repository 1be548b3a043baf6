import { rankResources } from '../backup/ranking.js';
import { MAX_RANKED, topMessage } from '../blocks/top-message.js';
import { describeQuery } from '../query/describe.js';
import { listTextOf } from '../query/list-text.js';
import type { ListQuery, TopQuery } from '../query/types.js';
import type { BotDeps, RequestContext } from './deps.js';

/** What the ranked jobs are, in words: `failed`, `failed or partial`, `completed with issues`. */
export function rankedWords(list: ListQuery): string {
  const words = list.states.map((s) => s.toLowerCase());
  if (list.withIssues) words.push('completed with issues');
  if (list.validation.includes('TIMED_OUT')) words.push('validation timed out');
  return words.join(' or ');
}

/** `top failing resources …`: resources ranked by matching jobs (a bounded walk), each with a button listing its jobs. */
export async function showTop(deps: BotDeps, ctx: RequestContext, query: TopQuery, timeZone: string) {
  const list = query.list;
  const ranking = await rankResources(deps.backup, list, Math.min(query.limit, MAX_RANKED));
  ctx.log.info(
    { resources: ranking.resourceCount, jobs: ranking.jobCount, capped: ranking.capped },
    'resources ranked',
  );
  const now = deps.now();
  const listTexts: Record<string, string> = {};
  for (const r of ranking.resources) {
    if (r.arn === undefined) continue;
    const text = listTextOf(list, { ...list, resourceArn: r.arn }, { now, timeZone });
    if (text !== undefined) listTexts[r.key] = text;
  }
  return topMessage(
    {
      title: describeQuery(query, timeZone),
      kind: list.jobKind,
      what: rankedWords(list),
      ranking,
      listTexts,
      timeZone,
      now,
      notes: [...new Set([...query.notes, ...list.notes])],
    },
    { responseType: query.visibility, replaceOriginal: false },
  );
}
