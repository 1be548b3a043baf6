import {
  type BlockScope,
  checkId,
  checkString,
  type Findings,
  isObj,
  type Obj,
  say,
} from './block-rules-kit.js';
import {
  checkActions,
  checkContext,
  checkHeader,
  checkImageBlock,
  checkInput,
  checkMarkdown,
  checkSection,
} from './block-rules-layout.js';
import { checkDataTable, checkRichText, checkTable } from './block-rules-tables.js';

/**
 * What Slack refuses in a message, written from Slack's documentation (the Block Kit reference and
 * chat.postMessage) and, where Slack documents nothing, from what Slack was seen to answer. It does not
 * use the product's limits, on purpose: a stand-in checking with the product's own rules cannot catch
 * the product's mistakes.
 */

/** One rule a message breaks, with the error code Slack answers for it. */
export interface SlackRefusal {
  error: 'invalid_blocks' | 'msg_blocks_too_long' | 'msg_too_long' | 'no_text';
  /** For invalid_blocks, Slack's sentence and pointer: `must be less than 151 characters [json-pointer:/blocks/0/text/text]`. */
  detail: string;
}

/** chat.postMessage lists msg_too_long; FACTS.md puts the bound at 40,000 characters of `text`. */
const MESSAGE_TEXT = 40_000;
/** Blocks reference: "You can include up to 50 blocks in each message". */
const BLOCKS_PER_MESSAGE = 50;
/** Markdown block page: 12,000 characters across all the markdown blocks of a payload. */
const MARKDOWN_TOTAL = 12_000;
/**
 * Not documented: Slack answers msg_blocks_too_long once the text of all blocks passes about 13,000
 * characters (seen from 13,172 to 13,297 in slackapi/bolt-js#2509; FACTS.md: "around 13,000").
 */
const BLOCKS_TEXT = 13_000;
/** At most one table block per message (table block page); data_visualization: two (FACTS.md). */
const PER_MESSAGE: Record<string, number> = { table: 1, data_visualization: 2 };

type BlockCheck = (block: Obj, at: string, scope: BlockScope) => void;

const CHECKS: Record<string, BlockCheck> = {
  section: checkSection,
  header: checkHeader,
  context: checkContext,
  actions: checkActions,
  divider: () => {},
  image: checkImageBlock,
  markdown: checkMarkdown,
  input: checkInput,
  rich_text: checkRichText,
  table: checkTable,
  data_table: checkDataTable,
  data_visualization: (block, at, scope) => {
    if (typeof block.title === 'string') checkString(block.title, `${at}/title`, scope, { max: 50 });
  },
};

/** Blocks Slack's reference lists that the stand-in takes without looking inside (the bot sends none). */
const UNCHECKED = new Set([
  'alert',
  'card',
  'carousel',
  'container',
  'context_actions',
  'file',
  'plan',
  'task_card',
  'video',
]);

/** Every `text` string in the blocks, however deep: what msg_blocks_too_long is seen to count. */
function textLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + textLength(v), 0);
  if (!isObj(value)) return 0;
  let sum = 0;
  for (const [key, v] of Object.entries(value)) {
    sum += key === 'text' && typeof v === 'string' ? v.length : textLength(v);
  }
  return sum;
}

function checkBlocks(blocks: readonly unknown[], f: Findings): void {
  if (blocks.length > BLOCKS_PER_MESSAGE) f.report('/blocks', say.tooMany(BLOCKS_PER_MESSAGE));
  const blockIds = new Set<string>();
  const count = new Map<string, number>();
  let markdown = 0;
  for (const [i, block] of blocks.entries()) {
    const at = `/blocks/${i}`;
    if (!isObj(block)) {
      f.report(at, say.object);
      continue;
    }
    const type = String(block.type);
    count.set(type, (count.get(type) ?? 0) + 1);
    if (type === 'markdown' && typeof block.text === 'string') markdown += block.text.length;
    checkId(block.block_id, `${at}/block_id`, f, blockIds, 'is already a block_id in this message');
    const check = CHECKS[type];
    if (check) check(block, at, { report: f.report, actionIds: new Set() });
    else if (!UNCHECKED.has(type))
      f.report(`${at}/type`, `unsupported block type ${JSON.stringify(block.type)}`);
  }
  for (const [type, max] of Object.entries(PER_MESSAGE)) {
    if ((count.get(type) ?? 0) > max) f.report('/blocks', `no more than ${max} ${type} blocks allowed`);
  }
  if (markdown > MARKDOWN_TOTAL)
    f.report('/blocks', `markdown blocks hold more than ${MARKDOWN_TOTAL} characters`);
}

/**
 * Every reason Slack would refuse this message (chat.postMessage, chat.update, a response_url), or an
 * empty list when Slack takes it.
 */
export function slackRefusals(message: {
  text?: string | undefined;
  blocks?: readonly unknown[] | undefined;
}): SlackRefusal[] {
  const found: SlackRefusal[] = [];
  const blocks = message.blocks ?? [];
  const text = message.text ?? '';
  checkBlocks(blocks, {
    report: (pointer, sentence) =>
      found.push({ error: 'invalid_blocks', detail: `${sentence} [json-pointer:${pointer}]` }),
  });
  const size = textLength(blocks);
  if (size > BLOCKS_TEXT) found.push({ error: 'msg_blocks_too_long', detail: `${size} characters of text` });
  if (text.length > MESSAGE_TEXT) found.push({ error: 'msg_too_long', detail: `${text.length} characters` });
  if (blocks.length === 0 && text.trim() === '')
    found.push({ error: 'no_text', detail: 'no text, no blocks' });
  return found;
}
