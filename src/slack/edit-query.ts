import { z } from 'zod';
import { editQueryModal, MAX_PRIVATE_METADATA } from '../blocks/index.js';
import type { ListQuery } from '../query/types.js';
import type { RequestContext } from './deps.js';
import { ResponseUrl } from './requests.js';

/**
 * Where the answer to an Edit query modal goes, carried in its private_metadata: the response_url
 * of the click that opened it (valid 30 minutes, so the answer lands in the conversation it came
 * from) and that conversation.
 */
export const QueryModalTarget = z.object({ responseUrl: ResponseUrl, channelId: z.string().min(1) });
export type QueryModalTarget = z.infer<typeof QueryModalTarget>;

export function readTarget(metadata: string | undefined): QueryModalTarget | null {
  try {
    const parsed = QueryModalTarget.safeParse(JSON.parse(metadata ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Opens the Edit query modal for a page's query, from the click's trigger_id. */
export async function openEditQuery(
  ctx: RequestContext,
  query: ListQuery,
  target: QueryModalTarget & { triggerId: string | undefined },
): Promise<object | null> {
  const metadata = JSON.stringify({ responseUrl: target.responseUrl, channelId: target.channelId });
  if (!target.triggerId || metadata.length > MAX_PRIVATE_METADATA) {
    return {
      text: 'I could not open the form from here. Type `/backup-jobs` with your new query instead.',
      response_type: 'ephemeral',
      replace_original: false,
    };
  }
  await ctx.client.views.open({
    trigger_id: target.triggerId,
    view: editQueryModal({ text: query.text, metadata }),
  });
  return null;
}
