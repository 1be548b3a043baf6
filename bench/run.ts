import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchAlertTick } from './alerts.js';
import { benchCoverage } from './coverage.js';
import { benchCsvMemory } from './csv-memory.js';
import { benchEmulator } from './emulator.js';
import { benchFirstPage } from './first-page.js';
import { benchParse } from './parse.js';
import { benchSlack } from './slack.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

interface Section {
  title: string;
  command: string;
  about: string;
  run: () => Promise<Record<string, number>>;
}

const SECTIONS: Section[] = [
  {
    title: 'Slack: acknowledgement, answers, throughput and AWS calls per page',
    command: 'npx tsx bench/slack.ts',
    about:
      'The bot in its own process (real Bolt, real BullMQ on Redis), AWS Backup emulated in another (3 regions, 6,000 jobs), signed requests over open keep-alive sockets. Acks: three back-to-back waves of 100 commands (lists and summaries), each wave after a burst of 100 signed `ssl_check` pings on the same sockets: the pings are the no-work baseline of the same run, and the waves do not wait for the answers of the ones before. Answers: 100 commands in flight at once, each timed from its own ack to its reply at its own response_url, with AWS answering at once and after 100 ms per call. Throughput: 300 commands spread over one bot, then over two bots on one Redis (any bot answers any command).',
    run: () => benchSlack(),
  },
  {
    title: 'First page against a full listing',
    command: 'npx tsx bench/first-page.ts',
    about:
      'The bot\'s first page of "all jobs in the organisation" against what `aws backup list-backup-jobs` does (every page of every region, then print), through the same emulator with 20 ms added to every call, 2 regions.',
    run: () => benchFirstPage(),
  },
  {
    title: 'CSV export memory',
    command: 'npx tsx bench/csv-memory.ts',
    about:
      "The export's pipeline (listing → CSV file on disk) in its own process with the heap capped at 64 MiB: memory is bounded by the batches in flight (1,000 jobs per region), not by the total.",
    run: () => benchCsvMemory(),
  },
  {
    title: 'Alert tick: 200 rules over 3 regions',
    command: 'npx tsx bench/alerts.ts',
    about: '200 rules sharing 20 distinct scopes, 20,000 emulated jobs, real Redis and BullMQ.',
    run: () => benchAlertTick(),
  },
  {
    title: 'Coverage passes: 100,000 jobs, 10,000 resources, 5 accounts, 2 regions',
    command: 'npx tsx bench/coverage.ts',
    about:
      "The coverage pass over an emulated organisation read through the real SDK into real Redis, member accounts through their role (STS): the first pass reads 30 days of backup and copy jobs and every protected resource; a steady pass reads only what ended since the last (one List call per kind and Region, whatever the estate); `stale 24h` and the coverage table are answered from the kept state. Beside it, the same 100,000 jobs over fewer resources, each backed up daily: `steadyPassTimeRatio` is the steady pass's time over 10,000 resources to its time over the fewer.",
    run: () => benchCoverage(),
  },
  {
    title: 'Reading queries: phrasings as people type them against the grammar',
    command: 'npx tsx bench/parse.ts',
    about:
      'Sixteen phrasings from the families of the phrasing tests (filters and resources in words, windows people say, questions, a misspelt query read twice), each parsed 200 times in one process, against the grammar form each means. No I/O: the parser is pure.',
    run: () => benchParse(),
  },
  {
    title: 'AWS Backup emulator',
    command: 'npx tsx bench/emulator.ts',
    about: '100,000 generated jobs in 2 regions; pages served one at a time to the real SDK.',
    run: () => benchEmulator(),
  },
];

function table(values: Record<string, number>): string {
  const rows = Object.entries(values).map(([k, v]) => `| ${k} | ${v.toLocaleString('en-US')} |`);
  return ['| measure | value |', '|---|---|', ...rows].join('\n');
}

/** DESIGN.md's quality bars, each with the figure of this run that speaks to it. */
function againstTheBars(v: Record<string, number>): string[] {
  const f = (key: string) => (v[key] ?? Number.NaN).toLocaleString('en-US');
  return [
    '## Against the quality bars',
    '',
    `- Acknowledgement under sustained load, goal p99 within 1.5× of a no-work baseline: commands p99 ${f('command ack ms, 3 waves of 100 p99')} ms against signed pings p99 ${f('no-op ping ack ms, baseline p99')} ms in the same run: ${f('command ack p99 / baseline p99')}×. Every command is in Redis before it is acknowledged (Slack allows 3,000 ms).`,
    `- Answers: p99 ${f('answer ms after ack, 100 in flight, AWS +0 ms p99')} ms from ack to response_url with 100 in flight, ${f('answer ms after ack, 100 in flight, AWS +100 ms p99')} ms with 100 ms added to every AWS call.`,
    `- Throughput: ${f('throughput, 1 bot (commands answered per s)')} commands answered per second with one bot, ${f('throughput, 2 bots (commands answered per s)')} with two on one Redis (${f('throughput ratio, 2 bots / 1 bot')}×, on the same 2 cores).`,
    `- AWS calls: first page ${f('AWS calls, first page (3 regions, 1 state)')} and next page ${f('AWS calls, next page (3 regions, 1 state)')} over 3 regions (one per region; a query naming several states asks once per region and state); Prev and Next again to the page already seen: ${f('AWS calls, previous page and Next again')}.`,
    `- First page against a full listing with 20 ms per call: ${f('full listing / first page (20k jobs)')}× faster at 20k jobs, ${f('full listing / first page (100k jobs)')}× at 100k.`,
    `- CSV export memory: peak heap 100k / 10k jobs = ${f('peak heap ratio 100k / 10k')} (100k / 1k = ${f('peak heap ratio 100k / 1k')}: a 1k export never fills its 1,000-job batches); the 100k export runs within a 64 MiB heap.`,
    `- Alerts: a tick of 200 rules over 3 regions makes ${f('firstTickAwsCalls')} AWS calls (${f('awsCallsWithoutSharing')} without shared scopes) in ${f('firstTickMs')} ms.`,
    `- Coverage: a steady pass makes ${f('steadyPassAwsCalls')} AWS calls (one List call per kind and region) in ${f('steadyPassMs')} ms (${f('steadyPassTimeRatio')}× its time over ${f('fewerResourcesKnown')} resources), against ${f('firstPassAwsCalls')} calls and ${f('firstPassMs')} ms for the first, full pass over ${f('resourcesKnown')} resources; \`stale 24h\` from the kept state: ${f('stale24hMedianMs')} ms.`,
    `- Reading queries: a phrasing as people type it parses in ${f('parse µs, as people type, p50')} µs at p50 (${f('parse µs, as people type, p99')} µs p99), ${f('parse p50 ratio, as typed / grammar')}× its grammar form.`,
    '- Summaries come from ListBackupJobSummaries only, and bad input, outages and 429s get clear answers: proven by tests (`npm test`, `npm run test:reliability`), not timed here.',
  ];
}

/** The heading of the section that comes from the reliability suite, not from this run. */
const RELIABILITY_HEADING = '## Reliability: load and abuse';

const only = process.argv[2];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
const parts: string[] = [
  '# Benchmarks',
  '',
  `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}. Reproduce everything with \`npm run bench\` (it rewrites this file); each section names its own command. Every figure comes from one run on one machine: compare ratios and counts, not absolute times across machines.`,
];
const all: Record<string, number> = {};
for (const section of SECTIONS) {
  if (only && !section.command.includes(only)) continue;
  process.stdout.write(`running ${section.title}…\n`);
  const values = await section.run();
  Object.assign(all, values);
  parts.push('', `## ${section.title}`, '', section.about, '', `\`${section.command}\``, '', table(values));
}
if (!only) parts.splice(3, 0, '', ...againstTheBars(all));
parts.push('');
if (only) {
  // One section alone is printed, not written: BENCHMARKS.md always holds a whole run.
  process.stdout.write(`${parts.join('\n')}\n`);
} else {
  // The reliability suite's section is written by hand from `npm run test:reliability`: kept.
  const kept = await readFile('BENCHMARKS.md', 'utf8').then(
    (text) => text.slice(Math.max(0, text.indexOf(RELIABILITY_HEADING))),
    () => '',
  );
  if (kept.startsWith(RELIABILITY_HEADING)) parts.push(kept.trimEnd(), '');
  await writeFile('BENCHMARKS.md', parts.join('\n'), 'utf8');
  process.stdout.write('BENCHMARKS.md written\n');
}
