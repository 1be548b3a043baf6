import type { KnownBlock } from '@slack/types';
import type { ResourceFreshness } from '../coverage/types.js';
import type { Visibility } from '../query/types.js';
import { ACTION, encodeResourceValue, hasResourceValue, indexedActionId } from './actions.js';
import type { CoverageContext } from './coverage-status.js';
import { formatCount } from './format.js';
import { type BlockMessage, button, context, header, message, type ResponseOptions, section } from './kit.js';
import { blocksTextLength } from './limits.js';
import { TEXT_BUDGET } from './list-page.js';
import { lastBackupText, resourceTitle, whereText } from './resource-lines.js';
import { code, escapeMrkdwn, plainText, truncate } from './text.js';

/** What the answer to a name that several resources have shows. */
export interface ResourceChoicesInput {
  /** The name as typed. */
  typed: string;
  resources: readonly ResourceFreshness[];
  /** @defaultValue `ephemeral` */
  visibility?: Visibility;
  timeZone: string;
  now: Date;
}

/** Resources listed at most, each a section with a button: the rest are counted. */
export const MAX_CHOICES = 30;
const LEVELS: readonly { name: number; arn: number }[] = [
  { name: 150, arn: 300 },
  { name: 80, arn: 120 },
  { name: 40, arn: 60 },
];

/**
 * A name that matched several resources: each with where it is and its last good backup, and a
 * button that opens its story. Past {@link MAX_CHOICES}, the rest are counted and the ARN is the way in.
 */
export function resourceChoices(input: ResourceChoicesInput, options: ResponseOptions = {}): BlockMessage {
  const ctx: CoverageContext = { timeZone: input.timeZone, now: input.now };
  const count = formatCount(input.resources.length);
  const heading = `${count} resources are named ${plainText(input.typed, 80)}`;
  const shown = input.resources.slice(0, MAX_CHOICES);
  const rest = input.resources.length - shown.length;
  const foot: KnownBlock[] =
    rest > 0 ? [context([`…and ${formatCount(rest)} more: ask for one by its ARN`], 'bj_choices_more')] : [];
  const head: KnownBlock[] = [
    header(heading, 'bj_choices_head'),
    context([`Several resources match ${code(input.typed, 200)}: pick one`], 'bj_choices_info'),
  ];
  let blocks: KnownBlock[] = [];
  for (const limits of LEVELS) {
    blocks = [...head, ...shown.map((r, i) => choice(r, i, ctx, limits)), ...foot];
    if (blocksTextLength(blocks) <= TEXT_BUDGET) break;
  }
  const text = `${count} resources are named ${escapeMrkdwn(truncate(input.typed, 200))}`;
  return message(text, blocks, options, input.visibility ?? 'ephemeral');
}

function choice(
  r: ResourceFreshness,
  index: number,
  ctx: CoverageContext,
  limits: { name: number; arn: number },
) {
  const lines = [
    `*${code(resourceTitle(r), limits.name)}* · ${whereText(r)}`,
    code(r.resourceArn, limits.arn),
    lastBackupText(r, ctx),
  ];
  const open = hasResourceValue(r.resourceArn)
    ? button({
        text: 'Open',
        actionId: indexedActionId(ACTION.resource, index),
        value: encodeResourceValue(r.resourceArn),
      })
    : undefined;
  return section(lines.join('\n'), `bj_choice_${index}`, open);
}
