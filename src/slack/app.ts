import type { Server } from 'node:http';
import { App, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { type HealthChecks, healthRoutes } from '../health.js';
import { toSlackLogger } from '../logger.js';
import type { BotDeps } from './deps.js';
import { createInFlight } from './inflight.js';
import { registerListeners } from './listeners/index.js';
import { FastAckReceiver } from './receiver.js';

export interface BotApp {
  app: App;
  /** Starts listening; resolves to the port over HTTP (also the health port in Socket Mode). */
  start(port: number): Promise<number>;
  /** Stops taking work, waits for answers still on their way (up to `graceMs`), then stops. */
  stop(graceMs?: number): Promise<void>;
}

/** Builds the Bolt app over HTTP (POST /slack/events) or Socket Mode, with health routes beside it. */
export function createBotApp(deps: BotDeps, extraReadiness: HealthChecks['extra'] = {}): BotApp {
  const { slack } = deps.config;
  let accepting = true;
  const inFlight = createInFlight();
  const routes = healthRoutes({
    redis: deps.redis,
    registry: deps.metrics.registry,
    extra: extraReadiness,
    accepting: () => accepting,
  });
  const logger = toSlackLogger(deps.logger, 'bolt');
  const receiver: Receiver = slack.appToken
    ? new SocketModeReceiver({
        appToken: slack.appToken,
        customRoutes: routes,
        logger,
        installerOptions: { port: deps.config.port },
      })
    : new FastAckReceiver({
        signingSecret: slack.signingSecret ?? '',
        logger: deps.logger,
        routes,
        inFlight,
        isReplay: async (signature) => {
          const key = `${deps.config.redis.prefix}:seen:${signature}`;
          return (await deps.guard.run(() => deps.redis.set(key, '1', 'EX', 360, 'NX'))) === null;
        },
      });
  const botToken = slack.botToken ?? '';
  const app = new App({
    // The token as is, without Bolt's auth.test: a Slack outage or a revoked token must not stop
    // answers, which go to response_urls and need no token.
    authorize: async () => ({ botToken }),
    receiver,
    logger,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  registerListeners(app, deps);
  app.error(async (err) => {
    deps.logger.error({ err }, 'unhandled Slack listener error');
  });
  deps.metrics.gauge(
    'backup_jobs_inflight_requests',
    'Answers on their way after an ack',
    async () => inFlight.size,
  );
  deps.metrics.gauge('backup_jobs_cursors', 'Live result cursors in Redis', () => deps.pager.count());
  return {
    app,
    async start(port) {
      const server = (await app.start(port)) as unknown;
      const address = (server as Server | undefined)?.address?.();
      return typeof address === 'object' && address ? address.port : port;
    },
    async stop(graceMs = 25_000) {
      accepting = false;
      const deadline = Date.now() + graceMs;
      await inFlight.drained(graceMs);
      await app.stop();
      // Requests still being read when the server closed were acknowledged since: answer them too.
      await inFlight.drained(Math.max(0, deadline - Date.now()));
    },
  };
}
