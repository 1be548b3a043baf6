import { isRegionName } from '../domain/index.js';
import { isTimeZone } from '../time/zone.js';
import { demoHost } from './demo-host.js';
import {
  type CommandArgs,
  choice,
  type Flag,
  integer,
  optionLines,
  type ReadArgs,
  readArgs,
  synopsis,
  text,
  toggle,
} from './flags.js';

/** A command's entry: reads its arguments, runs, and resolves to the process exit status. */
export type CommandRun = (args: readonly string[]) => Promise<number>;

type Flags = Record<string, Flag<unknown>>;

/** What a command's module exports: its run, given the arguments as its flags declare them. */
export type CommandMain<F extends Flags> = (input: ReadArgs<F>) => Promise<number>;

interface CommandSpec<F extends Flags> extends CommandArgs<F> {
  summary: string;
  /** What `--help` says between the synopsis and the options. */
  about: string;
  example?: string;
  load: () => Promise<CommandMain<F>>;
}

export interface Command {
  summary: string;
  /** What `backup-jobs <command> --help` prints. */
  usage: string;
  load: () => Promise<CommandRun>;
}

function usageOf<F extends Flags>(spec: CommandSpec<F>): string {
  const parts = [synopsis(spec), spec.about, ['Options:', ...optionLines(spec)].join('\n')];
  if (spec.example) parts.push(`Example:\n  ${spec.example}`);
  return `${parts.join('\n\n')}\n`;
}

/**
 * A command from its declaration: its arguments are read (and refused) before its module loads,
 * and `--help` prints the usage made of its flags.
 */
function command<F extends Flags>(spec: CommandSpec<F>): Command {
  const usage = usageOf(spec);
  return {
    summary: spec.summary,
    usage,
    load: async () => async (args) => {
      const input = readArgs(spec, args);
      if (input.help) {
        process.stdout.write(usage);
        return 0;
      }
      const main = await spec.load();
      return main(input);
    },
  };
}

/** A comma-separated list of Regions, each once. */
function regionList(raw: string): string[] | undefined {
  const regions = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (regions.length === 0 || !regions.every(isRegionName)) return undefined;
  return [...new Set(regions)];
}

export const EMULATOR_FLAGS = {
  port: integer(0, 65535, 'the port to listen on; 0 picks a free one (default 0)'),
  seed: integer(0, 2 ** 32 - 1, 'the seed of the generated organisation: same seed, same data (default 1)'),
  jobs: integer(0, 5_000_000, 'about how many backup jobs to generate (default 3000)'),
  resources: integer(
    1,
    1_000_000,
    'resources the jobs are of; more than the jobs back up daily are each\nbacked up every few days (default: about jobs / 33)',
  ),
  accounts: integer(1, 100, 'accounts in the organisation; the first is the caller (default 3)'),
  regions: text({
    value: 'a,b',
    help: 'the Regions it serves (default us-east-1,eu-west-1)',
    expected: 'a comma-separated list of Regions, like --regions us-east-1,eu-west-1',
    read: regionList,
  }),
  'latency-ms': integer(0, 120_000, 'added to every AWS call (default 0)'),
  order: choice(['newest', 'oldest', 'shuffled'], 'the order List…Jobs returns (default newest)'),
  'member-role-name': text({
    value: 'NAME',
    help: 'the role STS AssumeRole may assume in every member account\n(default OrganizationAccountAccessRole)',
    expected: 'an IAM role name like OrganizationAccountAccessRole',
    read: (raw) => (/^[\w+=,.@-]{1,64}$/.test(raw) ? raw : undefined),
  }),
} satisfies Flags;

export const DEMO_FLAGS = {
  port: integer(0, 65535, "the playground's port (default 3000; a free one when it is taken)"),
  host: text({
    value: 'ADDRESS',
    help: 'where every server of the demo listens: 127.0.0.1 (default), localhost or\n::1 for this machine alone; 0.0.0.0 or :: for every interface (a container)',
    expected:
      'an address the demo listens on: give 127.0.0.1 (the default), localhost or ::1 for this machine alone, or 0.0.0.0 or :: for every interface',
    read: demoHost,
  }),
  'burst-after': text({
    value: 'SECONDS',
    help: 'when the scripted burst of failures arrives (default 60)',
    expected: 'a number of seconds, like 60',
    read: (raw) => (/^\d+(\.\d+)?$/.test(raw) ? Number(raw) : undefined),
  }),
  'socket-mode': toggle('the bot connects over Socket Mode instead of receiving HTTP requests'),
} satisfies Flags;

export const PARSE_FLAGS = {
  now: text({
    value: 'ISO-8601',
    help: 'the time the text is read at (default: now)',
    expected: 'a date: give an ISO-8601 time like 2026-11-23T10:00:00Z',
    read: (raw) => {
      const at = new Date(raw);
      return Number.isNaN(at.getTime()) ? undefined : at;
    },
  }),
  tz: text({
    value: 'Zone',
    help: 'the time zone calendar words are read in (default DEFAULT_TIMEZONE, else UTC)',
    expected: 'a time zone: give an IANA zone like Europe/Berlin or UTC',
    read: (raw) => (isTimeZone(raw) ? raw : undefined),
  }),
} satisfies Flags;

export const COMMANDS = {
  bot: command({
    name: 'bot',
    summary: 'Run the Slack app (HTTP on PORT, or Socket Mode when SLACK_APP_TOKEN is set)',
    about: `Runs the Slack app. Over HTTP it serves POST /slack/events and a bare GET /healthz (for load
balancers) on PORT (default 3000); with SLACK_APP_TOKEN set it connects over Socket Mode
(apps.connections.open at SLACK_API_URL) and listens on no port for Slack. Either way GET /healthz,
GET /readyz and GET /metrics are served on HEALTH_PORT (default 3001), off the port Slack reaches.
Commands and clicks are queued in Redis once received, so any bot process answers them.
Needs SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode), and
AWS_REGIONS. See .env.example.`,
    flags: {},
    load: async () => (await import('./bot.js')).runBot,
  }),
  worker: command({
    name: 'worker',
    summary: 'Run the alert worker (BullMQ on Redis; health on HEALTH_PORT)',
    about: `Evaluates the alert rules (those made in Slack, kept in Redis, and those of ALERT_RULES_FILE,
reloaded when it changes) on their schedules and posts alerts to Slack; advances coverage.
Serves GET /healthz, GET /readyz and GET /metrics on HEALTH_PORT (default 3001).
Needs SLACK_BOT_TOKEN, AWS_REGIONS and a Redis at REDIS_URL; ALERT_RULES_FILE is optional.`,
    flags: {},
    load: async () => (await import('./worker.js')).runWorker,
  }),
  demo: command({
    name: 'demo',
    summary: 'Run everything locally: AWS Backup emulator, bot, worker and a Slack-like playground',
    about: `Starts Redis (REDIS_URL if it answers, else redis-server from PATH), the AWS Backup emulator with
a seeded organisation, the bot, the alert worker and a Slack-like playground, then prints the URL.`,
    flags: DEMO_FLAGS,
    load: async () => (await import('./demo.js')).runDemo,
  }),
  emulator: command({
    name: 'emulator',
    summary: 'Run the AWS Backup emulator alone',
    about: `Serves a local AWS Backup REST API over generated, linked data: backup, copy and restore jobs
(List…Jobs, List…JobSummaries, Describe…Job for each kind), ListBackupVaults and
GetSupportedResourceTypes, plus an admin API under /_emulator.
Point the SDK or the AWS CLI at it with AWS_ENDPOINT_URL_BACKUP=http://127.0.0.1:PORT.`,
    flags: EMULATOR_FLAGS,
    load: async () => (await import('./emulator.js')).runEmulator,
  }),
  parse: command({
    name: 'parse',
    summary: 'Print the query a /backup-jobs text parses to, as JSON (no network)',
    operand: {
      synopsis: '"<text>"',
      missing: 'needs the text to parse, like backup-jobs parse "failed last 3 days"',
    },
    about: `Parses the text people type after /backup-jobs and prints the query as JSON, with AWS input names
and ISO-8601 UTC times. A text that cannot be understood prints {"error", "suggestions"} and exits 2.`,
    example:
      'backup-jobs parse "failed or partial since monday 9am type:rds account:*" --now 2026-11-23T10:00:00Z --tz America/New_York',
    flags: PARSE_FLAGS,
    load: async () => (await import('./parse.js')).runParse,
  }),
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

export function rootUsage(): string {
  const lines = Object.entries(COMMANDS).map(([name, spec]) => `  ${name.padEnd(10)}${spec.summary}`);
  return `Usage: backup-jobs <command> [options]

Commands:
${lines.join('\n')}

Run "backup-jobs <command> --help" for a command's options.
`;
}

export function commandUsage(name: CommandName): string {
  return COMMANDS[name].usage;
}
