import { isJobId, isRegionName, type JobKind, KIND_NOUN } from '../domain/index.js';
import { nearestTopics } from './suggest.js';
import { quoteWord, type Token } from './tokens.js';
import type { HelpQuery, JobDetailsQuery, QueryError, Visibility } from './types.js';
import { HELP_TOPIC_ALIASES, HELP_TOPICS, type HelpTopic } from './vocabulary.js';

/** `public` and `region:NAME` may follow the other kinds of query too. */
export interface Extras {
  rest: Token[];
  visibility: Visibility;
  regions: string[];
}

/** Takes `public` and `region:` tokens out, leaving the rest in order. */
export function takeExtras(tokens: readonly Token[]): Extras {
  const extras: Extras = { rest: [], visibility: 'ephemeral', regions: [] };
  for (const token of tokens) {
    const regions = token.key === 'region' ? (token.value ?? '').toLowerCase().split(',') : [];
    if (token.word === 'public') extras.visibility = 'in_channel';
    else if (regions.length > 0 && regions.every(isRegionName)) extras.regions.push(...regions);
    else extras.rest.push(token);
  }
  extras.regions = [...new Set(extras.regions)];
  return extras;
}

const EXAMPLE_ID = '4B7B3A0C-1234-5678-9ABC-DEF012345678';

/**
 * `[copy|restore|backup] job <id>` / `details <id>`, optionally with `region:` and `public`.
 * `lead` is the kind typed before `job` (its words and kind); without one, the id is looked up as
 * every kind of job.
 */
export function parseJob(
  text: string,
  tokens: readonly Token[],
  lead?: { jobKind: JobKind; text: string },
): JobDetailsQuery | QueryError {
  const { rest, visibility, regions } = takeExtras(tokens);
  const [id, extra] = rest;
  const command = lead === undefined ? 'job' : `${lead.text} job`;
  const noun = lead === undefined ? 'job id' : `${KIND_NOUN[lead.jobKind].one} id`;
  if (id === undefined) {
    return {
      error: `"${command}" needs a ${noun}, like "${command} ${EXAMPLE_ID}".`,
      suggestions: [`${command} ${EXAMPLE_ID}`],
    };
  }
  if (!isJobId(id.raw)) {
    return {
      error: `${quoteWord(id.raw)} is not a ${noun}: ids are 1 to 256 letters, digits and hyphens, like "${command} ${EXAMPLE_ID}".`,
      suggestions: [`${command} ${EXAMPLE_ID}`],
    };
  }
  if (extra !== undefined) {
    return {
      error: `"${command}" takes one job id; ${quoteWord(extra.raw)} is one word too many. Try "${command} ${id.raw}".`,
      suggestions: [`${command} ${id.raw}`],
    };
  }
  const query: JobDetailsQuery = { kind: 'job', text, notes: [], visibility, jobId: id.raw, regions };
  if (lead !== undefined) query.jobKind = lead.jobKind;
  return query;
}

/** `help` or `help <topic>`. */
export function parseHelp(text: string, tokens: readonly Token[]): HelpQuery | QueryError {
  const { rest, visibility } = takeExtras(tokens);
  const [word, extra] = rest;
  const query: HelpQuery = { kind: 'help', text, notes: [], visibility };
  if (word === undefined) return query;
  const topic = topicOf(word.word);
  if (topic === undefined || extra !== undefined) {
    const near = nearestTopics((extra ?? word).word).map((t) => `help ${t}`);
    const what = topic === undefined ? word.raw : `${word.raw} ${extra?.raw ?? ''}`;
    return {
      error: `${quoteWord(what)} is not a help topic. Topics: ${HELP_TOPICS.join(', ')}.`,
      suggestions: near,
    };
  }
  query.topic = topic;
  return query;
}

function topicOf(word: string): HelpTopic | undefined {
  return HELP_TOPICS.find((topic) => topic === word) ?? HELP_TOPIC_ALIASES[word];
}
