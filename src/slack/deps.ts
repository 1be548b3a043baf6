import type { Redis } from 'ioredis';
import type { BackupGateway } from '../backup/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Pager, RedisGuard, SavedQueries } from '../paging/index.js';
import type { AlertCommands } from './alert-commands.js';
import type { UserZones } from './user-zones.js';

/** Everything the listeners need, built once by `cli/bot.ts` and handed down. */
export interface BotDeps {
  config: Config;
  logger: Logger;
  redis: Redis;
  /** Fails Redis calls at once for a moment after one failed, so a frozen Redis cannot queue answers. */
  guard: RedisGuard;
  backup: BackupGateway;
  pager: Pager;
  savedQueries: SavedQueries;
  zones: UserZones;
  metrics: Metrics;
  /** Alert status and controls; absent when the bot runs without alert rules. */
  alerts?: AlertCommands | undefined;
  now: () => Date;
}

/** Where a command or click came from and how to answer it. */
export interface RequestContext {
  teamId: string;
  channelId: string;
  userId: string;
  /** Sends a message through the request's response_url. */
  respond: (message: Record<string, unknown>) => Promise<unknown>;
  /** Bot-token Web API client for uploads and users.info. */
  client: import('@slack/web-api').WebClient;
  log: Logger;
}
