import type { Server, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { type HealthChecks, healthRoutes, startHealthServer } from '../health.js';
import { toSlackLogger } from '../logger.js';
import type { BotDeps } from './deps.js';
import { guardHttpReceiver, HTTP_GUARD_DEFAULTS } from './http-guard.js';
import { registerListeners } from './listeners/index.js';
import { httpMeta, socketMeta } from './middleware/meta.js';
import { MalformedPayloadError, validatingApp } from './middleware/validate.js';

/** Where Slack sends commands, clicks and events (the manifest's request URLs end with it). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The largest body read. Slack's biggest payloads are clicks, which carry the clicked message
 * (at most 50 blocks, about 40 KB of text escaped into a form field): a quarter MiB is ample.
 */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface BotApp {
  app: App;
  /** Starts listening; resolves to the port over HTTP (also the health port in Socket Mode). */
  start(port: number): Promise<number>;
  /** Stops taking requests, waits for work running here (up to `graceMs`), then stops. */
  stop(graceMs?: number): Promise<void>;
}

function receiverFor(deps: BotDeps, routes: ReturnType<typeof healthRoutes>): Receiver {
  const { slack } = deps.config;
  const logger = toSlackLogger(deps.logger, 'bolt');
  if (slack.appToken) {
    return new SocketModeReceiver({
      appToken: slack.appToken,
      logger,
      customPropertiesExtractor: socketMeta,
      // apps.connections.open goes where every other Web API call goes (SLACK_API_URL).
      installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
      // An envelope that cannot be processed is acknowledged, so that Slack does not send it again.
      processEventErrorHandler: async ({ error, logger: log }) => {
        log.debug(`Slack envelope not processed: ${String(error)}`);
        return true;
      },
    });
  }
  const http = new HTTPReceiver({
    signingSecret: slack.signingSecret ?? '',
    endpoints: SLACK_EVENTS_PATH,
    logger,
    customRoutes: routes,
    processBeforeResponse: false,
    bodyLimit: BODY_LIMIT_BYTES,
    customPropertiesExtractor: httpMeta,
    // A signed body that Bolt cannot route (a payload of broken shape) is the sender's mistake.
    processEventErrorHandler: async ({ error, response, logger: log }) => {
      log.debug(`Slack request not processed: ${String(error)}`);
      if (!response.headersSent) {
        response.writeHead(400);
        response.end();
      }
      return false;
    },
  });
  guardHttpReceiver(http, SLACK_EVENTS_PATH, { bodyLimit: BODY_LIMIT_BYTES, ...HTTP_GUARD_DEFAULTS });
  return http;
}

/** Builds the Bolt app over HTTP (POST /slack/events) or Socket Mode, with health routes beside it. */
export function createBotApp(deps: BotDeps, extraReadiness: HealthChecks['extra'] = {}): BotApp {
  let accepting = true;
  const routes = healthRoutes({
    redis: deps.redis,
    registry: deps.metrics.registry,
    extra: {
      ...extraReadiness,
      work: async () => deps.requests.stuck() ?? deps.exports.stuck(),
    },
    accepting: () => accepting,
  });
  const botToken = deps.config.slack.botToken ?? '';
  const receiver = receiverFor(deps, routes);
  const app = new App({
    // The token as is, without Bolt's auth.test: a Slack outage or a revoked token must not stop
    // answers, which go to response_urls and need no token.
    authorize: async () => ({ botToken }),
    receiver,
    logger: toSlackLogger(deps.logger, 'bolt'),
    clientOptions: { slackApiUrl: deps.config.slack.apiUrl },
  });
  // The receiver hands every payload to the check first, and Bolt gets only well-formed ones.
  receiver.init(validatingApp(app, deps) as App);
  registerListeners(app, deps);
  app.error(async (err) => {
    // Bolt wraps what middleware throws; a malformed payload goes on to the receiver's 400.
    const original = (err as { original?: unknown }).original ?? err;
    if (original instanceof MalformedPayloadError) throw original;
    deps.logger.error({ err }, 'unhandled Slack listener error');
  });
  deps.metrics.gauge('backup_jobs_work_active', 'Commands, clicks and exports running in this process', () =>
    Promise.resolve(deps.requests.active + deps.exports.active),
  );
  deps.metrics.gauge(
    'backup_jobs_work_waiting',
    'Commands, clicks and exports waiting in Redis',
    async () => (await deps.requests.waiting()) + (await deps.exports.waiting()),
  );
  deps.metrics.gauge('backup_jobs_cursors', 'Live result cursors in Redis', () => deps.pager.count());
  let server: Server | undefined;
  const open = new Set<ServerResponse>();
  return {
    app,
    async start(port) {
      if (deps.config.slack.appToken) {
        // Socket Mode reaches no port of ours: the health routes get a server of their own.
        await app.start();
        const health = await startHealthServer(port, routes);
        server = health.server;
        return health.port;
      }
      const started = (await app.start(port)) as unknown as Server | undefined;
      if (started && typeof started.address === 'function') {
        server = started;
        server.on('request', (_req, res: ServerResponse) => {
          open.add(res);
          res.on('close', () => open.delete(res));
        });
        // Slack sends small bodies at once: a client that dribbles headers or a body is cut off.
        server.headersTimeout = 10_000;
        server.requestTimeout = 15_000;
        server.keepAliveTimeout = 65_000;
        const address = started.address();
        if (typeof address === 'object' && address) return address.port;
      }
      return port;
    },
    async stop(graceMs = 25_000) {
      accepting = false;
      // A keep-alive connection that turns idle after close() would hold the server open for
      // keepAliveTimeout: every response from now on asks the client to close it.
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      server?.on('request', (_req, res: ServerResponse) => res.setHeader('Connection', 'close'));
      await app.stop();
      if (deps.config.slack.appToken) await new Promise((resolve) => server?.close(resolve));
      await Promise.all([deps.requests.close(graceMs), deps.exports.close(graceMs)]);
    },
  };
}
