import { EVERY_ACCOUNT, isAccountId, isRegionName, type ResourceType } from '../domain/index.js';
import { filterItem, sideVaultItem } from './filters.js';
import type { Item, ItemMatch } from './items.js';
import type { ListParser } from './list-parsers.js';
import { joinTokens, phraseAt, quoteWord, stripQuotes, type Token } from './tokens.js';
import {
  CATEGORY_PHRASES,
  EVERY_ACCOUNT_PHRASES,
  isVocabularyWord,
  NOW_PHRASES,
  PUBLIC_PHRASES,
  RESOURCE_NOUNS,
  RESOURCE_QUALIFIERS,
  VAULT_SIDES,
} from './vocabulary.js';

/**
 * Filters said in words rather than as `key:value`: `vault prod`, `in the prod vault`, `in account
 * 111122223333`, `type rds`, `resource type rds`, `in all accounts`, `across the org`, `region
 * eu-west-1`; resources by their nouns (`ec2 instances`, `tables`, `file systems`); message
 * categories (`access denied`); `share` / `in channel`; `right now`. Each parser reads from token
 * `i` or returns null, as the list parsers do.
 */

/** The longest of `phrases` that matches at `i`, with how many tokens it used. */
function longest<T extends { words: readonly string[] }>(
  tokens: readonly Token[],
  i: number,
  phrases: readonly T[],
): { phrase: T; consumed: number } | null {
  let best: { phrase: T; consumed: number } | null = null;
  for (const phrase of phrases) {
    const consumed = phraseAt(tokens, i, phrase.words);
    if (consumed > (best?.consumed ?? 0)) best = { phrase, consumed };
  }
  return best;
}

/** A word a filter's value can be: typed, not a word of the language, not `key:value`. */
function isValueWord(token: Token | undefined): token is Token {
  return token !== undefined && token.key === undefined && !isVocabularyWord(token.word);
}

/** The item `key:value` would give, read from words (`vault prod` reads as `vault:prod`). */
function asKeyed(key: string, value: Token, tokens: readonly Token[], i: number, consumed: number) {
  const raw = joinTokens(tokens.slice(i, i + consumed));
  const item = filterItem({ raw, word: raw.toLowerCase(), key, value: stripQuotes(value.raw) });
  return { consumed, item };
}

/** `vault prod`, `vault "my vault"`, `prod vault`, `in the prod vault`, `backup vault prod`. */
const vaultWords: ListParser = (tokens, i) => {
  const [a, b] = [tokens[i], tokens[i + 1]];
  if (a?.key === undefined && (a?.word === 'vault' || a?.word === 'vaults') && isValueWord(b))
    return asKeyed('vault', b, tokens, i, 2);
  if (isValueWord(a) && b?.word === 'vault' && b.key === undefined) return asKeyed('vault', a, tokens, i, 2);
  return null;
};

/**
 * `from the prod vault`, `to the dr vault`, `from vault prod`: a copy job's source or destination
 * vault; for other kinds, the vault (`backups from the prod vault`): `spoken` marks it so.
 */
const sideVaultWords: ListParser = (tokens, i, t) => {
  const side = VAULT_SIDES[tokens[i]?.word ?? ''];
  if (side === undefined || tokens[i]?.key !== undefined) return null;
  const skip = tokens[i + 1]?.word === 'the' ? 2 : 1;
  const vault = vaultWords(tokens, i + skip, t);
  if (vault === null) return null;
  if (vault.item.kind !== 'filter') return { ...vault, consumed: vault.consumed + skip };
  const text = joinTokens(tokens.slice(i, i + skip + vault.consumed));
  const item = sideVaultItem(side, vault.item.value, text);
  return { consumed: skip + vault.consumed, item: item.kind === 'filter' ? { ...item, spoken: true } : item };
};

/** `account 111122223333`, `accounts 111122223333`, `account all`. */
const accountWords: ListParser = (tokens, i) => {
  const [a, b] = [tokens[i], tokens[i + 1]];
  if (a?.key !== undefined || (a?.word !== 'account' && a?.word !== 'accounts')) return null;
  if (b !== undefined && b.key === undefined && (isAccountId(b.word) || b.word === '*'))
    return asKeyed('account', b, tokens, i, 2);
  if (b?.word === 'all' || b?.word === 'any')
    return { consumed: 2, item: everyAccount(joinTokens(tokens.slice(i, i + 2))) };
  return null;
};

/** `all accounts`, `every account`, `across the org`, `org-wide`, `organization wide`, … */
const everyAccountWords: ListParser = (tokens, i) => {
  const found = longest(tokens, i, EVERY_ACCOUNT_PHRASES);
  if (found === null) return null;
  return { consumed: found.consumed, item: everyAccount(joinTokens(tokens.slice(i, i + found.consumed))) };
};

function everyAccount(text: string): Item {
  return { kind: 'filter', filter: 'account', value: EVERY_ACCOUNT, text };
}

/** `type rds`, `resource type rds`, `type "storage gateway"`. */
const typeWords: ListParser = (tokens, i) => {
  const lead = phraseAt(tokens, i, ['resource', 'type']) || phraseAt(tokens, i, ['type']);
  if (lead === 0) return null;
  const noun = resourceNoun(tokens, i + lead);
  if (noun !== null) {
    const text = joinTokens(tokens.slice(i, i + lead + noun.consumed));
    return { consumed: lead + noun.consumed, item: { ...noun.item, text } as Item };
  }
  const value = tokens[i + lead];
  return isValueWord(value) ? asKeyed('type', value, tokens, i, lead + 1) : null;
};

/** `region eu-west-1`, `in region eu-west-1`. */
const regionWords: ListParser = (tokens, i) => {
  const [a, b] = [tokens[i], tokens[i + 1]];
  if (a?.key !== undefined || a?.word !== 'region' || b === undefined || !isRegionName(b.word)) return null;
  return { consumed: 2, item: { kind: 'regions', regions: [b.word], text: joinTokens([a, b]) } };
};

/**
 * A resource type by its names and nouns: `ec2 instances`, `rds databases`, `tables` (DynamoDB),
 * `file systems` (EFS), `vms`, `sap hana`, `storage gateway`, `dynamo db`. A qualifier names the type
 * (`timestream tables`); a noun alone names its usual type; `clusters` alone is asked about.
 */
const resourceWords: ListParser = (tokens, i) => resourceNoun(tokens, i);

function resourceNoun(tokens: readonly Token[], i: number): ItemMatch | null {
  const qualifier = longest(tokens, i, RESOURCE_QUALIFIERS);
  const at = i + (qualifier?.consumed ?? 0);
  const noun = longest(tokens, at, RESOURCE_NOUNS);
  const consumed = (qualifier?.consumed ?? 0) + (noun?.consumed ?? 0);
  if (consumed === 0) return null;
  const text = joinTokens(tokens.slice(i, i + consumed));
  const type: ResourceType | undefined = qualifier?.phrase.type ?? noun?.phrase.type;
  if (type === undefined) {
    const options = noun?.phrase.among ?? [];
    const error = `${quoteWord(text)} could be ${options.join(', ')}: say which, like "${options[0]?.toLowerCase()} ${text}".`;
    return {
      consumed,
      item: {
        kind: 'error',
        error: { error, suggestions: options.map((o) => `${o.toLowerCase()} ${text}`) },
      },
    };
  }
  return { consumed, item: { kind: 'filter', filter: 'resourceType', value: type, text } };
}

/** `access denied`, `with access denied`, `invalid parameters`: a message category. */
const categoryWords: ListParser = (tokens, i) => {
  const found = longest(tokens, i, CATEGORY_PHRASES);
  if (found === null) return null;
  const text = joinTokens(tokens.slice(i, i + found.consumed));
  return {
    consumed: found.consumed,
    item: { kind: 'filter', filter: 'messageCategory', value: found.phrase.category, text },
  };
};

/** `share`, `in channel`, `for everyone`, `publicly`: the answer goes to the channel. */
const publicWords: ListParser = (tokens, i) => {
  const found = longest(tokens, i, PUBLIC_PHRASES);
  if (found === null) return null;
  return {
    consumed: found.consumed,
    item: { kind: 'public', text: joinTokens(tokens.slice(i, i + found.consumed)) },
  };
};

/** `now`, `right now`, `currently`, `at the moment`: jobs still running or waiting. */
export const nowWords: ListParser = (tokens, i) => {
  const found = longest(tokens, i, NOW_PHRASES);
  if (found === null) return null;
  return {
    consumed: found.consumed,
    item: { kind: 'now', text: joinTokens(tokens.slice(i, i + found.consumed)) },
  };
};

/** The phrase parsers, tried before the single-word ones of the list grammar. */
export const PHRASE_PARSERS: readonly ListParser[] = [
  sideVaultWords,
  nowWords,
  categoryWords,
  publicWords,
  everyAccountWords,
  accountWords,
  regionWords,
  typeWords,
  resourceWords,
  vaultWords,
];

/** What a phrase's filter fills in questions about resources (`stale`, `coverage`). */
const RESOURCE_FIELDS = {
  vault: 'vaults',
  account: 'accounts',
  resourceType: 'resourceTypes',
} as const;

/**
 * The phrase parsers for `stale` and `coverage`: `in the prod vault`, `rds instances`, `across the
 * org`, `region eu-west-1` fill the resource filters as their `key:value` forms do.
 */
export const RESOURCE_PHRASE_PARSERS: readonly ListParser[] = [
  everyAccountWords,
  accountWords,
  regionWords,
  typeWords,
  resourceWords,
  vaultWords,
].map(
  (parser): ListParser =>
    (tokens, i, t) => {
      const match = parser(tokens, i, t);
      if (match === null || match.item.kind !== 'filter') return match;
      const { filter, value, text } = match.item;
      const field =
        filter in RESOURCE_FIELDS ? RESOURCE_FIELDS[filter as keyof typeof RESOURCE_FIELDS] : null;
      if (field === null) return null;
      return { consumed: match.consumed, item: { kind: 'values', filter: field, values: [value], text } };
    },
);
