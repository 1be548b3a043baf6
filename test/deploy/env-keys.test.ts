import { describe, expect, it } from 'vitest';
import { ENV_KEYS, loadConfig, type Role } from '../../src/config.js';
import { build, type K8sObject } from './kustomize.js';
import { optionalKeysIn, readEnvFile, readText, readYaml, repoPath } from './repo.js';
import { containerEnv, onlyContainer, SECRET_TEMPLATE, secretTemplate, workload } from './workloads.js';

const KEYS = new Set<string>(ENV_KEYS);
const ROLES = [
  ['backup-jobs-bot', 'bot'],
  ['backup-jobs-worker', 'worker'],
] as const;

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string | string[];
}
const compose = readYaml(repoPath('docker-compose.yml')) as { services: Record<string, ComposeService> };

/** Every key the manifests give a container, with where it came from. */
function keysSet(objects: readonly K8sObject[]): Set<string> {
  const keys = new Set<string>();
  for (const [name] of ROLES) {
    for (const key of Object.keys(
      containerEnv(objects, onlyContainer(workload(objects, 'Deployment', name))),
    )) {
      keys.add(key);
    }
  }
  return keys;
}

function documentedOptional(): Set<string> {
  const configEnv = readEnvFile(repoPath('manifests', 'base', 'config.env')).optional;
  return new Set([...configEnv, ...optionalKeysIn(readText(SECRET_TEMPLATE))]);
}

describe.each([
  ['manifests/base', repoPath('manifests', 'base')],
  ['manifests/overlays/example', repoPath('manifests', 'overlays', 'example')],
])('environment of %s', (_name, dir) => {
  const objects = build(dir);

  it('sets only keys the config reads', () => {
    expect([...keysSet(objects)].filter((key) => !KEYS.has(key))).toEqual([]);
    expect([...documentedOptional()].filter((key) => !KEYS.has(key))).toEqual([]);
  });

  it('sets, keeps secret or documents as optional every key the config reads', () => {
    const covered = new Set([...keysSet(objects), ...documentedOptional()]);
    expect(ENV_KEYS.filter((key) => !covered.has(key))).toEqual([]);
  });

  it.each(ROLES)('gives %s a configuration the code accepts', (name, role: Role) => {
    const container = onlyContainer(workload(objects, 'Deployment', name));
    expect(() => loadConfig(containerEnv(objects, container), role)).not.toThrow();
  });
});

describe('Secret template', () => {
  it('holds placeholders only, for keys the config reads', () => {
    const { values } = secretTemplate();
    expect(Object.keys(values).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(values)) {
      expect(KEYS.has(key), key).toBe(true);
      expect(value, key).toMatch(/REPLACE-ME$/);
    }
  });

  it('is not part of any kustomization, so an apply never overwrites the real Secret', () => {
    for (const dir of ['base', 'overlays/example']) {
      const objects = build(repoPath('manifests', ...dir.split('/')));
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    }
  });
});

describe('docker-compose.yml environment', () => {
  const example = readEnvFile(repoPath('.env.example')).values;

  it('sets only keys the config reads', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const unknown = Object.keys(service.environment ?? {}).filter((key) => !KEYS.has(key));
      expect(unknown, name).toEqual([]);
    }
  });

  it.each(['bot', 'worker'] as const)(
    'gives %s, over a filled-in .env, a configuration the code accepts',
    (role) => {
      const service = compose.services[role]!;
      expect(service.env_file).toBe('.env');
      expect(service.command).toEqual([role]);
      const env = { ...example, ...secretTemplate().values, ...service.environment };
      expect(() => loadConfig(env, role)).not.toThrow();
    },
  );
});
