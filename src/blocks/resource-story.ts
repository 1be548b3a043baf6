import type { KnownBlock } from '@slack/types';
import type { ListedJob } from '../backup/types.js';
import type { CoverageStatus, ResourceFreshness } from '../coverage/types.js';
import { KIND_NOUN } from '../domain/index.js';
import { RETENTION_DAYS, type Visibility } from '../query/types.js';
import { formatTime } from '../time/labels.js';
import { ACTION, encodeQueryValue, indexedActionId } from './actions.js';
import { type CoverageContext, coverageStatusBlock } from './coverage-status.js';
import { commonParts, compactLine } from './job-lines.js';
import {
  actions,
  type BlockMessage,
  button,
  fieldsSection,
  header,
  message,
  type ResponseOptions,
  section,
} from './kit.js';
import { blocksTextLength, SLACK_LIMITS } from './limits.js';
import { TEXT_BUDGET } from './list-page.js';
import { agoAt, copyText, lastJobDetail, listedText, resourceTitle, shortJob } from './resource-lines.js';
import { type ResourceJobKind, resourceJobsQuery } from './resource-queries.js';
import { code, escapeMrkdwn, joinParts, mrkdwnText, truncate } from './text.js';

/** What one resource's story shows. */
export interface ResourceStoryInput {
  resource: ResourceFreshness;
  /** How current the kept state is; left out, the story says nothing about it. */
  status?: CoverageStatus;
  /** Recent jobs of each kind, newest first, when they were fetched. */
  backupJobs?: readonly ListedJob[];
  copyJobs?: readonly ListedJob[];
  restoreJobs?: readonly ListedJob[];
  /** @defaultValue `ephemeral` */
  visibility?: Visibility;
  timeZone: string;
  now: Date;
}

/** How much of the long values a story shows: it steps down until the message fits. */
interface StoryLimits {
  field: number;
  arn: number;
  reason: number;
  /** Characters of one recent job's line. */
  job: number;
}

const LEVELS: readonly StoryLimits[] = [
  { field: 300, arn: 1600, reason: 1000, job: 300 },
  { field: 150, arn: 600, reason: 400, job: 200 },
  { field: 60, arn: 200, reason: 150, job: 110 },
];
/** Copy destinations and recent jobs of a kind shown at most. */
const SHOWN_DESTINATIONS = 10;
const SHOWN_JOBS = 5;

/**
 * One resource's protection: where it is, its last good backup and last job, its plan and vault,
 * its copies per destination, whether AWS Backup lists it, whether it is gone, its recent jobs of
 * each kind when given, and buttons that list its backup and copy jobs.
 */
export function resourceStory(input: ResourceStoryInput, options: ResponseOptions = {}): BlockMessage {
  const ctx: CoverageContext = { timeZone: input.timeZone, now: input.now };
  const title = resourceTitle(input.resource);
  const text = `${escapeMrkdwn(truncate(title, 300))}: ${
    input.resource.lastBackupAt
      ? `last good backup ${agoAt(input.resource.lastBackupAt, ctx)}`
      : 'no good backup known'
  }`;
  let blocks: KnownBlock[] = [];
  for (const limits of LEVELS) {
    blocks = storyBlocks(input, ctx, limits);
    if (blocksTextLength(blocks) <= TEXT_BUDGET) break;
  }
  return message(text, blocks, options, input.visibility ?? 'ephemeral');
}

function storyBlocks(input: ResourceStoryInput, ctx: CoverageContext, limits: StoryLimits): KnownBlock[] {
  const r = input.resource;
  const blocks: KnownBlock[] = [header(resourceTitle(r), 'bj_resource_head')];
  if (r.goneAt !== undefined) {
    const since = formatTime(r.goneAt, ctx.timeZone, ctx.now);
    blocks.push(
      section(
        `:wastebasket: *Gone* since ${since}: no longer listed by AWS Backup, and no job since`,
        'bj_resource_gone',
      ),
    );
  }
  const field = (label: string, value: string | undefined) => (value ? `*${label}*\n${value}` : undefined);
  const place = [
    field('Type', r.resourceType ? mrkdwnText(r.resourceType, limits.field) : undefined),
    field('Account', code(r.accountId, 40)),
    field('Region', mrkdwnText(r.region, 40)),
    field('Protection', listedText(r, ctx)),
    field('Plan', r.plan ? code(r.plan, limits.field) : undefined),
    field('Vault', r.vault ? code(r.vault, limits.field) : undefined),
  ].filter((f): f is string => f !== undefined);
  blocks.push(fieldsSection(place, 'bj_resource_place', `*ARN*\n${code(r.resourceArn, limits.arn)}`));
  const good = r.lastBackupAt
    ? joinParts([
        agoAt(r.lastBackupAt, ctx),
        r.lastBackupWithIssues ? ':large_yellow_circle: completed with issues' : undefined,
      ])
    : `none in the last ${RETENTION_DAYS} days`;
  const state = [
    field('Last good backup', good),
    field('Last job', r.lastJob ? lastJobDetail(r.lastJob, ctx, limits.reason) : undefined),
  ].filter((f): f is string => f !== undefined);
  blocks.push(fieldsSection(state, 'bj_resource_state'));
  const copies = copiesText(r, ctx, limits);
  if (copies) blocks.push(section(copies, 'bj_resource_copies'));
  for (const [kind, jobs] of [
    ['backup', input.backupJobs],
    ['copy', input.copyJobs],
    ['restore', input.restoreJobs],
  ] as const) {
    if (jobs !== undefined)
      blocks.push(section(recentText(kind, jobs, ctx, limits), `bj_resource_${kind}_jobs`));
  }
  if (input.status) blocks.push(coverageStatusBlock(input.status, ctx, 'bj_resource_status'));
  const buttons = jobButtons(r.resourceArn);
  if (buttons.length > 0) blocks.push(actions(buttons, 'bj_resource_actions'));
  return blocks;
}

function copiesText(r: ResourceFreshness, ctx: CoverageContext, limits: StoryLimits): string | undefined {
  const destinations = Object.keys(r.copies ?? {}).sort();
  if (destinations.length === 0) return undefined;
  const lines = destinations.slice(0, SHOWN_DESTINATIONS).map((key) => {
    const copy = r.copies?.[key];
    if (!copy) return '';
    const job = shortJob(copy.lastJob, Math.floor(limits.reason / 4));
    return `• ${joinParts([copyText(copy, ctx, 50), job])}`;
  });
  const rest = destinations.length - SHOWN_DESTINATIONS;
  if (rest > 0) lines.push(`_…and ${rest} more destinations_`);
  return truncate(`*Copies*\n${lines.filter(Boolean).join('\n')}`, SLACK_LIMITS.sectionText);
}

function recentText(
  kind: 'backup' | 'copy' | 'restore',
  jobs: readonly ListedJob[],
  ctx: CoverageContext,
  limits: StoryLimits,
): string {
  const noun = KIND_NOUN[kind];
  const head = `*Recent ${noun.many}*`;
  if (jobs.length === 0) return `${head}\n_None found._`;
  const common = commonParts(jobs);
  const lines = jobs
    .slice(0, SHOWN_JOBS)
    .map((job, i) => compactLine(job, i + 1, { ...ctx, common }, limits.job));
  const rest = jobs.length - SHOWN_JOBS;
  if (rest > 0) lines.push(`_…and ${rest} more_`);
  return truncate(`${head}\n${lines.join('\n')}`, SLACK_LIMITS.sectionText);
}

const JOB_BUTTONS: readonly ResourceJobKind[] = ['backup', 'copy'];

/** Backup jobs and Copy jobs: Run again with the resource's list queries (restore jobs take no resource). */
function jobButtons(arn: string) {
  return JOB_BUTTONS.flatMap((kind, i) => {
    const query = resourceJobsQuery(arn, kind);
    if (query === undefined) return [];
    const text = KIND_NOUN[kind].title;
    return [button({ text, actionId: indexedActionId(ACTION.runAgain, i), value: encodeQueryValue(query) })];
  });
}
