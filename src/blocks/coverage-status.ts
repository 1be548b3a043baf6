import type { ContextBlock } from '@slack/types';
import type { AccountRead, CoverageStatus } from '../coverage/types.js';
import { formatDuration } from '../time/duration.js';
import { formatTime, spanMs } from '../time/labels.js';
import { formatCount } from './format.js';
import { context } from './kit.js';
import { code, joinParts, mrkdwnText, plural } from './text.js';

/** The zone and instant every time of a resource answer is shown in. */
export interface CoverageContext {
  timeZone: string;
  now: Date;
}

/** Accounts named in the status line at most; the rest are counted. */
const NAMED_ACCOUNTS = 5;
const REASON_MAX = 300;
const PROBLEM_MAX = 80;

/** `2 minutes ago`: how long ago a time was, never negative. */
export function agoText(iso: string, now: Date): string {
  return `${formatDuration(Math.max(0, spanMs(iso, now) ?? 0), 'words')} ago`;
}

/** True when the last pass failed after the last one that finished (or before any finished). */
function failedSincePass(status: CoverageStatus): boolean {
  const failure = status.failure;
  if (failure === undefined) return false;
  return status.passAt === undefined || Date.parse(failure.at) >= Date.parse(status.passAt);
}

/**
 * How current the knowledge is: `As of the pass that finished today 14:05 (2 minutes ago)`, or,
 * when the last pass failed, what failed and which pass the answer comes from.
 */
export function passText(status: CoverageStatus, ctx: CoverageContext): string {
  const at = (iso: string) => formatTime(iso, ctx.timeZone, ctx.now);
  const known = status.passAt
    ? `what was known at ${at(status.passAt)} (${agoText(status.passAt, ctx.now)})`
    : undefined;
  const failure = status.failure;
  if (failure !== undefined && failedSincePass(status)) {
    const why = mrkdwnText(failure.reason, REASON_MAX) || 'no reason given';
    return `:warning: The pass of ${at(failure.at)} could not finish: ${why}; ${
      known ? `showing ${known}` : 'nothing is known yet'
    }`;
  }
  if (status.passAt === undefined)
    return ':hourglass_flowing_sand: No pass over the accounts has finished yet';
  return `:arrows_counterclockwise: As of the pass that finished ${at(status.passAt)} (${agoText(status.passAt, ctx.now)})`;
}

function accountProblem(account: AccountRead): string | undefined {
  if (account.problem !== undefined) return mrkdwnText(account.problem, PROBLEM_MAX) || 'could not be read';
  return account.readAt === undefined ? 'job history only' : undefined;
}

/**
 * The accounts whose protected resources were not read in full, named with why:
 * `Accounts 222233334444 (access denied), 333344445555 (job history only) were not read in full`.
 * Undefined when every account was read.
 */
export function accountsText(accounts: readonly AccountRead[]): string | undefined {
  const partial = accounts.flatMap((a) => {
    const problem = accountProblem(a);
    return problem === undefined ? [] : [`${code(a.accountId, 40)} (${problem})`];
  });
  if (partial.length === 0) return undefined;
  const named = partial.slice(0, NAMED_ACCOUNTS).join(', ');
  const rest = partial.length - NAMED_ACCOUNTS;
  const list = rest > 0 ? `${named} and ${formatCount(rest)} more` : named;
  const verb = partial.length === 1 ? 'was' : 'were';
  return `:warning: ${partial.length === 1 ? 'Account' : 'Accounts'} ${list} ${verb} not read in full`;
}

/** The status context of every resource answer: the pass, the resources known, the accounts not read. */
export function coverageStatusBlock(
  status: CoverageStatus,
  ctx: CoverageContext,
  blockId: string,
): ContextBlock {
  const pass = joinParts([passText(status, ctx), `${plural(status.resources, 'resource')} known`]);
  const accounts = accountsText(status.accounts);
  return context(accounts ? [pass, accounts] : [pass], blockId);
}
