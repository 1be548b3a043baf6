/** The head and foot of a page of a stale answer, and its buttons. */

import type { ActionsBlockElement, KnownBlock } from '@slack/types';
import type { StaleEntry } from '../coverage/queries.js';
import type { CoverageStatus } from '../coverage/types.js';
import type { Visibility } from '../query/types.js';
import { zoneLabel } from '../time/labels.js';
import {
  ACTION,
  encodeResourceValue,
  encodeStalePageValue,
  hasResourceValue,
  hasStalePageValue,
  indexedActionId,
} from './actions.js';
import { type CoverageContext, coverageStatusBlock } from './coverage-status.js';
import { actions, button, context, header } from './kit.js';
import { remarksBlock } from './notes.js';
import { plural } from './text.js';

/** What a page of a stale answer shows. */
export interface StalePageInput {
  /** The query restated in words (`describeQuery`). */
  title: string;
  /** The query text as typed: paging and export buttons carry it, to answer it again. */
  text: string;
  /** The whole answer, in any order: the page is cut from it, worst first. */
  entries: readonly StaleEntry[];
  /** 1-based; past the last page shows the last. */
  page: number;
  /** The query's page size (at most 50). */
  pageSize: number;
  /** Older than this is stale: said when nothing is. */
  maxAgeMs: number;
  /** Copy destinations rather than backups. */
  copies: boolean;
  status: CoverageStatus;
  visibility: Visibility;
  /** IANA zone of the person who asked: every time is shown in it. */
  timeZone: string;
  now: Date;
  /** Remarks the query carries (a window clipped, a filter widened). */
  notes?: readonly string[];
}

/** A page of the answer, with the number of pages it has. */
export type PageAt = StalePageInput & { pages: number };

const REMARKS_BUDGET = 1000;

/** `resource` or `copy destination`: what the answer counts. */
export function staleNoun(input: Pick<StalePageInput, 'copies'>): string {
  return input.copies ? 'copy destination' : 'resource';
}

/** The heading, how current the knowledge is, the zone and the page. */
export function pageHead(input: PageAt, ctx: CoverageContext): KnownBlock[] {
  const info = [
    `:globe_with_meridians: Times in ${zoneLabel(input.timeZone, input.now)}`,
    `page ${input.page} of ${input.pages}`,
    plural(input.entries.length, staleNoun(input)),
  ].join(' · ');
  return [
    header(input.title || 'Stale resources', `bj_stale_head_p${input.page}`),
    coverageStatusBlock(input.status, ctx, `bj_stale_status_p${input.page}`),
    context([info], `bj_stale_info_p${input.page}`),
  ];
}

/** The query's remarks and Prev, Next and Export CSV. */
export function pageFoot(input: PageAt): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const notes = (input.notes ?? []).map((text) => ({ kind: 'note' as const, text }));
  const remarks = remarksBlock(notes, REMARKS_BUDGET, `bj_stale_remarks_p${input.page}`);
  if (remarks) blocks.push(remarks);
  const nav = navigation(input);
  if (nav.length > 0) blocks.push(actions(nav, `bj_stale_nav_p${input.page}`));
  return blocks;
}

function navigation(input: PageAt): ActionsBlockElement[] {
  const target = (page: number) => ({ text: input.text, page });
  if (!hasStalePageValue(target(input.page))) return [];
  const at = (page: number) => encodeStalePageValue(target(page));
  const elements: ActionsBlockElement[] = [];
  if (input.page > 1)
    elements.push(button({ text: '◀ Prev', actionId: ACTION.stalePrev, value: at(input.page - 1) }));
  if (input.page < input.pages)
    elements.push(
      button({ text: 'Next ▶', actionId: ACTION.staleNext, value: at(input.page + 1), style: 'primary' }),
    );
  elements.push(button({ text: 'Export CSV', actionId: ACTION.staleExportCsv, value: at(input.page) }));
  return elements;
}

/** The button that opens an entry's story; undefined when its ARN cannot be carried. */
export function resourceButton(entry: StaleEntry, index: number, text: string) {
  const arn = entry.resource.resourceArn;
  if (!hasResourceValue(arn)) return undefined;
  return button({ text, actionId: indexedActionId(ACTION.resource, index), value: encodeResourceValue(arn) });
}
