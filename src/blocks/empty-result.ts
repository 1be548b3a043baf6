import type { KnownBlock } from '@slack/types';
import { type JobKind, KIND_NOUN } from '../domain/index.js';
import { ACTION, encodeQueryValue, indexedActionId } from './actions.js';
import { actions, type BlockMessage, button, message, type ResponseOptions, section } from './kit.js';
import { remarksBlock } from './notes.js';
import { code, mrkdwnText } from './text.js';

export interface EmptyResultInput {
  /** The query restated in words. */
  title: string;
  /** The kind of job searched for. @defaultValue `backup` */
  kind?: JobKind;
  /** Wider queries to offer, best first: a bare text, or a text and what it widens. */
  suggestions: readonly (string | WiderSearch)[];
  notes: readonly string[];
}

/** A wider query and, in words, the one thing it changes: `the last 7 days instead of 24h`. */
export interface WiderSearch {
  text: string;
  widened?: string;
}

/** Suggestions offered at most (one button each). */
export const MAX_SUGGESTIONS = 5;

/** No job matched: say what was searched and offer wider queries that run with one click. */
export function emptyResult(input: EmptyResultInput, options: ResponseOptions = {}): BlockMessage {
  const what = mrkdwnText(input.title || 'your search', 1000);
  const none = `No ${KIND_NOUN[input.kind ?? 'backup'].many} match`;
  const blocks: KnownBlock[] = [section(`:mag: *${none}.*\nSearched: ${what}`, 'bj_empty')];
  const suggestions = distinct(input.suggestions).slice(0, MAX_SUGGESTIONS);
  if (suggestions.length > 0) {
    const lines = suggestions.map(
      (s) => `• ${code(s.text, 300)}${s.widened ? ` — ${mrkdwnText(s.widened, 200)}` : ''}`,
    );
    blocks.push(section(`*Try a wider search:*\n${lines.join('\n')}`, 'bj_empty_suggestions'));
    blocks.push(
      actions(
        suggestions.map(({ text: s }, i) =>
          button({
            text: `▶ ${s}`,
            actionId: indexedActionId(ACTION.runAgain, i),
            value: encodeQueryValue(s),
            ...(i === 0 ? { style: 'primary' as const } : {}),
          }),
        ),
        'bj_empty_actions',
      ),
    );
  }
  const remarks = remarksBlock(
    input.notes.map((text) => ({ kind: 'note' as const, text })),
    1200,
    'bj_empty_notes',
  );
  if (remarks) blocks.push(remarks);
  return message(`${none} ${what}`, blocks, options);
}

function distinct(suggestions: readonly (string | WiderSearch)[]): WiderSearch[] {
  const seen = new Map<string, WiderSearch>();
  for (const s of suggestions) {
    const one = typeof s === 'string' ? { text: s } : s;
    const text = one.text.trim();
    if (text !== '' && !seen.has(text)) seen.set(text, { ...one, text });
  }
  return [...seen.values()];
}
