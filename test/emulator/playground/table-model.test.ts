import { beforeAll, describe, expect, it } from 'vitest';
import { staticModule } from './static-module.js';

type Cell = Record<string, unknown>;
type Sort = { column: number | null; dir: 'asc' | 'desc' | 'none' };
interface TableModel {
  DEFAULT_PAGE_SIZE: number;
  cellText(cell: Cell): string;
  isNumericColumn(rows: Cell[][], column: number): boolean;
  sortRows(rows: Cell[][], column: number | null, dir: Sort['dir']): Cell[][];
  filterRows(rows: Cell[][], query: string): Cell[][];
  nextSort(sort: Sort, column: number): Sort;
  pageSizeOf(block: Record<string, unknown>): number;
  pageOf(rows: unknown[], page: number, size: number): Record<string, unknown>;
}

const raw = (text: string) => ({ type: 'raw_text', text });
const num = (value: number, text = String(value)) => ({ type: 'raw_number', value, text });
const rich = (...texts: string[]) => ({
  type: 'rich_text',
  elements: [{ type: 'rich_text_section', elements: texts.map((text) => ({ type: 'text', text })) }],
});

let m: TableModel;
beforeAll(async () => {
  m = await staticModule<TableModel>('table-model.js');
});

describe('the data_table model of the playground', () => {
  const rows = [
    [raw('beta'), num(10), rich('Fail', 'ed')],
    [raw('Alpha'), num(9), raw('ok')],
    [raw('gamma'), num(100), raw('ok')],
    [raw('alpha'), num(9), raw('later')],
  ];

  it('reads the text of every cell kind, rich_text runs joined', () => {
    expect(rows.map((r) => r.map((c) => m.cellText(c)))[0]).toEqual(['beta', '10', 'Failed']);
    const linked = {
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_section',
          elements: [
            { type: 'link', url: 'https://x.test' },
            { type: 'user', user_id: 'U1' },
          ],
        },
      ],
    };
    expect(m.cellText(linked)).toBe('https://x.test@U1');
  });

  it('sorts numerically only when every cell of the column is raw_number, else alphabetically, case aside', () => {
    expect(m.isNumericColumn(rows, 1)).toBe(true);
    expect(m.isNumericColumn(rows, 2)).toBe(false);
    // 9 < 10 < 100 as numbers (as text "10" < "100" < "9"); equal keys keep the app's order.
    expect(m.sortRows(rows, 1, 'asc').map((r) => m.cellText(r[0]!))).toEqual([
      'Alpha',
      'alpha',
      'beta',
      'gamma',
    ]);
    expect(m.sortRows(rows, 1, 'desc').map((r) => m.cellText(r[1]!))).toEqual(['100', '10', '9', '9']);
    expect(m.sortRows(rows, 0, 'asc').map((r) => m.cellText(r[0]!))).toEqual([
      'Alpha',
      'alpha',
      'beta',
      'gamma',
    ]);
    expect(m.sortRows(rows, 0, 'none')).toEqual(rows);
    const mixed = [[num(2)], [raw('10')], [num(1)]];
    expect(m.sortRows(mixed, 0, 'asc').map((r) => m.cellText(r[0]!))).toEqual(['1', '10', '2']);
  });

  it('cycles a header through ascending, descending and the app’s order', () => {
    let sort: Sort = { column: null, dir: 'none' };
    sort = m.nextSort(sort, 1);
    expect(sort).toEqual({ column: 1, dir: 'asc' });
    sort = m.nextSort(sort, 1);
    expect(sort).toEqual({ column: 1, dir: 'desc' });
    expect(m.nextSort(sort, 1)).toEqual({ column: null, dir: 'none' });
    expect(m.nextSort(sort, 0)).toEqual({ column: 0, dir: 'asc' });
  });

  it('filters rows by any cell, case-insensitively', () => {
    expect(m.filterRows(rows, ' FAILED ')).toEqual([rows[0]]);
    expect(m.filterRows(rows, 'ok')).toHaveLength(2);
    expect(m.filterRows(rows, '')).toEqual(rows);
  });

  it('pages with page_size (5 unless a whole number 1..100), clamping the page', () => {
    expect(m.pageSizeOf({})).toBe(m.DEFAULT_PAGE_SIZE);
    expect(m.DEFAULT_PAGE_SIZE).toBe(5);
    expect(m.pageSizeOf({ page_size: 3 })).toBe(3);
    expect(m.pageSizeOf({ page_size: 0 })).toBe(5);
    expect(m.pageSizeOf({ page_size: 2.5 })).toBe(5);
    const twelve = Array.from({ length: 12 }, (_, i) => i);
    expect(m.pageOf(twelve, 3, 5)).toEqual({
      rows: [10, 11],
      page: 3,
      pages: 3,
      total: 12,
      from: 11,
      to: 12,
    });
    expect(m.pageOf(twelve, 9, 5)).toMatchObject({ page: 3 });
    expect(m.pageOf(twelve, 0, 5)).toMatchObject({ page: 1, from: 1, to: 5 });
    expect(m.pageOf([], 1, 5)).toEqual({ rows: [], page: 1, pages: 1, total: 0, from: 0, to: 0 });
  });
});
