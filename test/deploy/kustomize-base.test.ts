import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseRules } from '../../src/alerts/rules.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { loadConfig } from '../../src/config.js';
import { healthRoutes, startHealthServer } from '../../src/health.js';
import { SLACK_EVENTS_PATH } from '../../src/slack/app.js';
import { build, find } from './kustomize.js';
import { packageVersion, readText, readYamlDocs, repoPath } from './repo.js';
import { containerEnv, onlyContainer, portNumber, selects, workload } from './workloads.js';

const BASE = repoPath('manifests', 'base');
const objects = build(BASE);
const bot = workload(objects, 'Deployment', 'backup-jobs-bot');
const worker = workload(objects, 'Deployment', 'backup-jobs-worker');
const botContainer = onlyContainer(bot);
const workerContainer = onlyContainer(worker);

const lazyRedis = new Redis({ lazyConnect: true });
afterAll(() => lazyRedis.disconnect());
/** Redis as the health routes see it when it answers. */
const answering = { ping: async () => 'PONG' };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => join(e.parentPath, e.name));
}

describe('manifests/base', () => {
  it('parses every YAML file and uses every file of the base', () => {
    const files = yamlFiles(repoPath('manifests'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readYamlDocs(file).length, file).toBeGreaterThan(0);
    const k = readText(join(BASE, 'kustomization.yaml'));
    const unused = readdirSync(BASE).filter(
      (name) => !['kustomization.yaml', 'secret.example.yaml'].includes(name) && !k.includes(`- ${name}`),
    );
    expect(unused).toEqual([]);
  });

  it('runs the bot and the worker, two replicas each, from the image of this version', () => {
    for (const [w, c, role] of [
      [bot, botContainer, 'bot'],
      [worker, workerContainer, 'worker'],
    ] as const) {
      expect(w.spec.replicas).toBe(2);
      expect(c.image).toBe(`backup-jobs-bot:${packageVersion()}`);
      expect(c.args).toEqual([role]);
      expect(Object.keys(COMMANDS)).toContain(role);
      expect(selects(w.spec.selector.matchLabels, w.spec.template.metadata.labels)).toBe(true);
    }
  });

  it('probes the bot on HEALTH_PORT, and the Service reaches PORT alone', () => {
    const config = loadConfig(containerEnv(objects, botContainer), 'bot');
    const ready = botContainer.readinessProbe!.httpGet!;
    const live = botContainer.livenessProbe!.httpGet!;
    expect([ready.path, live.path]).toEqual(['/readyz', '/healthz']);
    expect(portNumber(botContainer, ready.port)).toBe(config.healthPort);
    expect(portNumber(botContainer, live.port)).toBe(config.healthPort);
    expect(config.healthPort).not.toBe(config.port);
    expect(botContainer.ports?.map((p) => p.containerPort).sort()).toEqual(
      [config.port, config.healthPort].sort(),
    );
    const routes = healthRoutes({ redis: lazyRedis, registry: new Registry(), accepting: () => true });
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /readyz', 'GET /healthz', 'GET /metrics']),
    );
    expect(SLACK_EVENTS_PATH).toBe('/slack/events');
    const service = find(objects, 'Service', 'backup-jobs-bot') as unknown as {
      spec: { selector: Record<string, string>; ports: { targetPort: string | number }[] };
    };
    expect(selects(service.spec.selector, bot.spec.template.metadata.labels)).toBe(true);
    expect(selects(service.spec.selector, worker.spec.template.metadata.labels)).toBe(false);
    expect(service.spec.ports.map((p) => portNumber(botContainer, p.targetPort))).toEqual([config.port]);
  });

  it('has Prometheus scrape /metrics on HEALTH_PORT of the bot and of the worker', () => {
    for (const [w, c, role] of [
      [bot, botContainer, 'bot'],
      [worker, workerContainer, 'worker'],
    ] as const) {
      const config = loadConfig(containerEnv(objects, c), role);
      expect(w.spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(config.healthPort),
        'prometheus.io/path': '/metrics',
      });
    }
  });

  it('probes the worker on HEALTH_PORT at routes its health server answers', async () => {
    const config = loadConfig(containerEnv(objects, workerContainer), 'worker');
    const ready = workerContainer.readinessProbe!.httpGet!;
    const live = workerContainer.livenessProbe!.httpGet!;
    expect(portNumber(workerContainer, ready.port)).toBe(config.healthPort);
    expect(portNumber(workerContainer, live.port)).toBe(config.healthPort);
    const health = await startHealthServer(
      0,
      healthRoutes({
        redis: answering,
        registry: new Registry(),
        extra: { worker: async () => null },
        accepting: () => true,
      }),
      '127.0.0.1',
    );
    try {
      for (const path of [ready.path, live.path, '/metrics']) {
        const res = await fetch(`http://127.0.0.1:${health.port}${path}`);
        expect(res.status, path).toBe(200);
      }
    } finally {
      await new Promise((resolve) => health.server.close(resolve));
    }
  });

  it('runs both as non-root with a read-only root, no capabilities and a writable /tmp', () => {
    for (const w of [bot, worker]) {
      const spec = w.spec.template.spec;
      const c = onlyContainer(w);
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(c.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
      });
      const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
      expect(spec.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
      expect(c.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      expect(c.resources?.limits?.memory).toBeDefined();
    }
  });

  it('gives the bot more time to stop than its drain plus the preStop pause', () => {
    const drain = /stop\(graceMs = ([\d_]+)\)/.exec(readText(repoPath('src', 'slack', 'app.ts')));
    const drainSeconds = Number(drain![1]!.replaceAll('_', '')) / 1000;
    const preStop = (botContainer as { lifecycle?: { preStop?: { exec?: { command: string[] } } } }).lifecycle
      ?.preStop?.exec?.command;
    expect(preStop?.[0]).toBe('sleep');
    const pause = Number(preStop?.[1]);
    expect(bot.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(drainSeconds + pause);
    expect(worker.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(30);
  });

  it('uses the IRSA ServiceAccount and keeps one pod of each through disruptions', () => {
    const account = find(objects, 'ServiceAccount', 'backup-jobs');
    expect(account.metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(
      /^arn:aws:iam::\d{12}:role\/[\w+=,.@-]+$/,
    );
    for (const w of [bot, worker]) {
      expect(w.spec.template.spec.serviceAccountName).toBe('backup-jobs');
      const budgets = objects
        .filter((o) => o.kind === 'PodDisruptionBudget')
        .map((o) => o.spec as { minAvailable: number; selector: { matchLabels: Record<string, string> } })
        .filter((spec) => selects(spec.selector.matchLabels, w.spec.template.metadata.labels));
      expect(budgets).toHaveLength(1);
      expect(budgets[0]!.minAvailable).toBeLessThan(w.spec.replicas!);
    }
  });

  it('mounts alert rules the worker accepts at ALERT_RULES_FILE', () => {
    const env = containerEnv(objects, workerContainer);
    const file = env.ALERT_RULES_FILE!;
    const mount = workerContainer.volumeMounts!.find((m) => file.startsWith(`${m.mountPath}/`))!;
    const volume = worker.spec.template.spec.volumes!.find((v) => v.name === mount.name)!;
    const map = find(objects, 'ConfigMap', volume.configMap!.name);
    const text = (map.data as Record<string, string>)[relative(mount.mountPath, file)]!;
    const rules = parseRules(parseYaml(text), 'alert-rules.yaml');
    expect(rules.rules.length).toBeGreaterThan(0);
  });
});
