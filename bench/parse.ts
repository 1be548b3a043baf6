import { pathToFileURL } from 'node:url';
import { parseQuery } from '../src/query/parse.js';
import { percentiles } from './stats.js';

/** Phrasings as people type them, and the grammar form each means (from the phrasing tests' families). */
const PAIRS: readonly [string, string][] = [
  ['failed in the prod vault last 3 days', 'failed vault:prod last 3 days'],
  ['failed rds jobs in account 123456789012', 'failed type:rds account:123456789012'],
  ['failures across the org over the weekend', 'failed account:* weekend'],
  ['dynamodb tables that failed within the last 6 hours', 'failed type:dynamodb last 6 hours'],
  ['failed efs file systems during the last 2 weeks', 'failed type:efs last 2 weeks'],
  ['yesterday between 1am and 3am', 'between yesterday 1am and yesterday 3am'],
  ['failed on the 20th', 'failed on nov 20'],
  ['what is running right now', 'running'],
  ['failed with access denied last night', 'failed category:AccessDenied last night'],
  ['share failed last 3 days', 'failed last 3 days public'],
  ['how many failed last 24h', 'failed last 24h'],
  ['top failing resources last 7 days', 'failed last 7 days'],
  ['weekly summary by account', 'summary 7d'],
  ['show job 1F2A3B4C-1111-2222-3333-444455556666', 'job 1F2A3B4C-1111-2222-3333-444455556666'],
  ['mute prod-failures for 2 hours', 'alerts mute prod-failures 2h'],
  ['faild partal lsat week', 'failed partial last week'],
];
const ROUNDS = 200;
const CONTEXT = { now: new Date('2026-11-25T15:00:00Z'), timeZone: 'America/New_York' };

/** Microseconds per parse. */
function timeEach(texts: readonly string[]): number[] {
  const ms: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of texts) {
      const start = performance.now();
      const parsed = parseQuery(text, CONTEXT);
      ms.push((performance.now() - start) * 1000);
      if (!parsed.ok) throw new Error(`${text}: ${parsed.error.error}`);
    }
  }
  return ms;
}

/**
 * Parse time of phrasings people type against their grammar forms, in the same process: the
 * ratio says what reading natural words (and misspellings, read twice) costs over the grammar.
 */
export async function benchParse(): Promise<Record<string, number>> {
  // Warm both paths (chrono and the module graph) before timing.
  timeEach(PAIRS.flat());
  const natural = percentiles(timeEach(PAIRS.map(([said]) => said)));
  const grammar = percentiles(timeEach(PAIRS.map(([, form]) => form)));
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    'phrasings timed': PAIRS.length * ROUNDS,
    'parse µs, as people type, p50': natural.p50,
    'parse µs, as people type, p99': natural.p99,
    'parse µs, grammar forms, p50': grammar.p50,
    'parse µs, grammar forms, p99': grammar.p99,
    'parse p50 ratio, as typed / grammar': round(natural.p50 / Math.max(grammar.p50, 0.1)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchParse();
  for (const [name, value] of Object.entries(results)) process.stdout.write(`${name.padEnd(40)}${value}\n`);
}
