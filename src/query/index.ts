/**
 * The query language: text typed after `/backup-jobs` -> JobQuery. Pure: no I/O, no clock.
 * Other rooms import from here.
 */
export { DEFAULT_MUTE_MS } from './alerts.js';
export { describeQuery } from './describe.js';
export { QUERY_EXAMPLES } from './examples.js';
export { type ParseJson, toParseJson } from './json.js';
export { INTERNAL_ERROR, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, parseQuery } from './parse.js';
export * from './types.js';
export { HELP_TOPICS, type HelpTopic } from './vocabulary.js';
