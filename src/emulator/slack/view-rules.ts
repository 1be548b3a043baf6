import { slackRefusals } from './block-rules.js';
import {
  checkChoice,
  checkString,
  checkText,
  type Findings,
  isObj,
  type Obj,
  say,
} from './block-rules-kit.js';
import type { StoredView } from './types.js';

/**
 * What Slack refuses in a view object (https://docs.slack.dev/reference/views, the modals guide and the
 * views.* method pages), reported as Slack reports it: sentences with a json-pointer under `/view`.
 * Blocks are checked one by one with the stand-in's own message rules (block-rules.ts), then with what
 * differs for views: 100 blocks instead of 50, and only the blocks each block's page lists for modals
 * and Home tabs.
 */

/** "Max of 100 blocks" (view object reference). */
const BLOCKS_PER_VIEW = 100;
/** views.open: "view_too_large: … greater than 250kb". */
export const VIEW_BYTES = 250 * 1024;
/** Modal title, submit and close: "Max length of 24 characters" (view object reference). */
const BUTTON_TEXT = 24;

/** Blocks whose reference page lists modals and Home tabs among their surfaces (markdown, table: messages only). */
const VIEW_BLOCKS = new Set([
  'actions',
  'context',
  'divider',
  'header',
  'image',
  'input',
  'rich_text',
  'section',
  'video',
]);

/** One block, checked alone by the message rules, its pointers moved to where it sits in the view. */
function checkBlock(block: unknown, i: number, f: Findings, found: string[]): void {
  const at = `/view/blocks/${i}`;
  if (isObj(block) && typeof block.type === 'string' && !VIEW_BLOCKS.has(block.type)) {
    f.report(`${at}/type`, `unsupported block type ${JSON.stringify(block.type)} in a view`);
    return;
  }
  for (const refusal of slackRefusals({ blocks: [block] })) {
    if (refusal.error === 'invalid_blocks')
      found.push(refusal.detail.replace('[json-pointer:/blocks/0', `[json-pointer:${at}`));
  }
}

function checkBlocks(blocks: unknown, f: Findings, found: string[]): Obj[] {
  if (blocks === undefined) {
    f.report('/view', say.required('blocks'));
    return [];
  }
  if (!Array.isArray(blocks)) {
    f.report('/view/blocks', say.array);
    return [];
  }
  if (blocks.length > BLOCKS_PER_VIEW) f.report('/view/blocks', say.tooMany(BLOCKS_PER_VIEW));
  const blockIds = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    checkBlock(block, i, f, found);
    const id = isObj(block) ? block.block_id : undefined;
    if (typeof id !== 'string') continue;
    if (blockIds.has(id))
      f.report(`/view/blocks/${i}/block_id`, `${JSON.stringify(id)} is already a block_id in this view`);
    blockIds.add(id);
  }
  return blocks.filter(isObj);
}

/** Title (required), submit and close of a modal; a modal with inputs must have a submit button. */
function checkModal(view: Obj, blocks: Obj[], f: Findings): void {
  const rule = { max: BUTTON_TEXT, plainOnly: true };
  checkText(view.title, '/view/title', f, { ...rule, required: true });
  checkText(view.submit, '/view/submit', f, rule);
  checkText(view.close, '/view/close', f, rule);
  if (view.submit === undefined && blocks.some((b) => b.type === 'input')) {
    f.report('/view', 'must define submit to use an input block in modals');
  }
}

/**
 * Every reason Slack would refuse this view for `surface` (as `[ERROR] …` lines of an invalid_arguments
 * answer), or an empty list. view_too_large is the caller's: it is an error code of its own.
 */
export function viewRefusals(view: Obj, surface: StoredView['type']): string[] {
  const found: string[] = [];
  const f: Findings = { report: (pointer, sentence) => found.push(`${sentence} [json-pointer:${pointer}]`) };
  checkChoice(view.type, '/view/type', f, [surface]);
  if (view.type === undefined) f.report('/view', say.required('type'));
  const blocks = checkBlocks(view.blocks, f, found);
  if (surface === 'modal') checkModal(view, blocks, f);
  checkString(view.private_metadata, '/view/private_metadata', f, { max: 3000 });
  checkString(view.callback_id, '/view/callback_id', f, { max: 255 });
  checkString(view.external_id, '/view/external_id', f, { max: 255 });
  return found;
}
