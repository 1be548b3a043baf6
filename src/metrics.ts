import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CallObserver } from './backup/index.js';

/** Prometheus metrics of one process; served on /metrics by the bot and the worker. */
export interface Metrics {
  registry: Registry;
  requestSeconds: Histogram<'kind' | 'name' | 'outcome'>;
  awsCalls: Counter<'operation' | 'region' | 'outcome'>;
  alertTransitions: Counter<'rule' | 'transition'>;
  /** Commands and clicks refused for going over a rate limit, by whose limit. */
  rateLimited: Counter<'who'>;
  /** Reports every AWS call of the access layer. */
  observeAws: CallObserver;
  /** Registers a gauge read on every scrape (cursor count, queue depth). */
  gauge(name: string, help: string, read: () => Promise<number>): void;
}

export function createMetrics(role: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ role });
  const requestSeconds = new Histogram({
    name: 'backup_jobs_request_seconds',
    help: 'Time from a slash command or click to its acknowledgement and to its answer',
    labelNames: ['kind', 'name', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const awsCalls = new Counter({
    name: 'backup_jobs_aws_calls_total',
    help: 'AWS Backup calls by operation, region and outcome (ok or an error code)',
    labelNames: ['operation', 'region', 'outcome'] as const,
    registers: [registry],
  });
  const awsSeconds = new Histogram({
    name: 'backup_jobs_aws_call_seconds',
    help: 'AWS Backup call duration, retries included',
    labelNames: ['operation', 'region'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const alertTransitions = new Counter({
    name: 'backup_jobs_alert_transitions_total',
    help: 'Alert transitions posted to Slack',
    labelNames: ['rule', 'transition'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'backup_jobs_rate_limited_total',
    help: 'Commands and clicks refused over the per-user or per-channel rate limit',
    labelNames: ['who'] as const,
    registers: [registry],
  });
  return {
    registry,
    rateLimited,
    requestSeconds,
    awsCalls,
    alertTransitions,
    observeAws: ({ operation, region, outcome, ms }) => {
      awsCalls.inc({ operation, region, outcome });
      awsSeconds.observe({ operation, region }, ms / 1000);
    },
    gauge(name, help, read) {
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          try {
            this.set(await read());
          } catch {
            // A scrape must not fail because Redis is away; the gauge keeps its last value.
          }
        },
      });
    },
  };
}
