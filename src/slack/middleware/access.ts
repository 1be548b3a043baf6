import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import { notAllowedMessage } from '../../blocks/index.js';
import type { BotDeps } from '../deps.js';
import { PAYLOAD } from './validate.js';

/** ALLOWED_CHANNEL_IDS / ALLOWED_USER_IDS: when a list is set, only its members may use the app. */
export function isAllowed(access: BotDeps['config']['access'], channelId: string, userId: string): boolean {
  if (access.channelIds.length > 0 && !access.channelIds.includes(channelId)) return false;
  if (access.userIds.length > 0 && !access.userIds.includes(userId)) return false;
  return true;
}

interface Who {
  channel_id?: string;
  user_id?: string;
  user?: { id: string };
  channel?: { id: string } | null;
  container?: { channel_id?: string } | null;
}

/** Refuses commands and clicks from people or channels outside the allowed lists, politely. */
export function checkAccess(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const payload = args.context[PAYLOAD] as Who | undefined;
    if (!payload) return args.next();
    const channelId = payload.channel_id ?? payload.channel?.id ?? payload.container?.channel_id ?? '';
    const userId = payload.user_id ?? payload.user?.id ?? '';
    if (isAllowed(deps.config.access, channelId, userId)) return args.next();
    const { ack, respond } = args as { ack?: () => Promise<void>; respond?: RespondFn };
    await ack?.();
    await respond?.({ ...notAllowedMessage(), response_type: 'ephemeral' }).catch(() => undefined);
  };
}
