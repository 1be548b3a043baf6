/**
 * The limits of Slack's data blocks, `data_table` (docs, 2026-05) and `data_visualization` (docs,
 * 2026-06), and their checks for `checkMessage`. Where sources disagree, the lower bound is kept
 * (FACTS.md): the docs pages say 200 data rows and, in places, 12 series.
 */
export const DATA_BLOCK_LIMITS = {
  /** Data rows of a data_table, after its header row. */
  dataTableRows: 100,
  dataTableColumns: 20,
  dataTablePageSize: 100,
  /** Characters across every cell of every data table of one message. */
  dataTableChars: 20_000,
  chartsPerMessage: 2,
  chartTitle: 50,
  chartSeries: 6,
  chartCategories: 20,
  /** A category, a point's label or a series name. */
  chartLabel: 20,
  /** x_label and y_label. */
  chartAxisLabel: 50,
} as const;

type Obj = Record<string, unknown>;
export type Report = (path: string, detail: string) => void;

const L = DATA_BLOCK_LIMITS;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(value: unknown, max: number, path: string, report: Report, required = true): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.length === 0) report(path, 'must be a non-empty string');
  else if (value.length > max) report(path, `is ${value.length} chars, more than ${max}`);
}

function checkCount(items: unknown, min: number, max: number, path: string, report: Report): unknown[] {
  const list = Array.isArray(items) ? items : [];
  if (list.length < min || list.length > max) report(path, `needs ${min}..${max} items, has ${list.length}`);
  return list;
}

function checkInteger(value: unknown, min: number, max: number, path: string, report: Report): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    report(path, `must be an integer from ${min} to ${max}`);
}

function checkCell(cell: unknown, path: string, header: boolean, report: Report): void {
  if (!isObj(cell)) {
    report(path, 'must be a cell object');
    return;
  }
  if (cell.type === 'rich_text') {
    if (header) report(path, 'a header cell cannot be rich_text');
    return;
  }
  if (cell.type !== 'raw_text' && cell.type !== 'raw_number') {
    report(`${path}.type`, 'must be raw_text, raw_number or rich_text');
    return;
  }
  checkString(cell.text, Number.POSITIVE_INFINITY, `${path}.text`, report);
  if (cell.type === 'raw_number' && !(typeof cell.value === 'number' && Number.isFinite(cell.value)))
    report(`${path}.value`, 'must be a finite number');
}

/** A caption; a header row and 1..100 rows, all as wide as the header (≤ 20 cells); page_size 1..100. */
export function checkDataTable(block: Obj, path: string, report: Report): void {
  checkString(block.caption, Number.POSITIVE_INFINITY, `${path}.caption`, report);
  const rows = checkCount(block.rows, 2, L.dataTableRows + 1, `${path}.rows`, report);
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (width === 0 || width > L.dataTableColumns)
    report(`${path}.rows[0]`, `needs 1..${L.dataTableColumns} cells, has ${width}`);
  for (const [i, row] of rows.entries()) {
    if (!Array.isArray(row)) {
      report(`${path}.rows[${i}]`, 'must be an array of cells');
      continue;
    }
    if (row.length !== width) report(`${path}.rows[${i}]`, `has ${row.length} cells, the header ${width}`);
    for (const [j, cell] of row.entries()) checkCell(cell, `${path}.rows[${i}][${j}]`, i === 0, report);
  }
  checkInteger(block.page_size, 1, L.dataTablePageSize, `${path}.page_size`, report);
  checkInteger(
    block.row_header_column_index,
    0,
    Math.max(0, width - 1),
    `${path}.row_header_column_index`,
    report,
  );
}

/** Series of bar, line and area charts: named uniquely, one finite value for each category. */
function checkSeries(chart: Obj, path: string, report: Report): void {
  const axis = isObj(chart.axis_config) ? chart.axis_config : {};
  const categories = checkCount(
    axis.categories,
    1,
    L.chartCategories,
    `${path}.axis_config.categories`,
    report,
  );
  for (const [i, c] of categories.entries())
    checkString(c, L.chartLabel, `${path}.axis_config.categories[${i}]`, report);
  if (new Set(categories).size !== categories.length)
    report(`${path}.axis_config.categories`, 'categories must be distinct');
  checkString(axis.x_label, L.chartAxisLabel, `${path}.axis_config.x_label`, report, false);
  checkString(axis.y_label, L.chartAxisLabel, `${path}.axis_config.y_label`, report, false);
  const names = new Set<unknown>();
  for (const [i, series] of checkCount(chart.series, 1, L.chartSeries, `${path}.series`, report).entries()) {
    const at = `${path}.series[${i}]`;
    const s = isObj(series) ? series : {};
    checkString(s.name, L.chartLabel, `${at}.name`, report);
    if (names.has(s.name)) report(`${at}.name`, 'is the name of another series');
    names.add(s.name);
    const seen = new Set<unknown>();
    for (const [j, point] of (Array.isArray(s.data) ? s.data : []).entries()) {
      const p = isObj(point) ? point : {};
      if (!categories.includes(p.label) || seen.has(p.label))
        report(`${at}.data[${j}].label`, 'must be a category not used before in the series');
      seen.add(p.label);
      if (!(typeof p.value === 'number' && Number.isFinite(p.value)))
        report(`${at}.data[${j}].value`, 'must be a finite number');
    }
    if (seen.size !== categories.length || (Array.isArray(s.data) && s.data.length !== seen.size))
      report(`${at}.data`, `needs one point for each of the ${categories.length} categories`);
  }
}

function checkSegments(segments: unknown, path: string, report: Report): void {
  for (const [i, segment] of checkCount(segments, 1, L.chartSeries, path, report).entries()) {
    const s = isObj(segment) ? segment : {};
    checkString(s.label, L.chartLabel, `${path}[${i}].label`, report);
    if (!(typeof s.value === 'number' && Number.isFinite(s.value) && s.value > 0))
      report(`${path}[${i}].value`, 'must be a finite number above 0');
  }
}

/** A title of ≤ 50 chars; a pie chart's segments or a bar, line or area chart's series and axis. */
export function checkChart(block: Obj, path: string, report: Report): void {
  checkString(block.title, L.chartTitle, `${path}.title`, report);
  const chart = isObj(block.chart) ? block.chart : {};
  if (chart.type === 'pie') checkSegments(chart.segments, `${path}.chart.segments`, report);
  else if (chart.type === 'bar' || chart.type === 'line' || chart.type === 'area')
    checkSeries(chart, `${path}.chart`, report);
  else report(`${path}.chart.type`, 'must be pie, bar, line or area');
}
