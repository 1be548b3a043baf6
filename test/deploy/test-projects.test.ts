import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import { repoPath } from './repo.js';
import { importsOf, outsideWorld, testFiles } from './test-imports.js';

const PROJECTS = ['unit', 'integration', 'e2e'] as const;

/** Which projects vitest itself puts each test file in, reading vitest.config.ts as `npm test` does. */
async function membership(): Promise<Map<string, string[]>> {
  const vitest = await createVitest('test', {
    config: repoPath('vitest.config.ts'),
    root: repoPath(),
    watch: false,
    reporters: [],
  });
  try {
    const found = new Map<string, string[]>();
    for (const spec of await vitest.globTestSpecifications()) {
      const file = relative(repoPath(), spec.moduleId).split('\\').join('/');
      found.set(file, [...(found.get(file) ?? []), spec.project.name]);
    }
    return found;
  } finally {
    await vitest.close();
  }
}

describe('vitest projects', () => {
  let projects: Map<string, string[]>;
  beforeAll(async () => {
    projects = await membership();
  });
  afterAll(() => projects.clear());

  const inProject = (name: string) => [...projects].filter(([, of]) => of.includes(name)).map(([f]) => f);

  it('put every test file in exactly one project', () => {
    const files = testFiles();
    expect(files.length).toBeGreaterThan(100);
    const placed = files.map((file) => [file, projects.get(file) ?? []] as const);
    expect(placed.filter(([, of]) => of.length !== 1)).toEqual([]);
    // Nothing runs that is not a test file of the tree (a project reaching outside test/, say).
    expect([...projects.keys()].filter((file) => !files.includes(file))).toEqual([]);
    for (const name of PROJECTS) expect(inProject(name).length, name).toBeGreaterThan(0);
  });

  it('keep the unit project free of Redis, child processes, the browser and the stand-ins', () => {
    const unit = inProject('unit');
    expect(unit).toContain('test/config.test.ts');
    const leaks = unit.map((file) => [file, outsideWorld(repoPath(file))] as const);
    expect(leaks.filter(([, reasons]) => reasons.length > 0)).toEqual([]);
  });

  it('put in integration only tests that need what it runs, so none is slower than it must be', () => {
    const pure = inProject('integration').filter((file) => outsideWorld(repoPath(file)).length === 0);
    expect(pure).toEqual([]);
  });

  it('keep test/e2e, and only it, in the e2e project', () => {
    expect(inProject('e2e').filter((file) => !file.startsWith('test/e2e/'))).toEqual([]);
    expect(testFiles().filter((file) => file.startsWith('test/e2e/'))).toEqual(inProject('e2e').sort());
  });
});

describe('what a test imports', () => {
  it('counts value imports and leaves type-only ones out, as the compiler erases them', () => {
    const source = readFileSync(repoPath('test/deploy/fixtures/imports.sample'), 'utf8');
    expect(importsOf(source)).toEqual([
      { from: '../src/emulator/aws/index.js', names: ['startBackupEmulator'] },
      { from: 'playwright-core', names: ['chromium'] },
      { from: './helpers/redis.js', names: ['testRedis'] },
      { from: './setup.js', names: ['*'] },
      { from: 'bullmq', names: ['*'] },
    ]);
  });

  it('finds Redis behind a test helper, and nothing in a pure test', () => {
    expect(outsideWorld(repoPath('test/slack/rate-limit.test.ts'))).toContain(
      'Redis (ioredis, in test/helpers/redis.ts)',
    );
    expect(outsideWorld(repoPath('test/e2e/playground/block-kit.test.ts'))).toContain(
      'the browser (playwright-core, in test/e2e/playground/browser.ts)',
    );
    expect(outsideWorld(repoPath('test/query/windows.test.ts'))).toEqual([]);
  });
});
