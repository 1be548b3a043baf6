import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { loadConfig } from '../../src/config.js';
import { packageVersion, readEnvFile, readYaml, repoPath } from './repo.js';
import { secretTemplate } from './workloads.js';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string;
  ports?: string[];
  expose?: string[];
  profiles?: string[];
  read_only?: boolean;
  tmpfs?: string[];
  stop_grace_period?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: (string | { type: string; source: string; target: string })[];
}

const compose = readYaml(repoPath('docker-compose.yml')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const { redis, bot, worker, demo } = compose.services;
const example = readEnvFile(repoPath('.env.example')).values;

function configOf(service: Service, role: 'bot' | 'worker') {
  return loadConfig({ ...example, ...secretTemplate().values, ...service.environment }, role);
}

/** The port of the healthcheck's http://127.0.0.1:PORT/healthz. */
function healthcheckPort(service: Service): number {
  const test = (service.healthcheck?.test ?? []).join(' ');
  const match = /http:\/\/127\.0\.0\.1:(\d+)\/healthz/.exec(test);
  if (!match) throw new Error(`no /healthz healthcheck in ${test}`);
  return Number(match[1]);
}

describe('docker-compose.yml', () => {
  it('runs Redis with an append-only file on a volume and noeviction', () => {
    const args = (redis!.command ?? []).join(' ');
    expect(args).toMatch(/^redis-server\b/);
    expect(args).toMatch(/--appendonly yes\b/);
    expect(args).toMatch(/--maxmemory-policy noeviction\b/);
    const [volume] = (redis!.volumes ?? []) as string[];
    expect(volume).toMatch(/^[\w-]+:\/data$/);
    expect(Object.keys(compose.volumes ?? {})).toContain(volume!.split(':')[0]);
    expect(redis!.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('runs the bot and the worker from the one image of this version, after Redis is healthy', () => {
    for (const service of [bot!, worker!, demo!]) {
      expect(service.image).toBe(`backup-jobs-bot:${packageVersion()}`);
      expect(service.build).toBe('.');
      expect(service.depends_on?.redis?.condition).toBe('service_healthy');
      expect(Object.keys(COMMANDS)).toContain(service.command?.[0]);
    }
    for (const [service, role] of [
      [bot!, 'bot'],
      [worker!, 'worker'],
    ] as const) {
      expect(service.command).toEqual([role]);
      expect(service.env_file).toBe('.env');
      expect(service.profiles).toBeUndefined();
      expect(new URL(configOf(service, role).redis.url).hostname).toBe('redis');
      expect(service.read_only).toBe(true);
      expect(service.tmpfs).toContain('/tmp');
    }
  });

  it('checks health on HEALTH_PORT, which only this host and the compose network reach', () => {
    const botConfig = configOf(bot!, 'bot');
    expect(botConfig.healthPort).not.toBe(botConfig.port);
    expect(healthcheckPort(bot!)).toBe(botConfig.healthPort);
    expect(bot!.ports).toEqual([
      `${botConfig.port}:${botConfig.port}`,
      `127.0.0.1:${botConfig.healthPort}:${botConfig.healthPort}`,
    ]);
    expect(bot!.expose).toContain(String(botConfig.healthPort));
    const workerConfig = configOf(worker!, 'worker');
    expect(healthcheckPort(worker!)).toBe(workerConfig.healthPort);
    expect(worker!.expose).toContain(String(workerConfig.healthPort));
    expect(worker!.ports).toBeUndefined();
  });

  it('gives both roles their alert rules at ALERT_RULES_FILE, from a file that must exist', () => {
    for (const [service, role] of [
      [bot!, 'bot'],
      [worker!, 'worker'],
    ] as const) {
      const file = configOf(service, role).alertRulesFile;
      const mount = service.volumes?.find((v) => typeof v === 'object' && v.target === file);
      expect(mount).toMatchObject({ type: 'bind', read_only: true, bind: { create_host_path: false } });
    }
  });

  it('lets the bot drain its answers before docker stops it', () => {
    const seconds = (s: string | undefined) => Number(/^(\d+)s$/.exec(s ?? '')?.[1] ?? 10);
    expect(seconds(bot!.stop_grace_period)).toBeGreaterThan(25);
    expect(seconds(worker!.stop_grace_period)).toBeGreaterThan(25);
  });

  it('runs the demo only under the demo profile, on the compose Redis, published to this host alone', () => {
    expect(demo!.profiles).toEqual(['demo']);
    expect(demo!.command?.[0]).toBe('demo');
    expect(COMMANDS.demo.usage).toContain('--port');
    expect(COMMANDS.demo.usage).toContain('--host');
    const option = (name: string) => demo!.command?.[demo!.command.indexOf(name) + 1];
    const port = option('--port');
    // Inside its container the demo must listen on every interface for the published port to reach it.
    expect(option('--host')).toBe('0.0.0.0');
    expect(demo!.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    expect(demo!.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(demo!.healthcheck?.disable).toBe(true);
    const others = Object.entries(compose.services).filter(([name]) => name !== 'demo');
    expect(others.filter(([, s]) => s.profiles !== undefined)).toEqual([]);
  });
});
