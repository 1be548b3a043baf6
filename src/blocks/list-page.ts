import type { KnownBlock, PlainTextOption, SectionBlock } from '@slack/types';
import type { ListedJob } from '../backup/types.js';
import { KIND_NOUN } from '../domain/index.js';
import { ACTION, encodeDetailsValue, hasDetailsValue, indexedActionId, MAX_OPTION_VALUE } from './actions.js';
import {
  commonParts,
  compactLine,
  type EntryLimits,
  fullEntry,
  type LineContext,
  resourceLabel,
} from './job-lines.js';
import {
  type BlockMessage,
  button,
  context,
  divider,
  message,
  plain,
  type ResponseOptions,
  section,
} from './kit.js';
import { blocksTextLength, SLACK_LIMITS } from './limits.js';
import { countText, type ListPageInput, listFoot, listHead, pageKind, stateCounts } from './list-parts.js';
import { displayState, lookOf } from './states.js';
import { code, escapeMrkdwn, joinParts, mrkdwnText, truncate } from './text.js';

export type { ListPageInput, ListTotal } from './list-parts.js';

/** Text characters a message may hold in its blocks, below Slack's limit to leave some margin. */
export const TEXT_BUDGET = SLACK_LIMITS.blocksTextChars - 500;
/** Pages up to this many jobs get a section and a Details button per job, when they fit. */
export const FULL_LAYOUT_MAX_JOBS = 20;
const FULL_LEVELS: readonly EntryLimits[] = [
  { name: 150, vault: 80, status: 500 },
  { name: 100, vault: 50, status: 240 },
  { name: 60, vault: 30, status: 120 },
];
const LINES_PER_SECTION = 10;
const OPTION_TEXT_MAX = 36;

/**
 * One page of a list result, of jobs of one kind. Small pages show a section and a Details button per job; large ones, or
 * pages whose text would not fit, a compact layout: numbered lines, several per section, and one
 * select of jobs for details. Either way the message stays within every Slack limit.
 */
export function listPage(input: ListPageInput, options: ResponseOptions = {}): BlockMessage {
  const head = listHead(input);
  const foot = listFoot(input);
  const ctx: LineContext = { timeZone: input.timeZone, now: input.now };
  const text = fallbackText(input);
  const send = (body: KnownBlock[]) => message(text, [...head, ...body, ...foot], options, input.visibility);
  if (input.jobs.length === 0) {
    const none = `_No ${KIND_NOUN[pageKind(input)].many} on this page._`;
    return send([section(none, `bj_empty_p${input.page}`)]);
  }
  if (input.jobs.length <= FULL_LAYOUT_MAX_JOBS) {
    for (const limits of FULL_LEVELS) {
      const body = fullBody(input, ctx, limits);
      if (fits(head, body, foot)) return send(body);
    }
  }
  const fixed = blocksTextLength([...head, ...foot]) + input.jobs.length * (OPTION_TEXT_MAX + 12) + 40;
  let budget = Math.min(600, Math.floor((TEXT_BUDGET - fixed) / input.jobs.length));
  for (;;) {
    const body = compactBody(input, ctx, budget);
    if (fits(head, body, foot) || budget <= 40) return send(body);
    budget = Math.floor(budget * 0.85);
  }
}

function fits(...parts: KnownBlock[][]): boolean {
  const blocks = parts.flat();
  return blocks.length <= SLACK_LIMITS.blocksPerMessage && blocksTextLength(blocks) <= TEXT_BUDGET;
}

function fullBody(input: ListPageInput, ctx: LineContext, limits: EntryLimits): KnownBlock[] {
  return input.jobs.map((job, i) => {
    const accessory = hasDetailsValue(job)
      ? button({
          text: 'Details',
          actionId: indexedActionId(ACTION.details, i),
          value: encodeDetailsValue(job),
        })
      : undefined;
    return section(fullEntry(job, ctx, limits), `bj_job_p${input.page}_${i}`, accessory);
  });
}

function compactBody(input: ListPageInput, ctx: LineContext, budget: number): KnownBlock[] {
  const common = commonParts(input.jobs);
  const shared = joinParts([
    common.accountId === undefined ? undefined : `all in account ${code(common.accountId, 40)}`,
    common.region === undefined ? undefined : `region ${mrkdwnText(common.region, 30)}`,
  ]);
  const blocks: KnownBlock[] = [divider()];
  if (shared)
    blocks.push(context([shared.charAt(0).toUpperCase() + shared.slice(1)], `bj_common_p${input.page}`));
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) blocks.push(section(lines.join('\n'), `bj_jobs_p${input.page}_${blocks.length}`));
    lines = [];
  };
  input.jobs.forEach((job, i) => {
    const line = compactLine(job, i + 1, { ...ctx, common }, budget);
    const size = lines.reduce((sum, l) => sum + l.length + 1, 0);
    if (lines.length >= LINES_PER_SECTION || size + line.length > SLACK_LIMITS.sectionText) flush();
    lines.push(line);
  });
  flush();
  const select = detailsSelect(input.jobs, input.page);
  if (select) blocks.push(select);
  return blocks;
}

function detailsSelect(jobs: readonly ListedJob[], page: number): SectionBlock | undefined {
  const seen = new Set<string>();
  const options: PlainTextOption[] = [];
  jobs.forEach((job, i) => {
    if (!hasDetailsValue(job)) return;
    const value = encodeDetailsValue(job);
    if (value.length > MAX_OPTION_VALUE || seen.has(value)) return;
    seen.add(value);
    const label = `${i + 1}. ${lookOf(displayState(job)).glyph} ${resourceLabel(job)}`;
    options.push({ text: plain(label, OPTION_TEXT_MAX), value });
  });
  if (options.length === 0) return undefined;
  return section('Open a job:', `bj_details_p${page}`, {
    type: 'static_select',
    action_id: ACTION.detailsSelect,
    placeholder: plain('Details…', 150),
    options: options.slice(0, SLACK_LIMITS.selectOptions),
  });
}

function fallbackText(input: ListPageInput): string {
  const counts = stateCounts(input.jobs);
  const kind = pageKind(input);
  const title = escapeMrkdwn(truncate(input.title || KIND_NOUN[kind].title, 300));
  return `${title}: page ${input.page}, ${countText(input)}${counts ? ` (${counts})` : ''}${
    input.isLast ? ', last page' : ''
  }`;
}
