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
  /** Wider query texts to offer, best first. */
  suggestions: readonly string[];
  notes: readonly string[];
}

/** Suggestions offered at most (one button each). */
export const MAX_SUGGESTIONS = 5;

/** No job matched: say what was searched and offer wider queries that run with one click. */
export function emptyResult(input: EmptyResultInput, options: ResponseOptions = {}): BlockMessage {
  const what = mrkdwnText(input.title || 'your search', 1000);
  const none = `No ${KIND_NOUN[input.kind ?? 'backup'].many} match`;
  const blocks: KnownBlock[] = [section(`:mag: *${none}.*\nSearched: ${what}`, 'bj_empty')];
  const suggestions = [...new Set(input.suggestions.map((s) => s.trim()).filter(Boolean))].slice(
    0,
    MAX_SUGGESTIONS,
  );
  if (suggestions.length > 0) {
    const lines = suggestions.map((s) => `• ${code(s, 300)}`);
    blocks.push(section(`*Try a wider search:*\n${lines.join('\n')}`, 'bj_empty_suggestions'));
    blocks.push(
      actions(
        suggestions.map((s, i) =>
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
