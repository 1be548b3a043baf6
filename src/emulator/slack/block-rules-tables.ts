import {
  type BlockScope,
  checkChoice,
  checkList,
  checkString,
  type Findings,
  isObj,
  type Obj,
  say,
} from './block-rules-kit.js';

/**
 * Rich text, table and data table blocks, from Slack's reference pages rich-text-block, table-block
 * and data-table-block (https://docs.slack.dev/reference/block-kit/blocks/…).
 */

const ANY = Number.POSITIVE_INFINITY;

/** Inline rich text elements and the field each one needs. */
const INLINE: Record<string, string> = {
  text: 'text',
  link: 'url',
  emoji: 'name',
  user: 'user_id',
  channel: 'channel_id',
  usergroup: 'usergroup_id',
  broadcast: 'range',
  date: 'timestamp',
  color: 'value',
};
const CONTAINERS = ['rich_text_section', 'rich_text_list', 'rich_text_preformatted', 'rich_text_quote'];

function checkInline(elements: unknown, at: string, f: Findings): void {
  for (const [i, el] of checkList(elements, at, f, 0, ANY).entries()) {
    const field = typeof el.type === 'string' ? INLINE[el.type] : undefined;
    if (field === undefined) f.report(`${at}/${i}/type`, say.oneOf(Object.keys(INLINE)));
    else if (el[field] === undefined) f.report(`${at}/${i}`, say.required(field));
    if (el.type === 'broadcast')
      checkChoice(el.range, `${at}/${i}/range`, f, ['here', 'channel', 'everyone']);
  }
}

/** Rich text: sections, lists (bullet or ordered, of sections), preformatted and quote elements. */
export function checkRichText(block: Obj, at: string, f: Findings): void {
  for (const [i, el] of checkList(block.elements, `${at}/elements`, f, 1, ANY).entries()) {
    const where = `${at}/elements/${i}`;
    if (!CONTAINERS.includes(String(el.type))) {
      f.report(`${where}/type`, say.oneOf(CONTAINERS));
    } else if (el.type !== 'rich_text_list') {
      checkInline(el.elements, `${where}/elements`, f);
    } else {
      checkChoice(el.style ?? '', `${where}/style`, f, ['bullet', 'ordered']);
      for (const [j, item] of checkList(el.elements, `${where}/elements`, f, 1, ANY).entries()) {
        if (item.type === 'rich_text_section')
          checkInline(item.elements, `${where}/elements/${j}/elements`, f);
        else f.report(`${where}/elements/${j}/type`, say.oneOf(['rich_text_section']));
      }
    }
  }
}

/** A table cell: raw_text (text ≥ 1 character), raw_number (a number and its text) or rich_text. */
function checkCell(cell: Obj, at: string, f: Findings, kinds: readonly string[]): void {
  if (!kinds.includes(String(cell.type))) f.report(`${at}/type`, say.oneOf(kinds));
  else if (cell.type === 'rich_text') checkRichText(cell, at, f);
  else {
    checkString(cell.text, `${at}/text`, f, { max: ANY, nonEmpty: true, required: true });
    if (cell.type === 'raw_number' && typeof cell.value !== 'number') {
      f.report(`${at}/value`, 'must provide a number');
    }
  }
}

/** Checks the number of rows and cells; returns each row's cells. */
function checkRows(value: unknown, at: string, f: Findings, rows: [number, number]): Obj[][] {
  if (!Array.isArray(value)) {
    f.report(at, say.array);
    return [];
  }
  if (value.length < rows[0]) f.report(at, say.tooFew(rows[0]));
  if (value.length > rows[1]) f.report(at, say.tooMany(rows[1]));
  return value.map((row: unknown, i) => checkList(row, `${at}/${i}`, f, 1, 20));
}

const CELLS = ['raw_text', 'raw_number', 'rich_text'];

/** Table: 1..100 rows of 1..20 cells; ≤ 20 column_settings (align left, center or right). */
export function checkTable(block: Obj, at: string, scope: BlockScope): void {
  for (const [i, row] of checkRows(block.rows, `${at}/rows`, scope, [1, 100]).entries()) {
    for (const [j, cell] of row.entries()) checkCell(cell, `${at}/rows/${i}/${j}`, scope, CELLS);
  }
  const settings = block.column_settings;
  if (settings === undefined) return;
  if (!Array.isArray(settings)) {
    scope.report(`${at}/column_settings`, say.array);
    return;
  }
  if (settings.length > 20) scope.report(`${at}/column_settings`, say.tooMany(20));
  for (const [i, s] of settings.entries()) {
    if (isObj(s))
      checkChoice(s.align, `${at}/column_settings/${i}/align`, scope, ['left', 'center', 'right']);
  }
}

function checkInteger(value: unknown, at: string, f: Findings, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    f.report(at, `must be an integer from ${min} to ${max}`);
  }
}

/**
 * Data table: a caption; a header row (no rich_text) and 1..100 rows, all as long as the header
 * (≤ 20 columns); page_size 1..100; row_header_column_index one of the columns.
 */
export function checkDataTable(block: Obj, at: string, scope: BlockScope): void {
  checkString(block.caption, `${at}/caption`, scope, { max: ANY, nonEmpty: true, required: true });
  const rows = checkRows(block.rows, `${at}/rows`, scope, [2, 101]);
  const width = rows[0]?.length ?? 0;
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) scope.report(`${at}/rows/${i}`, 'must have as many cells as the header row');
    const kinds = i === 0 ? ['raw_text', 'raw_number'] : CELLS;
    for (const [j, cell] of row.entries()) checkCell(cell, `${at}/rows/${i}/${j}`, scope, kinds);
  }
  checkInteger(block.page_size, `${at}/page_size`, scope, 1, 100);
  checkInteger(
    block.row_header_column_index,
    `${at}/row_header_column_index`,
    scope,
    0,
    Math.max(0, width - 1),
  );
}
