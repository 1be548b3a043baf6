import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { build, find } from './kustomize.js';
import { allows, policyFor, redisAddress } from './network.js';
import { packageVersion, readYaml, repoPath } from './repo.js';
import { containerEnv, onlyContainer, workload } from './workloads.js';

const OVERLAY = repoPath('manifests', 'overlays', 'example');
const objects = build(OVERLAY);
const base = build(repoPath('manifests', 'base'));
const bot = workload(objects, 'Deployment', 'backup-jobs-bot');
const worker = workload(objects, 'Deployment', 'backup-jobs-worker');

const scratch = mkdtempSync(join(tmpdir(), 'backup-jobs-kustomize-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds a throwaway overlay of the base with these patches. */
function buildWithPatch(patch: object, content: unknown): () => unknown {
  const dir = mkdtempSync(join(scratch, 'overlay-'));
  writeFileSync(join(dir, 'patch.yaml'), stringify(content));
  const kustomization = {
    resources: [repoPath('manifests', 'base')],
    patches: [{ path: 'patch.yaml', ...patch }],
  };
  writeFileSync(join(dir, 'kustomization.yaml'), stringify(kustomization));
  return () => build(dir);
}

describe('manifests/overlays/example', () => {
  it('puts everything into its namespace and runs the image of this version from the registry', () => {
    const k = readYaml(join(OVERLAY, 'kustomization.yaml')) as {
      namespace: string;
      images: { newName: string }[];
    };
    expect(find(objects, 'Namespace', k.namespace)).toBeDefined();
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
      expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe(k.namespace);
    }
    for (const w of [bot, worker]) {
      expect(onlyContainer(w).image).toBe(`${k.images[0]!.newName}:${packageVersion()}`);
    }
  });

  it('swaps the in-cluster Redis for a managed one over TLS that the pods may reach', () => {
    expect(base.some((o) => o.kind === 'StatefulSet')).toBe(true);
    expect(objects.some((o) => o.kind === 'StatefulSet')).toBe(false);
    expect(objects.some((o) => o.metadata.name === 'backup-jobs-redis')).toBe(false);
    for (const w of [bot, worker]) {
      const url = containerEnv(objects, onlyContainer(w)).REDIS_URL!;
      expect(url).toMatch(/^rediss:\/\//);
      const egress = policyFor(objects, w).egress;
      const inVpc = (p: { ipBlock?: { cidr: string } }) => !!p.ipBlock && p.ipBlock.cidr !== '0.0.0.0/0';
      expect(allows(egress, redisAddress(url).port, 'TCP', inVpc)).toBe(true);
    }
  });

  it('reads the whole organisation in two regions with settings the code accepts', () => {
    const botConfig = loadConfig(containerEnv(objects, onlyContainer(bot)), 'bot');
    const workerConfig = loadConfig(containerEnv(objects, onlyContainer(worker)), 'worker');
    for (const config of [botConfig, workerConfig]) {
      expect(config.aws.defaultAccountId).toBe('*');
      expect(config.aws.regions.length).toBe(2);
      expect(config.redis.prefix).toBe('{bjb}');
    }
  });

  it('names its own IAM role for the ServiceAccount', () => {
    const role = (o: typeof objects) =>
      find(o, 'ServiceAccount', 'backup-jobs').metadata.annotations?.['eks.amazonaws.com/role-arn'];
    expect(role(objects)).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(role(objects)).not.toBe(role(base));
  });

  it('refuses patches that point at no resource of the base', () => {
    const op = [{ op: 'add', path: '/spec/egress/-', value: {} }];
    const target = { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy' };
    expect(buildWithPatch({ target: { ...target, name: 'backup-jobs-bot' } }, op)).not.toThrow();
    expect(buildWithPatch({ target: { ...target, name: 'backup-jobs-api' } }, op)).toThrow(/not found/);
    expect(
      buildWithPatch({ target: { version: 'v1', kind: 'NetworkPolicy', name: 'backup-jobs-bot' } }, op),
    ).toThrow(/not found/);
    const badPath = [{ op: 'replace', path: '/spec/ingres/0', value: {} }];
    expect(buildWithPatch({ target: { ...target, name: 'backup-jobs-bot' } }, badPath)).toThrow(
      /does not exist/,
    );
    const meta = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'redis' } };
    expect(buildWithPatch({}, { $patch: 'delete', ...meta })).toThrow(/not found/);
  });
});
