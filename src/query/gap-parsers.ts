import { type AgeCommand, ageParser } from './age.js';
import type { Item, ItemMatch } from './items.js';
import { kindWord } from './kind-parsers.js';
import { bareRegionOrAccount, bareType, type ListParser, pageSizeIn, publicWord } from './list-parsers.js';
import { RESOURCE_PHRASE_PARSERS } from './phrase-parsers.js';
import { resourceFilter } from './resource-filters.js';
import { joinTokens, quoteWord, type Token } from './tokens.js';
import {
  RESOURCE_FILLER_WORDS,
  STATE_WORDS,
  VALIDATION_PHRASES,
  WINDOW_MARKERS,
  WITH_ISSUES_PHRASES,
} from './vocabulary.js';
import { parseWindow } from './window-parser.js';

/**
 * The grammar of `stale` and `coverage`, the questions about protection gaps: which resources have
 * no good backup (or copy) within an age. Job words (states, windows) are refused with the query
 * that asks them of jobs; `whole` is the whole query, to build corrections from.
 */
export function gapParsers(command: AgeCommand, whole: readonly Token[]): readonly ListParser[] {
  return [
    resourceFilter(command, whole),
    pageSizeIn('resources'),
    kindWord,
    ...RESOURCE_PHRASE_PARSERS,
    bareRegionOrAccount,
    ageParser(command),
    jobWords(command),
    publicWord,
    bareType,
    filler,
    windowRefused(command),
  ];
}

const JOB_PHRASES: readonly (readonly string[])[] = [
  ...WITH_ISSUES_PHRASES,
  ...VALIDATION_PHRASES.map((p) => p.words),
];

/** `failed`, `completed`, `with issues`, `timed out`: words about jobs, not resources. */
function jobWords(command: AgeCommand): ListParser {
  return (tokens, i) => {
    const phrase = JOB_PHRASES.find((words) => words.every((w, k) => tokens[i + k]?.word === w));
    const word = tokens[i]!.word;
    if (phrase === undefined && STATE_WORDS[word] === undefined && WINDOW_MARKERS[word] === undefined)
      return null;
    const consumed = phrase?.length ?? 1;
    const text = joinTokens(tokens.slice(i, i + consumed));
    const jobs = `${text} last 24h`;
    return refuse(
      consumed,
      `${quoteWord(text)} is about jobs: "${command}" finds resources by the age of their last good backup. Try "${command} 24h", or ${quoteWord(jobs)} for the jobs.`,
      [`${command} 24h`, jobs],
    );
  };
}

/** `since monday`, `yesterday`, `last week`: a time window, where these questions take an age. */
function windowRefused(command: AgeCommand): ListParser {
  return (tokens, i, t) => {
    const match = parseWindow(tokens, i, t);
    if (match === null) return null;
    const text = joinTokens(tokens.slice(i, i + match.consumed));
    return refuse(
      match.consumed,
      `${quoteWord(text)} is a time window, but "${command}" takes an age: how long ago the last good backup may be, like "${command} 24h" or "${command} 7d".`,
      [`${command} 24h`, `${command} 7d`],
    );
  };
}

const filler: ListParser = (tokens, i) =>
  RESOURCE_FILLER_WORDS.has(tokens[i]!.word)
    ? { consumed: 1, item: { kind: 'filler', text: tokens[i]!.raw } }
    : null;

function refuse(consumed: number, error: string, suggestions: string[]): ItemMatch {
  const item: Item = { kind: 'error', error: { error, suggestions } };
  return { consumed, item };
}
