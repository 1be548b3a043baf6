import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { Env } from '../../src/config.js';
import { healthRoutes, startHealthServer } from '../../src/health.js';
import { execForm, parseDockerfile } from './dockerfile.js';
import { exists, readText, repoPath } from './repo.js';

const { args, stages } = parseDockerfile(readText(repoPath('Dockerfile')));
const runtime = stages.at(-1)!;
const defaults = Env.parse({});
const pkg = JSON.parse(readText(repoPath('package.json'))) as {
  engines: { node: string };
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

function runs(stage: (typeof stages)[number]): string[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
}
function last(keyword: string): string {
  const found = runtime.instructions.filter((i) => i.keyword === keyword).at(-1);
  if (!found) throw new Error(`no ${keyword} in the runtime stage`);
  return found.args;
}

describe('Dockerfile', () => {
  it('builds in one stage and runs from another with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => runs(s).some((r) => r.includes('npm run build')))!;
    expect(build.name).toBeDefined();
    expect(runs(build).some((r) => /^npm ci(\s|$)/.test(r) && !r.includes('--omit'))).toBe(true);
    expect(runs(runtime).some((r) => r.includes('npm ci --omit=dev'))).toBe(true);
    expect(runs(runtime).some((r) => r.includes('npm run build'))).toBe(false);
    const fromBuild = runtime.instructions.filter((i) => i.keyword === 'COPY' && i.flags.from === build.name);
    expect(fromBuild.map((i) => i.args)).toEqual(['/app/dist ./dist']);
  });

  it('starts from a slim Node image that meets package.json engines', () => {
    const image = args
      .find((a) => a.keyword === 'ARG' && a.args.startsWith('NODE_IMAGE='))!
      .args.split('=')[1]!;
    for (const stage of stages) expect(stage.base).toBe(`\${NODE_IMAGE}`);
    const [, major] = /^node:(\d+)-\S*slim$/.exec(image) ?? [];
    const minimum = Number(/>=\s*(\d+)/.exec(pkg.engines.node)![1]);
    expect(Number(major)).toBeGreaterThanOrEqual(minimum);
  });

  it('runs the CLI as the non-root node user, the bot by default', () => {
    expect(last('USER')).toBe('node');
    const user = runtime.instructions.findIndex((i) => i.keyword === 'USER');
    const entry = runtime.instructions.findIndex((i) => i.keyword === 'ENTRYPOINT');
    expect(user).toBeLessThan(entry);
    expect(execForm(last('ENTRYPOINT'))).toEqual(['node', 'dist/main.js']);
    expect(Object.values(pkg.bin)).toContain('dist/main.js');
    expect(pkg.scripts.build).toContain('tsconfig.build.json');
    const [role] = execForm(last('CMD'));
    expect(Object.keys(COMMANDS)).toContain(role);
    expect(role).toBe('bot');
    expect(last('EXPOSE').split(/\s+/).map(Number)).toEqual([defaults.PORT, defaults.HEALTH_PORT]);
  });

  it('copies only files that exist and that .dockerignore lets into the context', () => {
    const ignore = readText(repoPath('.dockerignore'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
    expect(allowed).not.toContain('.env');
    expect(allowed).not.toContain('node_modules');
    const sources = stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.flags.from)
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(['package-lock.json', 'tsconfig.build.json', 'src']));
    for (const source of sources) {
      expect(exists(repoPath(source)), source).toBe(true);
      expect(allowed, source).toContain(source);
    }
  });
});

describe('Dockerfile HEALTHCHECK', () => {
  const command = execForm(last('HEALTHCHECK').replace(/^(--\S+\s+)*/, ''));

  function probe(env: Record<string, string>): Promise<number> {
    const [bin, ...rest] = command;
    expect(bin).toBe('node');
    return new Promise((resolve) => {
      execFile(process.execPath, rest, { env: { ...env, PATH: process.env.PATH ?? '' } }, (err) =>
        resolve(err ? Number((err as { code?: number }).code ?? 1) : 0),
      );
    });
  }

  async function listen(status: number): Promise<{ server: Server; port: number }> {
    const server = createServer((_req, res) => res.writeHead(status).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, port: (server.address() as AddressInfo).port };
  }

  it('passes when /healthz on HEALTH_PORT answers 200, whatever PORT does', async () => {
    const notReady = healthRoutes({
      redis: { ping: async () => 'PONG' },
      registry: new Registry(),
      extra: { worker: async () => 'not processing' },
      accepting: () => true,
    });
    const health = await startHealthServer(0, notReady, '127.0.0.1');
    const failing = await listen(503);
    const answering = await listen(200);
    const closed = await listen(200);
    await new Promise((resolve) => closed.server.close(resolve));
    try {
      const port = String(health.port);
      // Liveness: a process that is up but not ready is still healthy.
      expect(await probe({ PORT: String(closed.port), HEALTH_PORT: port })).toBe(0);
      // PORT is only Slack's: answering there does not make a process healthy.
      expect(await probe({ PORT: String(answering.port), HEALTH_PORT: String(closed.port) })).toBe(1);
      expect(await probe({ PORT: port, HEALTH_PORT: String(failing.port) })).toBe(1);
    } finally {
      await health.close();
      await new Promise((resolve) => failing.server.close(resolve));
      await new Promise((resolve) => answering.server.close(resolve));
    }
  });
});
