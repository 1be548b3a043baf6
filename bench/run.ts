import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchAlertTick } from './alerts.js';
import { benchCsvMemory } from './csv-memory.js';
import { benchEmulator } from './emulator.js';
import { benchFirstPage } from './first-page.js';
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
    title: 'Slack: acknowledgement, answers and AWS calls per page',
    command: 'npx tsx bench/slack.ts',
    about:
      'N signed slash commands (half `failed last 7 days`, half `summary 7d`), then a Next click on every page that has one, all sent at once over open keep-alive sockets to the bot in its own process; AWS is the emulator in a third process (3 regions, 6,000 jobs). "ack" is the time to the HTTP answer Slack waits for (limit 3,000 ms); "answer" is the time until the reply reached its response_url.',
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

const only = process.argv[2];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
const parts: string[] = [
  '# Benchmarks',
  '',
  `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}. Reproduce everything with \`npm run bench\` (it rewrites this file); each section names its own command. Every figure comes from one run on one machine: compare ratios and counts, not absolute times across machines.`,
];
for (const section of SECTIONS) {
  if (only && !section.command.includes(only)) continue;
  process.stdout.write(`running ${section.title}…\n`);
  const values = await section.run();
  parts.push('', `## ${section.title}`, '', section.about, '', `\`${section.command}\``, '', table(values));
}
parts.push('');
if (only) {
  // One section alone is printed, not written: BENCHMARKS.md always holds a whole run.
  process.stdout.write(`${parts.join('\n')}\n`);
} else {
  await writeFile('BENCHMARKS.md', parts.join('\n'), 'utf8');
  process.stdout.write('BENCHMARKS.md written\n');
}
