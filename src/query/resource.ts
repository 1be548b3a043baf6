import { isArn } from './filters.js';
import { quoteWord, stripQuotes, type Token } from './tokens.js';
import type { QueryError, ResourceQuery } from './types.js';
import { FILTER_KEYS } from './vocabulary.js';

const EXAMPLE_ARN = 'arn:aws:rds:eu-west-1:111122223333:db:orders';
const EXAMPLES = [`resource ${EXAMPLE_ARN}`, 'resource orders'];
/** Longest name taken: names are matched against what AWS lists, which is never longer. */
const MAX_NAME_LENGTH = 256;

/**
 * `resource <arn or name> [public]`: one resource's protection story. The tokenizer reads an ARN
 * as `arn:…` key and value (and `resource:arn:…` is a list's filter), so both are put back
 * together here. A name is the rest of the text as typed (`resource "my db"`, `resource my db`);
 * a word with a colon that is not a filter stays part of it.
 */
export function parseResource(text: string, tokens: readonly Token[]): ResourceQuery | QueryError {
  const visibility = tokens.some((token) => token.word === 'public') ? 'in_channel' : 'ephemeral';
  const rest = tokens.filter((token) => token.word !== 'public');
  const [first, extra] = rest;
  if (first === undefined) {
    return {
      error: `"resource" needs an ARN or a name, like "${EXAMPLES[0]}" or "${EXAMPLES[1]}".`,
      suggestions: EXAMPLES,
    };
  }
  const arn = arnOf(first);
  const second = rest.slice(1).find((token) => arnOf(token) !== null);
  if ((arn !== null && extra !== undefined) || second !== undefined) {
    const one = arn ?? arnOf(second!)!;
    const word = arn === null ? first.raw : extra!.raw;
    return {
      error: `"resource" takes one ARN or one name; ${quoteWord(word)} is one word too many. Try "resource ${one}".`,
      suggestions: [`resource ${one}`],
    };
  }
  const filter = rest.find(isFilter);
  if (filter !== undefined) {
    const name = rest.filter((token) => !isFilter(token)).map((token) => token.raw);
    const instead = name.length > 0 ? ['resource', ...name].join(' ') : EXAMPLES[1]!;
    return {
      error: `"resource" takes an ARN or a name, not filters, so ${quoteWord(filter.raw)} does not apply. Try ${quoteWord(instead)}.`,
      suggestions: [instead],
    };
  }
  const target =
    arn ??
    rest
      .map((token) => stripQuotes(token.raw))
      .join(' ')
      .trim();
  if (target === '' || (target.toLowerCase().startsWith('arn:') && !isArn(target))) {
    return {
      error: `${quoteWord(target === '' ? first.raw : target)} is not an ARN or a name: give one like "${EXAMPLES[0]}" or "${EXAMPLES[1]}".`,
      suggestions: EXAMPLES,
    };
  }
  if (target.length > MAX_NAME_LENGTH) {
    return {
      error: `${quoteWord(target)} is too long for a resource name: give at most ${MAX_NAME_LENGTH} characters, or the ARN, like "${EXAMPLES[0]}".`,
      suggestions: EXAMPLES,
    };
  }
  return { kind: 'resource', text, notes: [], visibility, target };
}

/** The ARN a token names (`arn:aws:…`, `resource:arn:aws:…`), or null when it names none. */
function arnOf(token: Token): string | null {
  if (token.key === undefined || FILTER_KEYS[token.key] !== 'resource') return null;
  const value = (token.value ?? '').trim();
  const arn = token.key === 'arn' ? `arn:${value}` : value;
  return isArn(arn) ? arn : null;
}

/** A filter of lists other than an ARN: `region:eu-west-1`, not `db:orders` (a name may have a colon). */
function isFilter(token: Token): boolean {
  const key = token.key === undefined ? undefined : FILTER_KEYS[token.key];
  return key !== undefined && key !== 'resource';
}
