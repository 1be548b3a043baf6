import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { build, find } from './kustomize.js';
import { allows, type Peer, policyFor, redisAddress } from './network.js';
import { repoPath } from './repo.js';
import { containerEnv, onlyContainer, selects, type Workload, workload } from './workloads.js';

const objects = build(repoPath('manifests', 'base'));
const bot = workload(objects, 'Deployment', 'backup-jobs-bot');
const worker = workload(objects, 'Deployment', 'backup-jobs-worker');
const redis = workload(objects, 'StatefulSet', 'backup-jobs-redis');

describe('NetworkPolicy of manifests/base', () => {
  const isRedisPod = (p: Peer) =>
    selects(p.podSelector?.matchLabels ?? {}, redis.spec.template.metadata.labels);

  /** Prometheus, as the policies name it: its pods in the namespace `monitoring`. */
  const isPrometheus = (p: Peer) =>
    p.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring' &&
    p.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'prometheus';

  it('lets Slack reach the bot on PORT, and Prometheus alone reach HEALTH_PORT of both, and nothing else in', () => {
    const botConfig = loadConfig(containerEnv(objects, onlyContainer(bot)), 'bot');
    const workerConfig = loadConfig(containerEnv(objects, onlyContainer(worker)), 'worker');
    const botIn = policyFor(objects, bot).ingress;
    // From anywhere: Slack comes through an ingress controller whose labels differ by cluster.
    expect(botIn?.find((r) => r.ports?.some((p) => p.port === botConfig.port))?.from).toBeUndefined();
    for (const [w, config, open] of [
      [bot, botConfig, [botConfig.port, botConfig.healthPort]],
      [worker, workerConfig, [workerConfig.healthPort]],
    ] as const) {
      const policy = policyFor(objects, w);
      expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(policy.ingress?.flatMap((r) => r.ports?.map((p) => p.port))).toEqual(open);
      const health = policy.ingress?.filter((r) => r.ports?.some((p) => p.port === config.healthPort)) ?? [];
      expect(health.length).toBe(1);
      expect(health[0]!.from?.length).toBeGreaterThan(0);
      expect(health[0]!.from?.every(isPrometheus)).toBe(true);
      expect(allows(policy.ingress, config.healthPort, 'TCP', isPrometheus)).toBe(true);
    }
  });

  it('lets the bot and the worker reach Redis, DNS and HTTPS only', () => {
    for (const w of [bot, worker]) {
      const { port } = redisAddress(containerEnv(objects, onlyContainer(w)).REDIS_URL!);
      const egress = policyFor(objects, w).egress;
      expect(allows(egress, port, 'TCP', isRedisPod)).toBe(true);
      expect(allows(egress, 53, 'UDP')).toBe(true);
      expect(allows(egress, 53, 'TCP')).toBe(true);
      expect(allows(egress, 443, 'TCP', (p) => p.ipBlock?.cidr === '0.0.0.0/0')).toBe(true);
      const ports = egress?.flatMap((r) => r.ports?.map((p) => p.port));
      expect(new Set(ports)).toEqual(new Set([port, 53, 443]));
    }
  });

  it('lets only the bot and the worker into Redis, and Redis nowhere out', () => {
    const policy = policyFor(objects, redis);
    const peers = policy.ingress?.flatMap((r) => r.from ?? []) ?? [];
    const labels = (w: Workload) => w.spec.template.metadata.labels;
    expect(peers.some((p) => selects(p.podSelector?.matchLabels ?? {}, labels(bot)))).toBe(true);
    expect(peers.some((p) => selects(p.podSelector?.matchLabels ?? {}, labels(worker)))).toBe(true);
    expect(peers.every((p) => p.podSelector && !p.namespaceSelector && !p.ipBlock)).toBe(true);
    expect(policy.egress).toEqual([]);
  });
});

describe('Redis StatefulSet of manifests/base', () => {
  const container = onlyContainer(redis);
  const args = (container.args ?? []).join(' ');

  it('keeps an append-only file on a persistent volume and never evicts keys', () => {
    expect(args).toMatch(/--appendonly yes\b/);
    expect(args).toMatch(/--maxmemory-policy noeviction\b/);
    const dir = /--dir (\S+)/.exec(args)?.[1];
    const claims = (redis.spec as { volumeClaimTemplates?: { metadata: { name: string } }[] })
      .volumeClaimTemplates;
    const data = container.volumeMounts?.find((m) => m.mountPath === dir);
    expect(claims?.map((c) => c.metadata.name)).toContain(data?.name);
  });

  it('is what REDIS_URL of the bot and the worker points at', () => {
    const service = find(objects, 'Service', 'backup-jobs-redis') as unknown as {
      metadata: { name: string };
      spec: { selector: Record<string, string>; ports: { port: number }[] };
    };
    expect(selects(service.spec.selector, redis.spec.template.metadata.labels)).toBe(true);
    expect((redis.spec as { serviceName?: string }).serviceName).toBe(service.metadata.name);
    for (const w of [bot, worker]) {
      const url = containerEnv(objects, onlyContainer(w)).REDIS_URL!;
      expect(redisAddress(url)).toEqual({ host: service.metadata.name, port: service.spec.ports[0]!.port });
    }
  });
});
