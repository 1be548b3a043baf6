import type { ActionsBlockElement, ContextBlock, KnownBlock } from '@slack/types';
import type { ListedJob } from '../backup/types.js';
import { countOfKind, type JobKind, KIND_NOUN } from '../domain/index.js';
import type { Visibility } from '../query/types.js';
import { formatTime, zoneLabel } from '../time/labels.js';
import { ACTION, encodePageValue } from './actions.js';
import { actions, type BlockMessage, button, context, header, message, section } from './kit.js';
import { remarksBlock, remarksOf } from './notes.js';
import { DISPLAY_ORDER, displayState, lookOf } from './states.js';
import { joinParts } from './text.js';

/** What a page of a list result shows. */
export interface ListPageInput {
  /** The query restated in words (computed by the caller). */
  title: string;
  /** The kind of job the query lists. @defaultValue the kind of the jobs on the page, else backup */
  kind?: JobKind;
  /** Jobs of one kind. */
  jobs: readonly ListedJob[];
  /** 1-based. */
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  /** Opaque cursor id: paging, share and export buttons carry it with the page they lead to. */
  cursorId: string;
  visibility: Visibility;
  /** IANA zone of the person who asked: every time is shown in it. */
  timeZone: string;
  now: Date;
  notes: readonly string[];
  /** Things that went wrong but left a result, like a region that failed. */
  warnings: readonly string[];
  isLast: boolean;
  /** Slack user id of the person who shared an ephemeral result in the channel. */
  sharedBy?: string;
  /** Slack user id of the person who asked: a public answer names them. */
  askedBy?: string;
  /** 1-based positions of the page's first and last job in the whole result. */
  range?: { first: number; last: number };
  /** How many jobs match in all, as far as is known. */
  total?: ListTotal;
}

/** Exact, more than a number (AWS has more to give), or at least a number (more pages may hold none). */
export type ListTotal = { exact: number } | { moreThan: number } | { atLeast: number };

/** `11–20 of 64 backup jobs`, `1–10 of more than 10 backup jobs`; the page's count when no total is known. */
export function countText(input: Pick<ListPageInput, 'kind' | 'jobs' | 'range' | 'total'>): string {
  const kind = pageKind(input);
  const { range, total } = input;
  if (!range || !total || input.jobs.length === 0) return countOfKind(kind, input.jobs.length);
  const span = range.first === range.last ? `${range.first}` : `${range.first}–${range.last}`;
  if ('exact' in total) return `${span} of ${countOfKind(kind, total.exact)}`;
  if ('moreThan' in total) return `${span} of more than ${countOfKind(kind, total.moreThan)}`;
  return `${span} of at least ${countOfKind(kind, total.atLeast)}`;
}

/** Characters the remarks under a list may use. */
const REMARKS_BUDGET = 1200;

/** `2 failed · 1 partial · 7 completed`, worst first. */
export function stateCounts(jobs: readonly ListedJob[]): string {
  const counts = new Map<string, number>();
  for (const job of jobs) counts.set(displayState(job), (counts.get(displayState(job)) ?? 0) + 1);
  return DISPLAY_ORDER.filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${lookOf(s).label.toLowerCase()}`)
    .join(' · ');
}

/** The kind of job a page lists. */
export function pageKind(input: Pick<ListPageInput, 'kind' | 'jobs'>): JobKind {
  return input.kind ?? input.jobs[0]?.kind ?? 'backup';
}

function pageId(input: ListPageInput, name: string): string {
  return `bj_${name}_p${input.page}`;
}

/** Header (the query in words), the zone and page line, and warnings. */
export function listHead(input: ListPageInput): KnownBlock[] {
  const kind = pageKind(input);
  const blocks: KnownBlock[] = [header(input.title || KIND_NOUN[kind].title, pageId(input, 'head'))];
  const counts = stateCounts(input.jobs);
  blocks.push(
    context(
      [
        joinParts([
          `:globe_with_meridians: Times in ${zoneLabel(input.timeZone, input.now)}`,
          `page ${input.page}`,
          countText(input),
          counts,
        ]),
      ],
      pageId(input, 'info'),
    ),
  );
  return blocks;
}

/** Page position, remarks, the "shared by" note and the navigation row. */
export function listFoot(input: ListPageInput): KnownBlock[] {
  const position = input.isLast
    ? `*Page ${input.page}* · that's the last page`
    : `*Page ${input.page}*${input.hasNext ? ' · more on the next page' : ''}`;
  const blocks: KnownBlock[] = [];
  const remarks = remarksBlock(
    remarksOf(input.warnings, input.notes),
    REMARKS_BUDGET,
    pageId(input, 'remarks'),
    [position],
  );
  if (remarks) blocks.push(remarks);
  if (input.sharedBy !== undefined) blocks.push(sharedListNote(input.sharedBy));
  else if (input.visibility === 'in_channel' && input.askedBy !== undefined)
    blocks.push(askedByNote(input.askedBy));
  if (input.visibility === 'in_channel' && (input.sharedBy ?? input.askedBy) !== undefined)
    blocks.push(context([OWN_COPY], pageId(input, 'own_copy')));
  blocks.push(actions(navigation(input), pageId(input, 'nav')));
  return blocks;
}

function navigation(input: ListPageInput): ActionsBlockElement[] {
  const at = (page: number) => encodePageValue({ cursorId: input.cursorId, page });
  const value = at(input.page);
  const elements: ActionsBlockElement[] = [];
  if (input.hasPrev)
    elements.push(button({ text: '◀ Prev', actionId: ACTION.prev, value: at(input.page - 1) }));
  if (input.hasNext)
    elements.push(
      button({ text: 'Next ▶', actionId: ACTION.next, value: at(input.page + 1), style: 'primary' }),
    );
  if (input.visibility === 'ephemeral' && input.sharedBy === undefined) {
    elements.push(button({ text: 'Share in channel', actionId: ACTION.share, value }));
  }
  elements.push(button({ text: 'Export CSV', actionId: ACTION.exportCsv, value }));
  elements.push(button({ text: 'Edit query', actionId: ACTION.editQuery, value }));
  return elements;
}

/** Under a public answer: what a click by someone other than the asker does. */
const OWN_COPY = 'Times are in their zone; your clicks open your own private copy, in yours.';

function mention(userId: string): string | undefined {
  return /^[UW][A-Z0-9]{1,30}$/.test(userId) ? `<@${userId}>` : undefined;
}

/** The context line under a result someone shared in the channel: "shared by @someone". */
export function sharedListNote(userId: string): ContextBlock {
  const who = mention(userId);
  return context(
    [who ? `:busts_in_silhouette: Shared by ${who}` : ':busts_in_silhouette: Shared'],
    'bj_shared',
  );
}

/** The context line under a public answer: who asked, and what a click by someone else does. */
export function askedByNote(userId: string): ContextBlock {
  const who = mention(userId);
  return context(
    [who ? `:speech_balloon: Asked by ${who}` : ':speech_balloon: Asked in the channel'],
    'bj_asked',
  );
}

/** Where a page was shared first, for the answer to sharing it again. */
export interface FirstShare {
  sharedBy: string;
  /** ISO-8601 UTC. */
  at: string;
  permalink?: string | undefined;
}

/**
 * "Share in channel" on a page already shared: points to the first share instead of posting the page
 * again. Ephemeral; the private answer stays as it is.
 */
export function alreadySharedMessage(first: FirstShare, timeZone: string, now: Date): BlockMessage {
  const who = mention(first.sharedBy) ?? 'someone';
  const when = formatTime(first.at, timeZone, now);
  // Slack's permalinks are https; a stand-in on this machine answers with its own http address.
  const link =
    first.permalink && /^https?:\/\/[^\s<>|]+$/.test(first.permalink) ? first.permalink : undefined;
  const text = link
    ? `:link: This page is already shared in the channel: <${link}|see the message> (shared by ${who}, ${when}).`
    : `:link: This page is already shared in the channel (shared by ${who}, ${when}); it is a little further up.`;
  return message(text, [section(text, 'bj_already_shared')], {
    responseType: 'ephemeral',
    replaceOriginal: false,
  });
}
