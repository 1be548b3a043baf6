// The data_table block's rows, as Slack's client pages, sorts and filters them. No DOM here: the
// unit tests import it. Sorting is "alphabetical by default; numeric when every cell of the column
// is raw_number" (data table block reference); Slack's default page size is 5.

export const DEFAULT_PAGE_SIZE = 5;

/** The text a cell shows: raw_text and raw_number `text`, or the text runs of a rich_text cell. */
export function cellText(cell) {
  if (cell?.type !== 'rich_text') return String(cell?.text ?? '');
  const parts = [];
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'text' || node.type === 'link') parts.push(String(node.text ?? node.url ?? ''));
    else if (node.type === 'emoji') parts.push(`:${node.name}:`);
    else if (node.type === 'user') parts.push(`@${node.user_id}`);
    else if (node.type === 'channel') parts.push(`#${node.channel_id}`);
    for (const child of node.elements ?? []) walk(child);
  };
  walk(cell);
  return parts.join('');
}

/** True when the column sorts by number: every data cell in it is raw_number. */
export function isNumericColumn(rows, column) {
  return rows.length > 0 && rows.every((row) => row[column]?.type === 'raw_number');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: false });

/**
 * Rows sorted by `column`, `dir` 'asc' or 'desc' ('none' keeps the app's order). Ties keep the app's
 * order, whichever way the column sorts.
 */
export function sortRows(rows, column, dir) {
  if (dir === 'none' || column === undefined || column === null) return [...rows];
  const numeric = isNumericColumn(rows, column);
  const sign = dir === 'desc' ? -1 : 1;
  const keyed = rows.map((row, index) => ({ row, index }));
  keyed.sort((a, b) => {
    const x = a.row[column];
    const y = b.row[column];
    const order = numeric ? Number(x.value) - Number(y.value) : collator.compare(cellText(x), cellText(y));
    return order * sign || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** Rows with a cell containing `query` (case-insensitive); every row for an empty query. */
export function filterRows(rows, query) {
  const wanted = String(query ?? '')
    .trim()
    .toLocaleLowerCase('en');
  if (wanted === '') return [...rows];
  return rows.filter((row) => row.some((cell) => cellText(cell).toLocaleLowerCase('en').includes(wanted)));
}

/** Next sort of a column when its header is clicked: ascending, descending, then the app's order. */
export function nextSort(sort, column) {
  if (sort.column !== column || sort.dir === 'none') return { column, dir: 'asc' };
  return sort.dir === 'asc' ? { column, dir: 'desc' } : { column: null, dir: 'none' };
}

/** The block's page size: an integer 1..100, else Slack's default. */
export function pageSizeOf(block) {
  const size = block?.page_size;
  return Number.isInteger(size) && size >= 1 && size <= 100 ? size : DEFAULT_PAGE_SIZE;
}

/** One page of `rows` (pages count from 1, clamped): the rows and where they sit in the whole. */
export function pageOf(rows, page, size) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * size;
  const shown = rows.slice(start, start + size);
  return {
    rows: shown,
    page: current,
    pages,
    total: rows.length,
    from: shown.length ? start + 1 : 0,
    to: start + shown.length,
  };
}
