import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoPath } from './repo.js';

/** Packages whose import means a test talks to something outside its own process. */
const PACKAGES: Record<string, string> = {
  ioredis: 'Redis',
  bullmq: 'Redis',
  'node:child_process': 'child processes',
  child_process: 'child processes',
  'playwright-core': 'the browser',
};

/** Functions of ours that start a stand-in, a process role or a whole stack. */
const STARTERS: Record<string, string> = {
  startBackupEmulator: 'the AWS emulator',
  startAwsFixture: 'the AWS emulator',
  startSlackStandIn: 'the Slack stand-in',
  startTestStandIn: 'the Slack stand-in',
  startBot: 'the bot',
  startWorker: 'the alert worker',
  startStack: 'the whole stack',
  testRedis: 'Redis',
};

interface Import {
  from: string;
  /** Names imported as values (type-only names left out); `*` for a namespace or a side effect. */
  names: string[];
}

const STATIC =
  /^\s*(?:import|export)\s+(type\s+)?(\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?)\s+from\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function valueNames(clause: string): string[] {
  const braces = /\{([^}]*)\}/.exec(clause);
  const outside = clause
    .replace(/\{[^}]*\}/, '')
    .replace(/,/g, ' ')
    .trim();
  const names = outside ? ['*'] : [];
  for (const part of (braces?.[1] ?? '').split(',')) {
    const name = part.trim();
    if (name && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/)[0]!.trim());
  }
  return names;
}

/** The value imports of a module's source: `import type` and type-only names are erased by the compiler. */
export function importsOf(source: string): Import[] {
  const found: Import[] = [];
  for (const m of source.matchAll(STATIC)) {
    if (m[1]) continue;
    const names = valueNames(m[2] ?? '');
    if (names.length > 0) found.push({ from: m[3] ?? '', names });
  }
  for (const m of source.matchAll(BARE)) found.push({ from: m[1] ?? '', names: ['*'] });
  for (const m of source.matchAll(DYNAMIC)) found.push({ from: m[1] ?? '', names: ['*'] });
  return found;
}

/** A relative import of a test module, resolved to its file (`./x.js` is `./x.ts` on disk). */
function testModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const path = resolve(dirname(from), specifier).replace(/\.js$/, '.ts');
  const inTests = relative(repoPath('test'), path);
  if (inTests.startsWith('..') || !existsSync(path)) return undefined;
  return path;
}

/**
 * What a test file reaches outside its process — Redis, child processes, the browser, the
 * emulators, the bot or the worker — found in its own imports and in those of every test helper it
 * imports, each with the module that brings it in. Empty for a test that needs nothing but itself.
 */
export function outsideWorld(file: string): string[] {
  const reasons = new Set<string>();
  const seen = new Set<string>();
  const queue = [resolve(file)];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const via = relative(repoPath(), path);
    for (const { from, names } of importsOf(readFileSync(path, 'utf8'))) {
      const what = PACKAGES[from];
      if (what) reasons.add(`${what} (${from}, in ${via})`);
      for (const name of names) {
        const started = Object.hasOwn(STARTERS, name) ? STARTERS[name] : undefined;
        if (started) reasons.add(`${started} (${name}, in ${via})`);
      }
      const helper = testModule(path, from);
      if (helper) queue.push(helper);
    }
  }
  return [...reasons].sort();
}

/** Every test file of `npm test`, relative to the repository, sorted. */
export function testFiles(): string[] {
  return readdirSync(repoPath('test'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join('test', name).split('\\').join('/'))
    .sort();
}
