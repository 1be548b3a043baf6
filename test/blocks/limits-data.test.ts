import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/blocks/limits.js';

type Obj = Record<string, unknown>;

const days = ['Mon', 'Tue', 'Wed'];

function chart(overrides: Obj = {}, series?: unknown[], categories: unknown[] = days): Obj {
  return {
    type: 'data_visualization',
    title: 'Jobs by day',
    chart: {
      type: 'bar',
      series: series ?? [
        { name: 'Failed', data: days.map((label, i) => ({ label, value: i })) },
        { name: 'Completed', data: days.map((label) => ({ label, value: 10 })) },
      ],
      axis_config: { categories, x_label: 'Day', y_label: 'Jobs' },
    },
    ...overrides,
  };
}

const raw = (text: string) => ({ type: 'raw_text', text });
const num = (value: number) => ({ type: 'raw_number', value, text: String(value) });

function table(overrides: Obj = {}, rows?: unknown[][]): Obj {
  return {
    type: 'data_table',
    caption: 'Jobs per day',
    page_size: 5,
    rows: rows ?? [[raw('Day'), raw('Total')], ...days.map((d, i) => [raw(d), num(i)])],
    ...overrides,
  };
}

/** The details of what checkMessage finds in a message of these blocks. */
function problems(...blocks: Obj[]): string[] {
  return checkMessage({ text: 'fallback', blocks }).map((v) => `${v.path}: ${v.detail}`);
}

describe('checkMessage on data_visualization blocks', () => {
  it('takes a bar chart as Slack documents it, and a pie chart', () => {
    expect(problems(chart())).toEqual([]);
    const pie = {
      type: 'data_visualization',
      title: 'States',
      chart: { type: 'pie', segments: [{ label: 'Failed', value: 2 }] },
    };
    expect(problems(pie)).toEqual([]);
  });

  it('refuses more than 6 series, 20 categories, or two charts per message', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({
      name: `S${i}`,
      data: days.map((label) => ({ label, value: 1 })),
    }));
    expect(problems(chart({}, seven))).toEqual(['blocks[0].chart.series: needs 1..6 items, has 7']);
    const many = Array.from({ length: 21 }, (_, i) => `D${i}`);
    const wide = [{ name: 'S', data: many.map((label) => ({ label, value: 1 })) }];
    expect(problems(chart({}, wide, many))).toEqual([
      'blocks[0].chart.axis_config.categories: needs 1..20 items, has 21',
    ]);
    expect(problems(chart(), chart(), chart())).toEqual(['blocks: more than 2 data_visualization blocks']);
  });

  it('refuses titles over 50 chars and labels or names over 20', () => {
    const long = 'x'.repeat(21);
    const named = [{ name: long, data: days.map((label) => ({ label, value: 1 })) }];
    expect(problems(chart({ title: 'y'.repeat(51) }))).toEqual([
      'blocks[0].title: is 51 chars, more than 50',
    ]);
    expect(problems(chart({}, named))).toEqual(['blocks[0].chart.series[0].name: is 21 chars, more than 20']);
    const data = [{ name: 'S', data: [{ label: long, value: 1 }] }];
    expect(problems(chart({}, data, [long]))).toContain(
      'blocks[0].chart.axis_config.categories[0]: is 21 chars, more than 20',
    );
  });

  it('wants one finite value per category in every series, and distinct series names', () => {
    const point = (label: unknown, value: unknown) => ({ label, value });
    const cases: [unknown[], string][] = [
      [
        [point('Mon', 1), point('Tue', 2)],
        'blocks[0].chart.series[0].data: needs one point for each of the 3 categories',
      ],
      [
        [point('Mon', 1), point('Tue', Number.NaN), point('Wed', 3)],
        'blocks[0].chart.series[0].data[1].value: must be a finite number',
      ],
      [
        [point('Mon', 1), point('Tue', Number.POSITIVE_INFINITY), point('Wed', 3)],
        'blocks[0].chart.series[0].data[1].value: must be a finite number',
      ],
      [
        [point('Mon', 1), point('Mon', 2), point('Wed', 3)],
        'blocks[0].chart.series[0].data[1].label: must be a category not used before in the series',
      ],
      [
        [point('Mon', 1), point('Thu', 2), point('Wed', 3)],
        'blocks[0].chart.series[0].data[1].label: must be a category not used before in the series',
      ],
    ];
    for (const [data, found] of cases) expect(problems(chart({}, [{ name: 'S', data }]))).toContain(found);
    const twins = [0, 1].map(() => ({ name: 'Same', data: days.map((label) => ({ label, value: 1 })) }));
    expect(problems(chart({}, twins))).toEqual([
      'blocks[0].chart.series[1].name: is the name of another series',
    ]);
  });
});

describe('checkMessage on data_table blocks', () => {
  it('takes a table as Slack documents it', () => {
    expect(problems(table())).toEqual([]);
  });

  it('wants a caption, a header without rich text, and rows as wide as the header', () => {
    const rich = { type: 'rich_text', elements: [] };
    expect(problems(table({ caption: '' }))).toEqual(['blocks[0].caption: must be a non-empty string']);
    expect(problems(table({}, [[rich], [raw('a')]]))).toEqual([
      'blocks[0].rows[0][0]: a header cell cannot be rich_text',
    ]);
    expect(problems(table({}, [[raw('a'), raw('b')], [raw('c')]]))).toEqual([
      'blocks[0].rows[1]: has 1 cells, the header 2',
    ]);
    expect(problems(table({}, [[raw('Day')], [{ type: 'raw_number', text: '3' }]]))).toEqual([
      'blocks[0].rows[1][0].value: must be a finite number',
    ]);
  });

  it('refuses more than 100 data rows, no data row, 21 columns and page sizes out of 1..100', () => {
    const header = [raw('n')];
    expect(problems(table({}, [header, ...Array.from({ length: 101 }, (_, i) => [num(i)])]))).toEqual([
      'blocks[0].rows: needs 2..101 items, has 102',
    ]);
    expect(problems(table({}, [header]))).toEqual(['blocks[0].rows: needs 2..101 items, has 1']);
    const wide = Array.from({ length: 21 }, (_, i) => raw(`c${i}`));
    expect(problems(table({}, [wide, wide]))).toEqual(['blocks[0].rows[0]: needs 1..20 cells, has 21']);
    for (const page_size of [0, 101, 2.5])
      expect(problems(table({ page_size }))).toEqual([
        'blocks[0].page_size: must be an integer from 1 to 100',
      ]);
  });

  it('counts the characters of every data table of the message together', () => {
    const big = (id: string) =>
      table({ block_id: id }, [[raw('name')], ...Array.from({ length: 100 }, () => [raw('x'.repeat(101))])]);
    expect(problems(big('a'))).toEqual([]);
    expect(problems(big('a'), big('b'))).toContain('blocks: data tables hold 20208 chars, more than 20000');
  });
});
