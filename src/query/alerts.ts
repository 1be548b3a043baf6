import { RULE_NAME_RULE, ruleNameOf } from '../domain/ids.js';
import { parseDuration } from '../time/duration.js';
import { takeExtras } from './job.js';
import { nearest, orList } from './suggest.js';
import { joinTokens, quoteWord, type Token } from './tokens.js';
import type { AlertsQuery, QueryError } from './types.js';

/** How long `alerts mute <rule>` mutes when no duration is typed. */
export const DEFAULT_MUTE_MS = 3_600_000;
const ACTIONS = [
  'list',
  'new',
  'history',
  'mute',
  'unmute',
  'test',
  'edit',
  'pause',
  'resume',
  'delete',
] as const;
/** Actions that take no rule (`new`) or may take one (`history`). */
const NO_RULE = new Set<string>(['list', 'new']);

/**
 * `alerts`, `alerts new`, `alerts history [rule]`, `alerts mute <rule> [for] [duration]`, and
 * `alerts unmute|test|edit|pause|resume|delete <rule>`.
 */
export function parseAlerts(text: string, tokens: readonly Token[]): AlertsQuery | QueryError {
  const { rest, visibility } = takeExtras(tokens);
  const base = { kind: 'alerts' as const, text, notes: [], visibility };
  const [actionToken, ruleToken, ...more] = rest;
  const action = ACTIONS.find((a) => a === actionToken?.word);
  if (actionToken === undefined || (action === 'list' && ruleToken === undefined))
    return { ...base, action: 'list' };
  if (action === undefined) {
    const near = nearest(actionToken.word, ACTIONS).map((a) => `alerts ${a}`);
    const tail =
      near.length > 0
        ? ` — did you mean ${orList(near)}?`
        : '. Try "alerts", "alerts new", "alerts edit <rule>", "alerts mute <rule> 2h" or "alerts history".';
    return {
      error: `${quoteWord(actionToken.raw)} is not something alerts can do${tail}`,
      suggestions: near.length > 0 ? near : ['alerts'],
    };
  }
  if (NO_RULE.has(action)) {
    if (rest.length > 1)
      return tooMany(joinTokens(rest.slice(1)), action === 'list' ? 'alerts' : `alerts ${action}`);
    return action === 'new' ? { ...base, action } : { ...base, action: 'list' };
  }
  if (action === 'history' && ruleToken === undefined) return { ...base, action };
  if (ruleToken === undefined) {
    return {
      error: `"alerts ${action}" needs a rule name, like "alerts ${action} prod-failures".`,
      suggestions: ['alerts'],
    };
  }
  const rule = ruleNameOf(ruleToken.raw);
  if (rule === null) {
    return {
      error: `${quoteWord(ruleToken.raw)} is not a rule name: rule names are ${RULE_NAME_RULE}.`,
      suggestions: ['alerts'],
    };
  }
  if (action !== 'mute')
    return more.length > 0
      ? tooMany(joinTokens(more), `alerts ${action} ${rule}`)
      : { ...base, action, rule };
  const durationTokens = more[0]?.word === 'for' ? more.slice(1) : more;
  if (durationTokens.length === 0) return { ...base, action, rule, durationMs: DEFAULT_MUTE_MS };
  const durationText = joinTokens(durationTokens);
  const durationMs = parseDuration(durationText);
  if (durationMs === null) {
    return {
      error: `${quoteWord(durationText)} is not a duration: try 30m, 2h, 1d or 1w.`,
      suggestions: [`alerts mute ${rule} 2h`, `alerts mute ${rule} 1d`],
    };
  }
  return { ...base, action, rule, durationMs };
}

function tooMany(extra: string, command: string): QueryError {
  return { error: `${quoteWord(extra)} does not belong after "${command}".`, suggestions: [command] };
}
