/** A command's entry: parses its own arguments, runs, and resolves to the process exit status. */
export type CommandRun = (args: readonly string[]) => Promise<number>;

interface CommandSpec {
  summary: string;
  usage: string;
  load: () => Promise<CommandRun>;
}

export const COMMANDS = {
  bot: {
    summary: 'Run the Slack app (HTTP on PORT, or Socket Mode when SLACK_APP_TOKEN is set)',
    usage: `Usage: backup-jobs bot

Runs the Slack app. Over HTTP it serves POST /slack/events and a bare GET /healthz (for load
balancers) on PORT (default 3000); with SLACK_APP_TOKEN set it connects over Socket Mode
(apps.connections.open at SLACK_API_URL) and listens on no port for Slack. Either way GET /healthz,
GET /readyz and GET /metrics are served on HEALTH_PORT (default 3001), off the port Slack reaches.
Commands and clicks are queued in Redis once received, so any bot process answers them.
Needs SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (HTTP mode) and AWS_REGIONS. See .env.example.
`,
    load: async () => (await import('./bot.js')).runBot,
  },
  worker: {
    summary: 'Run the alert worker (BullMQ on Redis; health on HEALTH_PORT)',
    usage: `Usage: backup-jobs worker

Evaluates the alert rules of ALERT_RULES_FILE on their schedules and posts alerts to Slack.
Serves GET /healthz, GET /readyz and GET /metrics on HEALTH_PORT (default 3001).
Needs SLACK_BOT_TOKEN, AWS_REGIONS, ALERT_RULES_FILE and a Redis at REDIS_URL.
`,
    load: async () => (await import('./worker.js')).runWorker,
  },
  demo: {
    summary: 'Run everything locally: AWS Backup emulator, bot, worker and a Slack-like playground',
    usage: `Usage: backup-jobs demo [--port N] [--host ADDRESS] [--burst-after SECONDS] [--socket-mode]

Starts Redis (REDIS_URL if it answers, else redis-server from PATH), the AWS Backup emulator with
a seeded organisation, the bot, the alert worker and a Slack-like playground, then prints the URL.
  --port N               the playground's port (default 3000; a free one when it is taken)
  --host ADDRESS         where every server of the demo listens: 127.0.0.1 (default), localhost or
                         ::1 for this machine alone; 0.0.0.0 or :: for every interface (a container)
  --burst-after SECONDS  when the scripted burst of failures arrives (default 60)
  --socket-mode          the bot connects over Socket Mode instead of receiving HTTP requests
`,
    load: async () => (await import('./demo.js')).runDemo,
  },
  emulator: {
    summary: 'Run the AWS Backup emulator alone',
    usage: `Usage: backup-jobs emulator [--port N] [--seed N] [--jobs N] [--accounts N] [--regions a,b] [--latency-ms N]

Serves a local AWS Backup REST API over generated, linked data: backup, copy and restore jobs
(List…Jobs, List…JobSummaries, Describe…Job for each kind), ListBackupVaults and
GetSupportedResourceTypes, plus an admin API under /_emulator.
Point the SDK or the AWS CLI at it with AWS_ENDPOINT_URL_BACKUP=http://127.0.0.1:PORT.
`,
    load: async () => (await import('./emulator.js')).runEmulator,
  },
  parse: {
    summary: 'Print the query a /backup-jobs text parses to, as JSON (no network)',
    usage: `Usage: backup-jobs parse "<text>" [--now ISO-8601] [--tz Zone]

Parses the text people type after /backup-jobs and prints the query as JSON, with AWS input names
and ISO-8601 UTC times. A text that cannot be understood prints {"error", "suggestions"} and exits 2.

Example:
  backup-jobs parse "failed or partial since monday 9am type:rds account:*" --now 2026-11-23T10:00:00Z --tz America/New_York
`,
    load: async () => (await import('./parse.js')).runParse,
  },
} satisfies Record<string, CommandSpec>;

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
