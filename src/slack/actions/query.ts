import { ACTION, actionPattern, decodeQueryValue } from '../../blocks/index.js';
import { runText } from '../run-text.js';
import type { ClickAction } from './types.js';

const rerun: ClickAction['run'] = async (deps, ctx, value) => {
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

/** Run again and help examples: the query the button carries, as if typed. */
export const QUERY_CLICKS: readonly ClickAction[] = [
  { match: actionPattern(ACTION.runAgain), name: 'run_again', run: rerun },
  { match: actionPattern(ACTION.helpExample), name: 'help_example', run: rerun },
];
