import { ACTION, actionPattern, confirmCommandMessage, decodeQueryValue } from '../../blocks/index.js';
import { parseQuery } from '../../query/parse.js';
import { stateChangeOf } from '../../query/state-changes.js';
import { runText } from '../run-text.js';
import type { ClickAction } from './types.js';

const noQuery = {
  text: 'That button carries no query. Type /backup-jobs help to start again.',
  replace_original: false,
};

/**
 * Run again and help examples: the query the button carries, as if typed. One that changes
 * something for everyone (a mute, a pause) is never done by such a click: the answer says what it
 * would do, with a button that does it once Slack's confirmation is answered.
 */
const rerun: ClickAction['run'] = async (deps, ctx, value) => {
  const text = decodeQueryValue(value);
  if (text === null) return noQuery;
  const timeZone = await deps.zones.zoneOf(ctx.client, ctx.teamId, ctx.userId, ctx.log);
  const parsed = parseQuery(text, { now: deps.now(), timeZone });
  const change = parsed.ok ? stateChangeOf(parsed.query) : undefined;
  if (change) return confirmCommandMessage(text, change);
  await runText(deps, ctx, text);
  return null;
};

/** The confirmed command: run as if typed (refused while replays cannot be checked). */
const confirmed: ClickAction['run'] = async (deps, ctx, value) => {
  const text = decodeQueryValue(value);
  if (text === null) return noQuery;
  await runText(deps, ctx, text);
  return null;
};

export const QUERY_CLICKS: readonly ClickAction[] = [
  { match: actionPattern(ACTION.runAgain), name: 'run_again', run: rerun },
  { match: actionPattern(ACTION.helpExample), name: 'help_example', run: rerun },
  { match: ACTION.confirmCommand, name: 'confirm_command', changesState: true, run: confirmed },
];
