import type { KnownBlock } from '@slack/types';
import type { CoverageStatus } from '../coverage/types.js';
import type { Visibility } from '../query/types.js';
import { formatDuration } from '../time/duration.js';
import { coverageStatusBlock } from './coverage-status.js';
import { type BlockMessage, header, message, type ResponseOptions, section } from './kit.js';
import { remarksBlock } from './notes.js';
import { escapeMrkdwn, truncate } from './text.js';

/** What the answer to a stale question with no stale resource shows. */
export interface StaleNoneInput {
  /** The query restated in words (`describeQuery`). */
  title: string;
  maxAgeMs: number;
  /** Copy destinations rather than backups. */
  copies: boolean;
  status: CoverageStatus;
  visibility: Visibility;
  timeZone: string;
  now: Date;
  notes?: readonly string[];
}

/**
 * Nothing is stale: every matching resource has a good backup (or copy) within the age asked,
 * said with how current that knowledge is. Before any pass has finished nothing is known, and the
 * answer says to ask again instead.
 */
export function staleNone(input: StaleNoneInput, options: ResponseOptions = {}): BlockMessage {
  const ctx = { timeZone: input.timeZone, now: input.now };
  const within = formatDuration(input.maxAgeMs, 'words');
  const what = input.copies
    ? `Every copy destination has a good copy within ${within}`
    : `Every resource has a good backup within ${within}`;
  const computing = input.status.passAt === undefined;
  const line = computing
    ? ':hourglass_flowing_sand: *Coverage is being computed; ask again in a minute.*'
    : `:white_check_mark: *${what}.*`;
  const blocks: KnownBlock[] = [
    header(input.title || 'Stale resources', 'bj_stale_none_head'),
    section(line, 'bj_stale_none'),
    coverageStatusBlock(input.status, ctx, 'bj_stale_none_status'),
  ];
  const notes = (input.notes ?? []).map((text) => ({ kind: 'note' as const, text }));
  const remarks = remarksBlock(notes, 1000, 'bj_stale_none_notes');
  if (remarks) blocks.push(remarks);
  const title = escapeMrkdwn(truncate(input.title, 300));
  const fallback = computing ? 'Coverage is being computed; ask again in a minute' : what;
  return message(title ? `${title}: ${fallback}` : fallback, blocks, options, input.visibility);
}
