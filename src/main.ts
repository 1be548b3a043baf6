#!/usr/bin/env node
import { COMMANDS, type CommandName, commandUsage, rootUsage } from './cli/commands.js';
import { isCodedError } from './errors.js';

/**
 * `backup-jobs <bot|worker|demo|emulator|parse>`: finds the command and hands it its arguments.
 * Each command's module builds the real things it needs (config, logger, clients) and owns shutdown.
 */
async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(rootUsage());
    return name === undefined ? 64 : 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    process.stderr.write(`backup-jobs: unknown command "${name}".\n\n${rootUsage()}`);
    return 64;
  }
  const command = COMMANDS[name as CommandName];
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(commandUsage(name as CommandName));
    return 0;
  }
  const run = await command.load();
  return run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (isCodedError(err)) {
      process.stderr.write(`backup-jobs: ${err.message}\n${err.remedy}\n`);
      process.exitCode = err.code === 'USAGE' ? 64 : 78;
      return;
    }
    process.stderr.write(
      `backup-jobs: unexpected failure: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exitCode = 70;
  },
);
