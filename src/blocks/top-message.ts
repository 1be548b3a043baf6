import type { KnownBlock } from '@slack/types';
import type { RankedResource, Ranking } from '../backup/ranking.js';
import { type JobKind, KIND_NOUN } from '../domain/index.js';
import { formatTime } from '../time/labels.js';
import { ACTION, encodeQueryValue, indexedActionId } from './actions.js';
import { formatCount } from './format.js';
import { type BlockMessage, button, context, header, message, type ResponseOptions, section } from './kit.js';
import { remarksBlock, remarksOf } from './notes.js';
import { code, escapeMrkdwn, joinParts, mrkdwnText, plural, truncate } from './text.js';

/** The most rows a ranking shows: one section each, within Slack's 50 blocks and its size limit. */
export const MAX_RANKED = 25;

export interface TopInput {
  /** The question restated in words (`describeQuery`). */
  title: string;
  kind: JobKind;
  /** What the jobs ranked are, in words: `failed`, `failed or partial`. */
  what: string;
  ranking: Ranking;
  /** The list text of each row's button (that resource's matching jobs), by the row's key. */
  listTexts: Readonly<Record<string, string>>;
  timeZone: string;
  now: Date;
  notes: readonly string[];
}

/** `failed backup jobs`, or `backup jobs` when every state is ranked. */
function jobsOf(what: string, noun: string): string {
  return what === '' ? noun : `${what} ${noun}`;
}

/** Text characters the rows share: Slack refuses a message whose blocks hold more than 12,000. */
const ROWS_BUDGET = 9000;
const REASON_MAX = 150;

function rowText(input: TopInput, r: RankedResource, place: number, budget: number): string {
  const name = r.name ?? r.arn ?? r.key;
  const jobs = r.count === 1 ? KIND_NOUN[input.kind].one : KIND_NOUN[input.kind].many;
  const head = joinParts([
    `*${place}.* *${mrkdwnText(name, 60)}*${r.type ? ` (${mrkdwnText(r.type, 30)})` : ''}`,
    `*${formatCount(r.count)}* ${jobsOf(input.what, jobs)}`,
  ]);
  const arn = r.arn && r.arn !== name ? code(r.arn, 150) : undefined;
  const where = joinParts([arn, mrkdwnText(r.region, 30), code(r.accountId, 20)]);
  const last = `Last: ${formatTime(r.lastAt, input.timeZone, input.now)}`;
  const lines = [head, where, last].join('\n');
  // The reason takes what the row has left, so that every row fits however long the names are.
  const room = Math.min(REASON_MAX, budget - lines.length - 3);
  return r.lastReason && room >= 20 ? `${lines} — ${mrkdwnText(r.lastReason, room)}` : lines;
}

/**
 * The answer to `top failing resources …`: resources ranked by how many matching jobs they had,
 * each with its latest time and reason and a button listing its jobs.
 */
export function topMessage(input: TopInput, options: ResponseOptions = {}): BlockMessage {
  const { ranking, kind } = input;
  const blocks: KnownBlock[] = [
    header(`Top resources by ${jobsOf(input.what, KIND_NOUN[kind].many)}`, 'bj_top_head'),
    context(
      [
        joinParts([
          `:trophy: ${mrkdwnText(input.title, 400)}`,
          `${ranking.capped ? 'more than ' : ''}${formatCount(ranking.capped ? ranking.bound : ranking.jobCount)} ${KIND_NOUN[kind].many} counted from the jobs`,
          plural(ranking.resourceCount, 'resource'),
          plural(ranking.regions.length, 'region'),
        ]),
      ],
      'bj_top_info',
    ),
  ];
  if (ranking.resources.length === 0)
    blocks.push(
      section(
        `:white_check_mark: *No ${jobsOf(input.what, KIND_NOUN[kind].many)} in this window.*`,
        'bj_top_empty',
      ),
    );
  const shown = ranking.resources.slice(0, MAX_RANKED);
  const budget = Math.floor(ROWS_BUDGET / Math.max(1, shown.length)) - 'List jobs'.length;
  shown.forEach((r, i) => {
    const text = input.listTexts[r.key];
    const accessory =
      text === undefined
        ? undefined
        : button({
            text: 'List jobs',
            actionId: indexedActionId(ACTION.runAgain, i),
            value: encodeQueryValue(text),
          });
    blocks.push(section(rowText(input, r, i + 1, budget), `bj_top_${i}`, accessory));
  });
  const warnings = [
    ...ranking.failedRegions.map((f) => `${f.region} could not be counted: ${f.reason}`),
    ...(ranking.capped
      ? [
          `I stopped at ${formatCount(ranking.bound)} jobs: the ranking covers those. Narrow the window or add filters to rank them all.`,
        ]
      : []),
  ];
  const remarks = remarksBlock(remarksOf(warnings, input.notes), 1200, 'bj_top_remarks');
  if (remarks) blocks.push(remarks);
  const first = ranking.resources[0];
  const lead = first
    ? `${first.name ?? first.arn ?? first.key} leads with ${formatCount(first.count)}`
    : `no ${jobsOf(input.what, KIND_NOUN[kind].many)}`;
  return message(
    `${escapeMrkdwn(truncate(input.title, 300))}: ${escapeMrkdwn(truncate(lead, 300))}`,
    blocks,
    options,
  );
}
