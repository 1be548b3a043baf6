import type { ParseContext, ParseResult } from './types.js';

export function parseQuery(text: string, _ctx: ParseContext): ParseResult {
  return { ok: false, error: { error: `Could not understand "${text}".`, suggestions: ['help'] } };
}
