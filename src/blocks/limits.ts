import type { KnownBlock } from '@slack/types';
import type { DataVisualizationBlock } from './chart-block.js';
import { checkChart, checkDataTable, DATA_BLOCK_LIMITS, type Report } from './limits-data.js';

/** Slack's published limits for messages and Block Kit (see FACTS.md). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  /**
   * Sum of every text string in `blocks` past which Slack answers msg_blocks_too_long. Slack does not
   * document it; it is seen near 13,200 and said to be 12,000 text characters plus a buffer.
   */
  blocksTextChars: 12_000,
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  id: 255,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  tableRows: 100,
  tableCells: 20,
  altText: 2000,
  ...DATA_BLOCK_LIMITS,
} as const;

/** A message as chat.postMessage / response_url receive it. */
export interface SlackMessage {
  text?: string;
  blocks?: readonly (KnownBlock | DataVisualizationBlock | Record<string, unknown>)[];
}

/** One broken rule: the Slack error it would cause and where. */
export interface LimitViolation {
  error: 'invalid_blocks' | 'msg_blocks_too_long' | 'msg_too_long' | 'no_text';
  path: string;
  detail: string;
}

type Obj = Record<string, unknown>;

function textOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && typeof (value as Obj).text === 'string')
    return (value as Obj).text as string;
  return undefined;
}

function checkText(
  value: unknown,
  max: number,
  path: string,
  report: Report,
  kinds = ['plain_text', 'mrkdwn'],
) {
  if (value === undefined) return;
  const obj = value as Obj;
  if (typeof obj !== 'object' || !kinds.includes(String(obj.type))) {
    report(path, `must be a text object of type ${kinds.join(' or ')}`);
    return;
  }
  const text = textOf(obj) ?? '';
  if (text.length === 0) report(path, 'text must not be empty');
  if (text.length > max) report(path, `text is ${text.length} chars, more than ${max}`);
}

function checkId(id: unknown, path: string, seen: Set<string>, report: Report) {
  if (id === undefined) return;
  if (typeof id !== 'string' || id.length === 0 || id.length > SLACK_LIMITS.id) {
    report(path, `must be a string of 1..${SLACK_LIMITS.id} chars`);
    return;
  }
  if (seen.has(id)) report(path, `"${id}" is not unique in the message`);
  seen.add(id);
}

function checkElement(el: Obj, path: string, actionIds: Set<string>, report: Report) {
  checkId(el.action_id, `${path}.action_id`, actionIds, report);
  switch (el.type) {
    case 'button':
      checkText(el.text, SLACK_LIMITS.buttonText, `${path}.text`, report, ['plain_text']);
      if (typeof el.value === 'string' && el.value.length > SLACK_LIMITS.buttonValue) {
        report(`${path}.value`, `value is ${el.value.length} chars, more than ${SLACK_LIMITS.buttonValue}`);
      }
      if (typeof el.url === 'string' && el.url.length > SLACK_LIMITS.url)
        report(`${path}.url`, 'url too long');
      if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
        report(`${path}.style`, 'must be primary or danger');
      }
      break;
    case 'static_select':
    case 'overflow': {
      const options = Array.isArray(el.options) ? (el.options as Obj[]) : [];
      const max = el.type === 'overflow' ? 5 : SLACK_LIMITS.selectOptions;
      if (options.length === 0 || options.length > max) report(`${path}.options`, `needs 1..${max} options`);
      options.forEach((o, i) => {
        checkText(o.text, SLACK_LIMITS.optionText, `${path}.options[${i}].text`, report, ['plain_text']);
        if (typeof o.value !== 'string' || o.value.length > SLACK_LIMITS.optionValue) {
          report(
            `${path}.options[${i}].value`,
            `must be a string of at most ${SLACK_LIMITS.optionValue} chars`,
          );
        }
      });
      if (el.placeholder !== undefined)
        checkText(el.placeholder, 150, `${path}.placeholder`, report, ['plain_text']);
      break;
    }
    case 'image':
      if (typeof el.image_url !== 'string' && el.slack_file === undefined)
        report(path, 'image needs image_url');
      if (typeof el.alt_text !== 'string' || el.alt_text.length > SLACK_LIMITS.altText)
        report(path, 'bad alt_text');
      break;
    default:
      break;
  }
}

function checkBlock(
  block: Obj,
  path: string,
  ids: { blocks: Set<string>; actions: Set<string> },
  report: Report,
) {
  checkId(block.block_id, `${path}.block_id`, ids.blocks, report);
  switch (block.type) {
    case 'header':
      checkText(block.text, SLACK_LIMITS.headerText, `${path}.text`, report, ['plain_text']);
      break;
    case 'section': {
      const fields = Array.isArray(block.fields) ? (block.fields as Obj[]) : undefined;
      if (block.text === undefined && fields === undefined) report(path, 'section needs text or fields');
      checkText(block.text, SLACK_LIMITS.sectionText, `${path}.text`, report);
      if (fields && (fields.length === 0 || fields.length > SLACK_LIMITS.sectionFields)) {
        report(`${path}.fields`, `needs 1..${SLACK_LIMITS.sectionFields} fields, has ${fields.length}`);
      }
      for (const [i, f] of (fields ?? []).entries())
        checkText(f, SLACK_LIMITS.fieldText, `${path}.fields[${i}]`, report);
      if (block.accessory !== undefined)
        checkElement(block.accessory as Obj, `${path}.accessory`, ids.actions, report);
      break;
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? (block.elements as Obj[]) : [];
      if (elements.length === 0 || elements.length > SLACK_LIMITS.contextElements) {
        report(
          `${path}.elements`,
          `needs 1..${SLACK_LIMITS.contextElements} elements, has ${elements.length}`,
        );
      }
      elements.forEach((e, i) => {
        if (e.type === 'image') checkElement(e, `${path}.elements[${i}]`, ids.actions, report);
        else checkText(e, SLACK_LIMITS.contextText, `${path}.elements[${i}]`, report);
      });
      break;
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? (block.elements as Obj[]) : [];
      if (elements.length === 0 || elements.length > SLACK_LIMITS.actionsElements) {
        report(
          `${path}.elements`,
          `needs 1..${SLACK_LIMITS.actionsElements} elements, has ${elements.length}`,
        );
      }
      for (const [i, e] of elements.entries()) checkElement(e, `${path}.elements[${i}]`, ids.actions, report);
      break;
    }
    case 'divider':
      break;
    case 'image':
      checkElement(block, path, ids.actions, report);
      if (block.title !== undefined) checkText(block.title, 2000, `${path}.title`, report, ['plain_text']);
      break;
    case 'table': {
      const rows = Array.isArray(block.rows) ? (block.rows as unknown[][]) : [];
      if (rows.length === 0 || rows.length > SLACK_LIMITS.tableRows) {
        report(`${path}.rows`, `needs 1..${SLACK_LIMITS.tableRows} rows, has ${rows.length}`);
      }
      rows.forEach((row, i) => {
        if (!Array.isArray(row) || row.length === 0 || row.length > SLACK_LIMITS.tableCells) {
          report(`${path}.rows[${i}]`, `needs 1..${SLACK_LIMITS.tableCells} cells`);
        }
      });
      break;
    }
    case 'rich_text':
      break;
    case 'data_table':
      checkDataTable(block, path, report);
      break;
    case 'data_visualization':
      checkChart(block, path, report);
      break;
    default:
      report(`${path}.type`, `unknown block type "${String(block.type)}"`);
  }
}

/**
 * Lists every Slack limit a message breaks, with the error Slack would answer. An empty list means
 * Slack accepts the message. Used by builders that pick the version of a message that fits (job
 * details) and by tests over every builder; the Slack stand-in has rules of its own, on purpose.
 */
export function checkMessage(message: SlackMessage): LimitViolation[] {
  const violations: LimitViolation[] = [];
  const blocks = message.blocks ?? [];
  const text = message.text ?? '';
  if (text.length > SLACK_LIMITS.messageText) {
    violations.push({ error: 'msg_too_long', path: 'text', detail: `text is ${text.length} chars` });
  }
  if (blocks.length === 0 && text.trim() === '') {
    violations.push({ error: 'no_text', path: 'text', detail: 'a message needs text or blocks' });
  }
  const report = (path: string, detail: string) => violations.push({ error: 'invalid_blocks', path, detail });
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) {
    report('blocks', `${blocks.length} blocks, more than ${SLACK_LIMITS.blocksPerMessage}`);
  }
  const ofType = (type: string) => blocks.filter((b) => (b as Obj).type === type);
  if (ofType('table').length > 1) report('blocks', 'more than one table block');
  if (ofType('data_visualization').length > SLACK_LIMITS.chartsPerMessage)
    report('blocks', `more than ${SLACK_LIMITS.chartsPerMessage} data_visualization blocks`);
  const cells = blocksTextLength(ofType('data_table').map((b) => (b as Obj).rows));
  if (cells > SLACK_LIMITS.dataTableChars)
    report('blocks', `data tables hold ${cells} chars, more than ${SLACK_LIMITS.dataTableChars}`);
  const ids = { blocks: new Set<string>(), actions: new Set<string>() };
  for (const [i, block] of blocks.entries()) checkBlock(block as Obj, `blocks[${i}]`, ids, report);
  const size = blocksTextLength(blocks);
  if (size > SLACK_LIMITS.blocksTextChars) {
    violations.push({
      error: 'msg_blocks_too_long',
      path: 'blocks',
      detail: `blocks hold ${size} text chars`,
    });
  }
  return violations;
}

/** Sum of the lengths of every `text` string inside the blocks, however deep. */
export function blocksTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + blocksTextLength(v), 0);
  if (!value || typeof value !== 'object') return 0;
  let sum = 0;
  for (const [key, v] of Object.entries(value as Obj)) {
    sum += key === 'text' && typeof v === 'string' ? v.length : blocksTextLength(v);
  }
  return sum;
}
