import { sideVaultItem } from './filters.js';
import type { ListParser } from './list-parsers.js';
import { joinTokens, phraseAt } from './tokens.js';
import { FILTER_KEYS, KIND_PHRASES, VALIDATION_PHRASES, VAULT_SIDES } from './vocabulary.js';

/** The parsers of the words that differ between kinds of job: the kind itself, vault sides, validation. */

/** `copies`, `copy`, `restores`, `restore tests`, `backups`: the kind of job asked about. */
export const kindWord: ListParser = (tokens, i) => {
  for (const { words, jobKind, testsOnly } of KIND_PHRASES) {
    const consumed = phraseAt(tokens, i, words);
    if (consumed === 0) continue;
    const text = joinTokens(tokens.slice(i, i + consumed));
    return { consumed, item: { kind: 'job-kind', jobKind, testsOnly, text } };
  }
  return null;
};

/** `from vault:prod`, `to vault:dr-vault`: one side of a copy job. Before windows: `from` starts one too. */
export const vaultSide: ListParser = (tokens, i) => {
  const side = VAULT_SIDES[tokens[i]!.word];
  const next = tokens[i + 1];
  if (side === undefined || next?.key === undefined || FILTER_KEYS[next.key] !== 'vault') return null;
  const text = joinTokens(tokens.slice(i, i + 2));
  return { consumed: 2, item: sideVaultItem(side, (next.value ?? '').trim(), text) };
};

/** `timed out`: a restore test whose validation timed out. */
export const validation: ListParser = (tokens, i) => {
  for (const { words, outcome } of VALIDATION_PHRASES) {
    const consumed = phraseAt(tokens, i, words);
    if (consumed > 0)
      return {
        consumed,
        item: { kind: 'validation', outcome, text: joinTokens(tokens.slice(i, i + consumed)) },
      };
  }
  return null;
};
