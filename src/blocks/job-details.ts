import type { ActionsBlockElement, KnownBlock } from '@slack/types';
import type { JobDetails } from '../backup/types.js';
import { isRegionName, type JobKind, KIND_NOUN } from '../domain/index.js';
import { zoneLabel } from '../time/labels.js';
import {
  ACTION,
  type DetailsTarget,
  encodeDetailsValue,
  encodeQueryValue,
  hasDetailsValue,
  indexedActionId,
} from './actions.js';
import { backupArns, backupGroups } from './backup-details.js';
import { copyArns, copyGroups } from './copy-details.js';
import { childrenText, DETAIL_LEVELS, type DetailContext, statusText } from './job-details-parts.js';
import { resourceLabel } from './job-lines.js';
import {
  actions,
  type BlockMessage,
  button,
  context,
  divider,
  header,
  message,
  type ResponseOptions,
  section,
} from './kit.js';
import { checkMessage } from './limits.js';
import { restoreArns, restoreGroups } from './restore-details.js';
import { displayState, lookOf } from './states.js';
import { code, mrkdwnText, truncate } from './text.js';

/**
 * The job's page in the AWS Backup console. China and GovCloud regions have consoles of their own;
 * undefined when the region is not a region name (it goes into a host name).
 */
export function consoleUrl(region: string, jobId: string, kind: JobKind = 'backup'): string | undefined {
  if (!isRegionName(region)) return undefined;
  const host = region.startsWith('cn-')
    ? 'console.amazonaws.cn'
    : region.startsWith('us-gov-')
      ? 'console.amazonaws-us-gov.com'
      : `${region}.console.aws.amazon.com`;
  return `https://${host}/backup/home?region=${region}#/jobs/${kind}/details/${encodeURIComponent(jobId)}`;
}

export interface JobDetailsOptions extends ResponseOptions {
  timeZone: string;
  now: Date;
}

/**
 * Everything about one job of any kind, grouped as its kind reads best, with a link to it in the AWS
 * console. Long values are cut shorter, step by step, until the message fits Slack's limits.
 */
export function jobDetails(job: JobDetails, options: JobDetailsOptions): BlockMessage {
  let built: BlockMessage | undefined;
  for (const max of DETAIL_LEVELS) {
    built = detailsMessage(job, options, { timeZone: options.timeZone, now: options.now, max });
    if (checkMessage(built).length === 0) return built;
  }
  return built!;
}

function kindBody(job: JobDetails, ctx: DetailContext): { groups: KnownBlock[]; arns: string | undefined } {
  switch (job.kind) {
    case 'backup':
      return { groups: backupGroups(job, ctx), arns: backupArns(job, ctx.max.arn) };
    case 'copy':
      return { groups: copyGroups(job, ctx), arns: copyArns(job, ctx.max.arn) };
    case 'restore':
      return { groups: restoreGroups(job, ctx), arns: restoreArns(job, ctx.max.arn) };
  }
}

function detailsMessage(job: JobDetails, options: JobDetailsOptions, ctx: DetailContext): BlockMessage {
  const look = lookOf(displayState(job));
  const name = resourceLabel(job);
  const noun = KIND_NOUN[job.kind].one;
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`;
  const body = kindBody(job, ctx);
  const blocks: KnownBlock[] = [
    header(`${look.emoji} ${title} · ${look.label}: ${name}`, 'bj_details_head'),
    ...body.groups,
  ];
  const status = statusText(job, ctx.max.message);
  if (status) blocks.push(section(status, 'bj_details_status'));
  const children = childrenText(job);
  if (children) blocks.push(section(children, 'bj_details_children'));
  if (job.parentJobId)
    blocks.push(section(`*Parent job:* ${code(job.parentJobId, 300)}`, 'bj_details_parent'));
  if (body.arns) blocks.push(divider(), section(body.arns, 'bj_details_arns'));
  blocks.push(
    context(
      [`Job ${code(job.jobId, 300)} · times in ${zoneLabel(ctx.timeZone, ctx.now)}`],
      'bj_details_info',
    ),
  );
  const buttons = detailButtons(job);
  if (buttons.length > 0) blocks.push(actions(buttons, 'bj_details_actions'));
  const fallback = `${title} ${mrkdwnText(job.jobId, 300)}: ${look.label.toLowerCase()}, ${mrkdwnText(name, 300)}`;
  return message(fallback, blocks, options);
}

/** The jobs a job leads to: its parent, and for a copy the backup job whose recovery point it copies. */
function relatedJobs(job: JobDetails): [text: string, target: DetailsTarget][] {
  const related: [string, DetailsTarget][] = [];
  if (job.parentJobId)
    related.push(['Parent job', { region: job.region, jobId: job.parentJobId, kind: job.kind }]);
  if (job.kind === 'copy' && job.backupJobId)
    related.push(['Backup job', { region: job.region, jobId: job.backupJobId, kind: 'backup' }]);
  return related.filter(([, target]) => hasDetailsValue(target));
}

function detailButtons(job: JobDetails): ActionsBlockElement[] {
  const buttons: ActionsBlockElement[] = [];
  const url = consoleUrl(job.region, job.jobId, job.kind);
  if (url) buttons.push(button({ text: 'Open in AWS console', actionId: ACTION.openConsole, url }));
  relatedJobs(job).forEach(([text, target], i) => {
    buttons.push(
      button({ text, actionId: indexedActionId(ACTION.details, i), value: encodeDetailsValue(target) }),
    );
  });
  if (job.isParent) {
    const kind = job.kind === 'backup' ? '' : `${job.kind} `;
    const query = truncate(`${kind}parent:${job.jobId} region:${job.region}`, 2000);
    buttons.push(
      button({
        text: 'List child jobs',
        actionId: indexedActionId(ACTION.runAgain, 0),
        value: encodeQueryValue(query),
      }),
    );
  }
  return buttons;
}
