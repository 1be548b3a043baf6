import type { Config } from '../config.js';

/** ALLOWED_CHANNEL_IDS / ALLOWED_USER_IDS: when a list is set, only its members may use the app. */
export function isAllowed(access: Config['access'], channelId: string, userId: string): boolean {
  if (access.channelIds.length > 0 && !access.channelIds.includes(channelId)) return false;
  if (access.userIds.length > 0 && !access.userIds.includes(userId)) return false;
  return true;
}
