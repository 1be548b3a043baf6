import type { ActionsBlockElement, KnownBlock } from '@slack/types';
import type { BackupJobDetails } from '../backup/types.js';
import { isRegionName } from '../domain/index.js';
import { zoneLabel } from '../time/labels.js';
import { ACTION, encodeDetailsValue, encodeQueryValue, hasDetailsValue, indexedActionId } from './actions.js';
import {
  arnLines,
  childrenText,
  protectionFields,
  statusText,
  whatFields,
  whenFields,
} from './job-details-parts.js';
import { resourceLabel } from './job-lines.js';
import {
  actions,
  type BlockMessage,
  button,
  context,
  divider,
  fieldsSection,
  header,
  message,
  type ResponseOptions,
  section,
} from './kit.js';
import { displayState, lookOf } from './states.js';
import { code, mrkdwnText, truncate } from './text.js';

/**
 * The job's page in the AWS Backup console. China and GovCloud regions have consoles of their own;
 * undefined when the region is not a region name (it goes into a host name).
 */
export function consoleUrl(region: string, jobId: string): string | undefined {
  if (!isRegionName(region)) return undefined;
  const host = region.startsWith('cn-')
    ? 'console.amazonaws.cn'
    : region.startsWith('us-gov-')
      ? 'console.amazonaws-us-gov.com'
      : `${region}.console.aws.amazon.com`;
  return `https://${host}/backup/home?region=${region}#/jobs/backup/details/${encodeURIComponent(jobId)}`;
}

export interface JobDetailsOptions extends ResponseOptions {
  timeZone: string;
  now: Date;
}

/** Everything about one backup job that matters, with a link to it in the AWS console. */
export function jobDetails(job: BackupJobDetails, options: JobDetailsOptions): BlockMessage {
  const look = lookOf(displayState(job));
  const name = resourceLabel(job);
  const blocks: KnownBlock[] = [
    header(`${look.emoji} ${look.label}: ${name}`, 'bj_details_head'),
    fieldsSection(whatFields(job, options.now), 'bj_details_what'),
    fieldsSection(whenFields(job, options.timeZone, options.now), 'bj_details_when'),
  ];
  const protection = protectionFields(job);
  if (protection.length > 0) blocks.push(fieldsSection(protection, 'bj_details_protection'));
  const status = statusText(job);
  if (status) blocks.push(section(status, 'bj_details_status'));
  const children = childrenText(job);
  if (children) blocks.push(section(children, 'bj_details_children'));
  if (job.parentJobId)
    blocks.push(section(`*Parent job:* ${code(job.parentJobId, 300)}`, 'bj_details_parent'));
  const arns = arnLines(job);
  if (arns) blocks.push(divider(), section(arns, 'bj_details_arns'));
  blocks.push(
    context(
      [`Job ${code(job.jobId, 300)} · times in ${zoneLabel(options.timeZone, options.now)}`],
      'bj_details_info',
    ),
  );
  const buttons = detailButtons(job);
  if (buttons.length > 0) blocks.push(actions(buttons, 'bj_details_actions'));
  const fallback = `Backup job ${mrkdwnText(job.jobId, 300)}: ${look.label.toLowerCase()}, ${mrkdwnText(name, 300)}`;
  return message(fallback, blocks, options);
}

function detailButtons(job: BackupJobDetails): ActionsBlockElement[] {
  const buttons: ActionsBlockElement[] = [];
  const url = consoleUrl(job.region, job.jobId);
  if (url) buttons.push(button({ text: 'Open in AWS console', actionId: ACTION.openConsole, url }));
  if (job.parentJobId && hasDetailsValue({ region: job.region, jobId: job.parentJobId })) {
    const value = encodeDetailsValue({ region: job.region, jobId: job.parentJobId });
    buttons.push(button({ text: 'Parent job', actionId: indexedActionId(ACTION.details, 0), value }));
  }
  if (job.isParent) {
    const query = truncate(`parent:${job.jobId} region:${job.region}`, 2000);
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
