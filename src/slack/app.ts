import type { Server, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { BotConfig } from '../config.js';
import {
  type HealthChecks,
  type HealthServer,
  healthRoutes,
  livenessRoute,
  startHealthServer,
} from '../health.js';
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

/**
 * What Bolt 5.1's HTTPReceiver logs at warn or info for requests anyone can send, with no option to
 * change it: a body cut off mid-way, no signature headers at all, a path it does not serve. They go
 * to debug, so that scanners and impatient clients do not fill the log; a request whose signature
 * is wrong (a signing secret that does not match) stays a warning.
 */
const BOLT_NOISE: readonly RegExp[] = [
  /^Failed to parse and verify the request data: request aborted$/,
  /^Failed to parse and verify the request data: Failed to verify authenticity: header x-slack-(signature|request-timestamp) did not have the expected type/,
  /^Unhandled HTTP request \(/,
];

/** What the app is built from: the bot's dependencies, with the bot's own config and its Slack secrets. */
export type BotAppDeps = BotDeps & { config: BotConfig };

export interface BotListen {
  /** PORT: where Slack's requests arrive over HTTP (unused in Socket Mode). */
  port: number;
  /** HEALTH_PORT: /healthz, /readyz and /metrics, in either mode. */
  healthPort: number;
  /** @defaultValue every interface, as a pod needs */
  host?: string | undefined;
}

export interface BotPorts {
  /** The port Slack's requests arrive on; undefined in Socket Mode, where nothing listens for Slack. */
  port: number | undefined;
  healthPort: number;
}

export interface BotApp {
  app: App;
  /** Starts the health server and the transport; resolves to the ports actually bound. */
  start(listen: BotListen): Promise<BotPorts>;
  /** Stops taking requests, waits for work running here (up to `graceMs`), then stops. */
  stop(graceMs?: number): Promise<void>;
}

function receiverFor(deps: BotAppDeps, logger: ReturnType<typeof toSlackLogger>): Receiver {
  const { slack } = deps.config;
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
    signingSecret: slack.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger,
    // Only the bare liveness answer, for load balancers: readiness and metrics are on HEALTH_PORT.
    customRoutes: [livenessRoute()],
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

/** Builds the Bolt app over HTTP (POST /slack/events) or Socket Mode, with a health server of its own. */
export function createBotApp(deps: BotAppDeps, extraReadiness: HealthChecks['extra'] = {}): BotApp {
  let accepting = true;
  const routes = healthRoutes({
    redis: deps.redis,
    registry: deps.metrics.registry,
    extra: {
      ...extraReadiness,
      work: async () => deps.requests.stuck() ?? deps.exports.stuck(),
    },
    accepting: () => accepting,
    log: deps.logger,
  });
  const botToken = deps.config.slack.botToken;
  const boltLogger = toSlackLogger(deps.logger, 'bolt', { quiet: BOLT_NOISE });
  const receiver = receiverFor(deps, boltLogger);
  const app = new App({
    // The token as is, without Bolt's auth.test: a Slack outage or a revoked token must not stop
    // answers, which go to response_urls and need no token.
    authorize: async () => ({ botToken }),
    receiver,
    logger: boltLogger,
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
  let health: HealthServer | undefined;
  const open = new Set<ServerResponse>();
  async function listenForSlack(listen: BotListen): Promise<number | undefined> {
    if (deps.config.slack.appToken) {
      // Socket Mode dials out to Slack: no port of ours is reached by it.
      await app.start();
      return undefined;
    }
    const at = listen.host === undefined ? listen.port : { port: listen.port, host: listen.host };
    const started = (await app.start(at)) as unknown as Server;
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
    return typeof address === 'object' && address ? address.port : listen.port;
  }
  return {
    app,
    async start(listen) {
      health = await startHealthServer(listen.healthPort, routes, listen.host);
      try {
        return { port: await listenForSlack(listen), healthPort: health.port };
      } catch (err) {
        await health.close();
        throw err;
      }
    },
    async stop(graceMs = 25_000) {
      accepting = false;
      // A keep-alive connection that turns idle after close() would hold the server open for
      // keepAliveTimeout: every response from now on asks the client to close it.
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      server?.on('request', (_req, res: ServerResponse) => res.setHeader('Connection', 'close'));
      await app.stop();
      await Promise.all([
        deps.requests.close(graceMs),
        deps.exports.close(graceMs),
        deps.homes.close(graceMs),
      ]);
      // Last, so that probes see "shutting down" while the work in flight drains.
      await health?.close();
    },
  };
}
