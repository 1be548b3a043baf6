import type { KnownBlock } from '@slack/types';
import type { ListedJob } from '../backup/types.js';
import { KIND_NOUN } from '../domain/index.js';
import { formatTime } from '../time/labels.js';
import { ACTION, encodeDetailsValue, hasDetailsValue, indexedActionId } from './actions.js';
import { resourceLabel } from './job-lines.js';
import { type BlockMessage, button, context, message, type ResponseOptions, section } from './kit.js';
import { displayState, lookOf } from './states.js';
import { code, joinParts, mrkdwnText } from './text.js';

export interface JobCandidatesInput {
  /** The start of an id as typed. */
  typed: string;
  /** Newest first; Slack's limits keep at most 20 shown. */
  candidates: readonly ListedJob[];
  /** More jobs match than are listed. */
  more: boolean;
  timeZone: string;
  now: Date;
}

const MAX_SHOWN = 20;

/** One candidate: its id, kind, state, resource and when it ran, with a Details button. */
function candidateBlock(job: ListedJob, index: number, input: JobCandidatesInput): KnownBlock {
  const look = lookOf(displayState(job));
  const text = [
    `${code(job.jobId, 260)} · ${KIND_NOUN[job.kind].one}`,
    joinParts([
      `${look.emoji} ${look.label}`,
      code(resourceLabel(job), 80),
      mrkdwnText(job.region, 30),
      `created ${formatTime(job.createdAt, input.timeZone, input.now)}`,
    ]),
  ].join('\n');
  const target = { region: job.region, jobId: job.jobId, kind: job.kind };
  const details = hasDetailsValue(target)
    ? button({
        text: 'Details',
        actionId: indexedActionId(ACTION.details, index),
        value: encodeDetailsValue(target),
      })
    : undefined;
  return section(text, `bj_candidate_${index}`, details);
}

/**
 * The jobs whose id starts with what was typed, when it names more than one: each with a Details
 * button that opens it.
 */
export function jobCandidates(input: JobCandidatesInput, options: ResponseOptions = {}): BlockMessage {
  const shown = input.candidates.slice(0, MAX_SHOWN);
  const more = input.more || input.candidates.length > shown.length;
  const count = more ? `More than ${shown.length}` : String(shown.length);
  const title = `${count} jobs have an id that starts with ${input.typed}`;
  const blocks: KnownBlock[] = [
    section(`*${mrkdwnText(title, 300)}.* Pick one, or type more of its id.`, 'bj_candidates_head'),
    ...shown.map((job, index) => candidateBlock(job, index, input)),
  ];
  if (more) {
    blocks.push(
      context(
        [`These are the newest ${shown.length}. Type more of the id to find an older one.`],
        'bj_candidates_more',
      ),
    );
  }
  return message(`${title}.`, blocks, options);
}
