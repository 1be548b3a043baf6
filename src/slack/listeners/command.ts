import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { runText } from '../run-text.js';
import { type CommandArgs, commandContext } from './context.js';

export const COMMAND = '/backup-jobs';

/** `/backup-jobs <text>`: ack at once (nothing comes before it), then answer through respond(). */
export function registerCommand(app: App, deps: BotDeps) {
  app.command(COMMAND, async (args: CommandArgs) => {
    const started = performance.now();
    await args.ack();
    deps.metrics.requestSeconds.observe(
      { kind: 'command', name: 'ack', outcome: 'ok' },
      (performance.now() - started) / 1000,
    );
    await runText(deps, commandContext(deps, args), args.command.text ?? '');
    deps.metrics.requestSeconds.observe(
      { kind: 'command', name: 'answer', outcome: 'ok' },
      (performance.now() - started) / 1000,
    );
  });
}
