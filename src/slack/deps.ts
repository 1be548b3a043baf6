import type { ContextBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { RuleSource } from '../alerts/rule-source.js';
import type { BackupGateway } from '../backup/index.js';
import type { Config } from '../config.js';
import type { CoverageService } from '../coverage/index.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Pager, RedisGuard, SavedQueries } from '../results/index.js';
import type { HomeRefresh, HomeRefresher } from '../work/home-refresh.js';
import type { WorkQueue } from '../work/queue.js';
import type { Steps } from '../work/steps.js';
import type { AlertCommands } from './alert-commands.js';
import type { RequestLimiter } from './rate-limit.js';
import type { ClickRequest, SlackRequest } from './requests.js';
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
  /** Per-user and per-channel limits on commands and clicks. */
  limiter: RequestLimiter;
  metrics: Metrics;
  /** The bot token's Web API client: uploads, DMs, users.info, progress messages. */
  slack: WebClient;
  /** Commands and clicks, from the ack to the answer. */
  requests: WorkQueue<SlackRequest>;
  /** CSV exports, a few at a time per process, queued behind each other. */
  exports: WorkQueue<ClickRequest>;
  /** Rounds of App Home refreshes, asked for after alert changes (here and by the worker). */
  homes: WorkQueue<HomeRefresh>;
  /** Asks for a round at the end of the current window: changes within it share one round. */
  homeRefresher: HomeRefresher;
  /** Each resource's last good backup and copy: `stale`, `resource` and `coverage` answer from it. */
  coverage: CoverageService;
  /** Alert status and controls; absent when the bot runs without alert rules. */
  alerts?: AlertCommands | undefined;
  /** Every alert rule, from the rules file and from Redis, where rules made in Slack are saved. */
  rules?: RuleSource | undefined;
  now: () => Date;
  /** A line every answer carries when AWS or Slack is a stand-in (`standInFooter`), else none. */
  answerFooter?: ContextBlock | undefined;
}

/** Where a command or click came from and how to answer it. */
export interface RequestContext {
  teamId: string;
  channelId: string;
  userId: string;
  /**
   * Whether this request is known not to be a replay (see WorkContext.checkReplay); asked before
   * state-changing work, which is refused when it resolves false.
   */
  checkReplay: () => Promise<boolean>;
  /** The request's response_url (none on the App Home): where a modal opened from it says what it saved. */
  responseUrl?: string | undefined;
  /** The request's trigger_id, for opening a modal (valid 3 s after the request). */
  triggerId?: string | undefined;
  /** Sends a message through the request's response_url, at most once per answer. */
  respond: (message: Record<string, unknown>) => Promise<unknown>;
  /** Makes an effect (a file shared, a message posted) at most once for this request. */
  once: Steps['once'];
  /** Bot-token Web API client for uploads and users.info. */
  client: WebClient;
  log: Logger;
}
