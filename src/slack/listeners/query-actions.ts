import type { App } from '@slack/bolt';
import { ACTION, actionPattern, decodeQueryValue } from '../../blocks/index.js';
import type { BotDeps } from '../deps.js';
import { runText } from '../run-text.js';
import { type ClickHandler, onClick } from './click.js';

/** Run again, help examples, and the console link (a link button still sends a click to ack). */
export function registerQueryActions(app: App, deps: BotDeps) {
  const rerun: ClickHandler = async (ctx, value) => {
    const text = decodeQueryValue(value);
    if (text === null) {
      return {
        text: 'That button carries no query. Type /backup-jobs help to start again.',
        replace_original: false,
      };
    }
    await runText(deps, ctx, text);
    return null;
  };
  onClick(app, deps, actionPattern(ACTION.runAgain), 'run_again', rerun);
  onClick(app, deps, actionPattern(ACTION.helpExample), 'help_example', rerun);
  app.action({ type: 'block_actions', action_id: actionPattern(ACTION.openConsole) }, async ({ ack }) => {
    await ack();
  });
}
