import { describe, expect, it } from 'vitest';
import { messageError } from '../../../src/emulator/slack/answers.js';
import { type SlackRefusal, slackRefusals } from '../../../src/emulator/slack/block-rules.js';

/*
 * Every case is written from Slack's Block Kit reference (https://docs.slack.dev/reference/block-kit)
 * and chat.postMessage, never from the bot's builders: a message just inside a limit is taken, one
 * just over is refused with Slack's code and a sentence pointing at the broken field.
 */

type Block = Record<string, unknown>;

const x = (n: number) => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string, extra: Block = {}): Block => ({
  type: 'section',
  text: mrkdwn(text),
  ...extra,
});
const button = (extra: Block = {}): Block => ({
  type: 'button',
  text: plain('Go'),
  action_id: 'go',
  ...extra,
});
const actions = (...elements: Block[]): Block => ({ type: 'actions', elements });
const option = (i: number, extra: Block = {}) => ({ text: plain(`o${i}`), value: `v${i}`, ...extra });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(i));
const select = (extra: Block = {}): Block => ({
  type: 'static_select',
  action_id: 's',
  options: options(2),
  ...extra,
});
const raw = (text: string) => ({ type: 'raw_text', text });
const row = (cells: number, text = 'c') => Array.from({ length: cells }, () => raw(text));
const rows = (n: number, cells = 2) => Array.from({ length: n }, () => row(cells));
const rich = (...elements: Block[]): Block => ({ type: 'rich_text', elements });
const richSection = (text: string) => ({ type: 'rich_text_section', elements: [{ type: 'text', text }] });

function refusals(blocks: Block[], text = 'fallback'): SlackRefusal[] {
  return slackRefusals({ text, blocks });
}

function expectTaken(blocks: Block[], text?: string): void {
  expect(refusals(blocks, text)).toEqual([]);
}

/** Refused as invalid_blocks, with `detail` among Slack's sentences. */
function expectInvalid(blocks: Block[], detail: string): void {
  const found = refusals(blocks);
  expect(found.map((r) => r.error)).toContain('invalid_blocks');
  expect(found.map((r) => r.detail)).toContain(detail);
}

describe('message rules (Blocks reference, chat.postMessage)', () => {
  it('takes 50 blocks and refuses 51', () => {
    expectTaken(Array.from({ length: 50 }, () => ({ type: 'divider' })));
    expectInvalid(
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      'no more than 50 items allowed [json-pointer:/blocks]',
    );
  });

  it('takes text of 40,000 characters and answers msg_too_long at 40,001', () => {
    expect(slackRefusals({ text: x(40_000) })).toEqual([]);
    expect(slackRefusals({ text: x(40_001) }).map((r) => r.error)).toEqual(['msg_too_long']);
  });

  it('answers no_text for a message with neither text nor blocks, and takes blocks without text', () => {
    expect(slackRefusals({}).map((r) => r.error)).toEqual(['no_text']);
    expect(slackRefusals({ text: '  ', blocks: [] }).map((r) => r.error)).toEqual(['no_text']);
    expect(slackRefusals({ blocks: [section('hi')] })).toEqual([]);
  });

  it('answers msg_blocks_too_long past about 13,000 characters of block text (seen, not documented)', () => {
    const near = Array.from({ length: 5 }, () => section(x(2600)));
    expectTaken(near);
    const over = [...near, section('y')];
    expect(refusals(over).map((r) => r.error)).toEqual(['msg_blocks_too_long']);
  });

  it('takes a block_id of 255 characters, refuses 256, an empty one and one used twice', () => {
    expectTaken([{ type: 'divider', block_id: x(255) }]);
    expectInvalid(
      [{ type: 'divider', block_id: x(256) }],
      'must be less than 256 characters [json-pointer:/blocks/0/block_id]',
    );
    expectInvalid(
      [{ type: 'divider', block_id: '' }],
      'must be more than 0 characters [json-pointer:/blocks/0/block_id]',
    );
    expectInvalid(
      [section('a', { block_id: 'b1' }), section('b', { block_id: 'b1' })],
      '"b1" is already a block_id in this message [json-pointer:/blocks/1/block_id]',
    );
  });

  it('takes an action_id of 255 characters, refuses 256 and one used twice in a block', () => {
    expectTaken([actions(button({ action_id: x(255) }))]);
    expectInvalid(
      [actions(button({ action_id: x(256) }))],
      'must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]',
    );
    expectInvalid(
      [actions(button(), button())],
      '"go" is already an action_id in this block [json-pointer:/blocks/0/elements/1/action_id]',
    );
  });

  it('takes the same action_id in two blocks: the element pages ask for uniqueness within the block', () => {
    expectTaken([actions(button()), section('s', { accessory: button() })]);
  });

  it('refuses a block type Slack does not have, and a block that is not an object', () => {
    expectInvalid(
      [{ type: 'paragraph' }],
      'unsupported block type "paragraph" [json-pointer:/blocks/0/type]',
    );
    expectInvalid(['divider' as unknown as Block], 'must provide an object [json-pointer:/blocks/0]');
  });
});

describe('section, header, context and actions blocks', () => {
  it('section text: 1..3000 characters of plain_text or mrkdwn', () => {
    expectTaken([section(x(3000))]);
    expectInvalid([section(x(3001))], 'failed to match all allowed schemas [json-pointer:/blocks/0/text]');
    expectInvalid([section(x(3001))], 'must be less than 3001 characters [json-pointer:/blocks/0/text/text]');
    expectInvalid([section('')], 'must be more than 0 characters [json-pointer:/blocks/0/text/text]');
    expectInvalid(
      [{ type: 'section', text: { type: 'markdown', text: 'a' } }],
      'must be one of plain_text, mrkdwn [json-pointer:/blocks/0/text/type]',
    );
    expectInvalid([{ type: 'section' }], 'missing required field: text [json-pointer:/blocks/0]');
  });

  it('section fields: 1..10 of at most 2000 characters', () => {
    const fields = (n: number, len = 5) => Array.from({ length: n }, () => mrkdwn(x(len)));
    expectTaken([{ type: 'section', fields: fields(10) }]);
    expectTaken([{ type: 'section', fields: fields(2, 2000) }]);
    expectInvalid(
      [{ type: 'section', fields: fields(11) }],
      'no more than 10 items allowed [json-pointer:/blocks/0/fields]',
    );
    expectInvalid(
      [{ type: 'section', fields: [mrkdwn(x(2001))] }],
      'must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]',
    );
    expectInvalid(
      [{ type: 'section', fields: [] }],
      'must provide at least 1 items [json-pointer:/blocks/0/fields]',
    );
  });

  it('section accessory: a button, select or image, not an actions-only element', () => {
    expectTaken([
      section('s', { accessory: { type: 'image', image_url: 'https://x.test/a.png', alt_text: 'a' } }),
    ]);
    expectTaken([section('s', { accessory: select() })]);
    expectInvalid(
      [section('s', { accessory: { type: 'rich_text_input', action_id: 'r' } })],
      'failed to match all allowed schemas [json-pointer:/blocks/0/accessory]',
    );
  });

  it('header: plain_text of at most 150 characters', () => {
    expectTaken([{ type: 'header', text: plain(x(150)) }]);
    expectInvalid(
      [{ type: 'header', text: plain(x(151)) }],
      'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
    );
    expectInvalid(
      [{ type: 'header', text: mrkdwn('h') }],
      'must be one of plain_text [json-pointer:/blocks/0/text/type]',
    );
  });

  it('context: 1..10 text objects (≤ 3000) or image elements', () => {
    const ctx = (n: number, len = 3) => ({
      type: 'context',
      elements: Array.from({ length: n }, () => mrkdwn(x(len))),
    });
    expectTaken([ctx(10)]);
    expectTaken([ctx(2, 3000)]);
    expectInvalid([ctx(11)], 'no more than 10 items allowed [json-pointer:/blocks/0/elements]');
    expectInvalid(
      [ctx(1, 3001)],
      'must be less than 3001 characters [json-pointer:/blocks/0/elements/0/text]',
    );
    expectInvalid([ctx(0)], 'must provide at least 1 items [json-pointer:/blocks/0/elements]');
    expectInvalid(
      [{ type: 'context', elements: [{ type: 'image', image_url: 'https://x.test/a.png' }] }],
      'missing required field: alt_text [json-pointer:/blocks/0/elements/0]',
    );
  });

  it('actions: 1..25 interactive elements, no images', () => {
    const many = (n: number) =>
      actions(...Array.from({ length: n }, (_, i) => button({ action_id: `b${i}` })));
    expectTaken([many(25)]);
    expectInvalid([many(26)], 'no more than 25 items allowed [json-pointer:/blocks/0/elements]');
    expectInvalid([actions()], 'must provide at least 1 items [json-pointer:/blocks/0/elements]');
    expectInvalid(
      [actions({ type: 'image', image_url: 'https://x.test/a.png', alt_text: 'a' })],
      'unsupported element type "image" here [json-pointer:/blocks/0/elements/0/type]',
    );
  });
});

describe('block elements', () => {
  it('button: plain_text text ≤ 75, value ≤ 2000, url ≤ 3000, accessibility_label ≤ 75, style primary|danger', () => {
    expectTaken([
      actions(
        button({
          text: plain(x(75)),
          value: x(2000),
          url: `https://x.test/${x(2984)}`,
          accessibility_label: x(75),
          style: 'danger',
        }),
      ),
    ]);
    const at = '/blocks/0/elements/0';
    expectInvalid(
      [actions(button({ text: plain(x(76)) }))],
      `must be less than 76 characters [json-pointer:${at}/text/text]`,
    );
    expectInvalid(
      [actions(button({ text: mrkdwn('go') }))],
      `must be one of plain_text [json-pointer:${at}/text/type]`,
    );
    expectInvalid(
      [actions(button({ value: x(2001) }))],
      `must be less than 2001 characters [json-pointer:${at}/value]`,
    );
    expectInvalid(
      [actions(button({ url: x(3001) }))],
      `must be less than 3001 characters [json-pointer:${at}/url]`,
    );
    expectInvalid(
      [actions(button({ accessibility_label: x(76) }))],
      `must be less than 76 characters [json-pointer:${at}/accessibility_label]`,
    );
    expectInvalid(
      [actions(button({ style: 'secondary' }))],
      `must be one of primary, danger [json-pointer:${at}/style]`,
    );
    expectInvalid(
      [actions({ type: 'button', action_id: 'b' })],
      `missing required field: text [json-pointer:${at}]`,
    );
  });

  it('static_select: 1..100 options of text ≤ 75 and value ≤ 150, placeholder ≤ 150', () => {
    const at = '/blocks/0/accessory';
    const inSection = (el: Block) => [section('pick', { accessory: el })];
    expectTaken(inSection(select({ options: options(100), placeholder: plain(x(150)) })));
    expectTaken(
      inSection(
        select({ options: [option(0, { text: plain(x(75)), value: x(150), description: plain(x(75)) })] }),
      ),
    );
    expectInvalid(
      inSection(select({ options: options(101) })),
      `no more than 100 items allowed [json-pointer:${at}/options]`,
    );
    expectInvalid(
      inSection(select({ options: [option(0, { text: plain(x(76)) })] })),
      `must be less than 76 characters [json-pointer:${at}/options/0/text/text]`,
    );
    expectInvalid(
      inSection(select({ options: [option(0, { value: x(151) })] })),
      `must be less than 151 characters [json-pointer:${at}/options/0/value]`,
    );
    expectInvalid(
      inSection(select({ options: [option(0, { description: plain(x(76)) })] })),
      `must be less than 76 characters [json-pointer:${at}/options/0/description/text]`,
    );
    expectInvalid(
      inSection(select({ placeholder: plain(x(151)) })),
      `must be less than 151 characters [json-pointer:${at}/placeholder/text]`,
    );
    expectInvalid(
      inSection(select({ options: [option(0, { url: 'https://x.test' })] })),
      `url is only allowed in overflow menus [json-pointer:${at}/options/0/url]`,
    );
  });

  it('static_select: options or option_groups (≤ 100 groups, label ≤ 75), not both, not neither', () => {
    const at = '/blocks/0/accessory';
    const group = (label: string) => ({ label: plain(label), options: options(2) });
    const inSection = (el: Block) => [section('pick', { accessory: el })];
    expectTaken(inSection({ type: 'static_select', action_id: 's', option_groups: [group(x(75))] }));
    expectInvalid(
      inSection({ type: 'static_select', action_id: 's', option_groups: [group(x(76))] }),
      `must be less than 76 characters [json-pointer:${at}/option_groups/0/label/text]`,
    );
    expectInvalid(
      inSection({
        type: 'static_select',
        action_id: 's',
        option_groups: Array.from({ length: 101 }, () => group('g')),
      }),
      `no more than 100 items allowed [json-pointer:${at}/option_groups]`,
    );
    expectInvalid(
      inSection(select({ option_groups: [group('g')] })),
      `must provide exactly one of options or option_groups [json-pointer:${at}]`,
    );
    expectInvalid(
      inSection({ type: 'static_select', action_id: 's' }),
      `must provide exactly one of options or option_groups [json-pointer:${at}]`,
    );
  });

  it('overflow: 2..5 options, which may carry a url', () => {
    const overflow = (n: number) => actions({ type: 'overflow', action_id: 'o', options: options(n) });
    expectTaken([overflow(2)]);
    expectTaken([overflow(5)]);
    expectTaken([
      actions({
        type: 'overflow',
        action_id: 'o',
        options: [option(0, { url: 'https://x.test' }), option(1)],
      }),
    ]);
    expectInvalid([overflow(1)], 'must provide at least 2 items [json-pointer:/blocks/0/elements/0/options]');
    expectInvalid([overflow(6)], 'no more than 5 items allowed [json-pointer:/blocks/0/elements/0/options]');
  });

  it('checkboxes and radio buttons: 1..10 options', () => {
    const boxes = (n: number) => actions({ type: 'checkboxes', action_id: 'c', options: options(n) });
    expectTaken([boxes(10)]);
    expectInvalid([boxes(11)], 'no more than 10 items allowed [json-pointer:/blocks/0/elements/0/options]');
  });

  it('confirmation dialog: title ≤ 100, text ≤ 300, confirm and deny ≤ 30', () => {
    const confirm = (extra: Block = {}) => ({
      title: plain(x(100)),
      text: plain(x(300)),
      confirm: plain(x(30)),
      deny: plain(x(30)),
      ...extra,
    });
    const at = '/blocks/0/elements/0/confirm';
    expectTaken([actions(button({ confirm: confirm() }))]);
    expectInvalid(
      [actions(button({ confirm: confirm({ title: plain(x(101)) }) }))],
      `must be less than 101 characters [json-pointer:${at}/title/text]`,
    );
    expectInvalid(
      [actions(button({ confirm: confirm({ text: plain(x(301)) }) }))],
      `must be less than 301 characters [json-pointer:${at}/text/text]`,
    );
    expectInvalid(
      [actions(button({ confirm: confirm({ deny: plain(x(31)) }) }))],
      `must be less than 31 characters [json-pointer:${at}/deny/text]`,
    );
  });
});

describe('image and markdown blocks', () => {
  const image = (extra: Block = {}): Block => ({
    type: 'image',
    image_url: 'https://x.test/a.png',
    alt_text: 'a',
    ...extra,
  });

  it('image: image_url ≤ 3000 (or slack_file), alt_text 1..2000, title ≤ 2000', () => {
    expectTaken([
      image({ image_url: `https://x.test/${x(2984)}`, alt_text: x(2000), title: plain(x(2000)) }),
    ]);
    expectTaken([{ type: 'image', slack_file: { id: 'F0123' }, alt_text: 'a' }]);
    expectInvalid(
      [image({ image_url: x(3001) })],
      'must be less than 3001 characters [json-pointer:/blocks/0/image_url]',
    );
    expectInvalid(
      [image({ alt_text: x(2001) })],
      'must be less than 2001 characters [json-pointer:/blocks/0/alt_text]',
    );
    expectInvalid(
      [image({ title: plain(x(2001)) })],
      'must be less than 2001 characters [json-pointer:/blocks/0/title/text]',
    );
    expectInvalid(
      [{ type: 'image', alt_text: 'a' }],
      'missing required field: image_url [json-pointer:/blocks/0]',
    );
  });

  it('markdown: 12,000 characters, in one block or across all of them', () => {
    expectTaken([{ type: 'markdown', text: x(12_000) }]);
    expectInvalid(
      [{ type: 'markdown', text: x(12_001) }],
      'must be less than 12001 characters [json-pointer:/blocks/0/text]',
    );
    expectInvalid(
      [
        { type: 'markdown', text: x(6000) },
        { type: 'markdown', text: x(6001) },
      ],
      'markdown blocks hold more than 12000 characters [json-pointer:/blocks]',
    );
  });
});

describe('table, data_table and rich_text blocks', () => {
  const table = (r: unknown[], extra: Block = {}): Block => ({ type: 'table', rows: r, ...extra });
  const dataTable = (r: unknown[], extra: Block = {}): Block => ({
    type: 'data_table',
    caption: 'Jobs',
    rows: r,
    ...extra,
  });

  it('table: 1..100 rows of 1..20 cells, one table per message', () => {
    expectTaken([table(rows(100, 20))]);
    expectInvalid([table(rows(101))], 'no more than 100 items allowed [json-pointer:/blocks/0/rows]');
    expectInvalid([table([row(21)])], 'no more than 20 items allowed [json-pointer:/blocks/0/rows/0]');
    expectInvalid([table([])], 'must provide at least 1 items [json-pointer:/blocks/0/rows]');
    expectInvalid(
      [table(rows(1)), table(rows(1))],
      'no more than 1 table blocks allowed [json-pointer:/blocks]',
    );
  });

  it('table cells: raw_text of at least 1 character, raw_number, or rich_text', () => {
    expectTaken([table([[raw('a'), { type: 'raw_number', value: 3, text: '3' }, rich(richSection('r'))]])]);
    expectInvalid(
      [table([[raw('')]])],
      'must be more than 0 characters [json-pointer:/blocks/0/rows/0/0/text]',
    );
    expectInvalid(
      [table([[mrkdwn('a')]])],
      'must be one of raw_text, raw_number, rich_text [json-pointer:/blocks/0/rows/0/0/type]',
    );
  });

  it('table column_settings: ≤ 20, align left, center or right', () => {
    const settings = (n: number, align = 'right') => Array.from({ length: n }, () => ({ align }));
    expectTaken([table(rows(1), { column_settings: settings(20) })]);
    expectInvalid(
      [table(rows(1), { column_settings: settings(21) })],
      'no more than 20 items allowed [json-pointer:/blocks/0/column_settings]',
    );
    expectInvalid(
      [table(rows(1), { column_settings: settings(1, 'middle') })],
      'must be one of left, center, right [json-pointer:/blocks/0/column_settings/0/align]',
    );
  });

  it('data_table: a header and 1..100 rows of equal length, ≤ 20 columns, a caption', () => {
    expectTaken([dataTable(rows(101, 20))]);
    expectInvalid([dataTable(rows(102))], 'no more than 101 items allowed [json-pointer:/blocks/0/rows]');
    expectInvalid([dataTable(rows(1))], 'must provide at least 2 items [json-pointer:/blocks/0/rows]');
    expectInvalid(
      [dataTable([row(21), row(21)])],
      'no more than 20 items allowed [json-pointer:/blocks/0/rows/0]',
    );
    expectInvalid(
      [dataTable([row(2), row(3)])],
      'must have as many cells as the header row [json-pointer:/blocks/0/rows/1]',
    );
    expectInvalid(
      [{ type: 'data_table', rows: rows(2) }],
      'missing required field: caption [json-pointer:/blocks/0]',
    );
  });

  it('data_table: rich_text in data rows, not in the header; page_size 1..100', () => {
    expectTaken([
      dataTable([[raw('h')], [rich(richSection('r'))]], { page_size: 100, row_header_column_index: 0 }),
    ]);
    expectInvalid(
      [dataTable([[rich(richSection('h'))], [raw('r')]])],
      'must be one of raw_text, raw_number [json-pointer:/blocks/0/rows/0/0/type]',
    );
    expectInvalid(
      [dataTable(rows(2), { page_size: 101 })],
      'must be an integer from 1 to 100 [json-pointer:/blocks/0/page_size]',
    );
    expectInvalid(
      [dataTable(rows(2), { page_size: 0 })],
      'must be an integer from 1 to 100 [json-pointer:/blocks/0/page_size]',
    );
  });

  it('rich_text: sections, lists (bullet or ordered), preformatted and quote of inline elements', () => {
    expectTaken([
      rich(
        richSection('a'),
        { type: 'rich_text_list', style: 'ordered', elements: [richSection('b')] },
        { type: 'rich_text_quote', elements: [{ type: 'link', url: 'https://x.test' }] },
        { type: 'rich_text_preformatted', elements: [{ type: 'user', user_id: 'U0123' }] },
      ),
    ]);
    expectInvalid(
      [rich({ type: 'rich_text_list', style: 'dashed', elements: [richSection('b')] })],
      'must be one of bullet, ordered [json-pointer:/blocks/0/elements/0/style]',
    );
    expectInvalid(
      [rich({ type: 'rich_text_section', elements: [{ type: 'text' }] })],
      'missing required field: text [json-pointer:/blocks/0/elements/0/elements/0]',
    );
    expectInvalid(
      [rich({ type: 'paragraph', elements: [] })],
      'must be one of rich_text_section, rich_text_list, rich_text_preformatted, rich_text_quote [json-pointer:/blocks/0/elements/0/type]',
    );
    expectInvalid([rich()], 'must provide at least 1 items [json-pointer:/blocks/0/elements]');
  });
});

describe("the stand-in's answer, as Slack words it", () => {
  it('invalid_blocks carries errors and response_metadata.messages', () => {
    expect(messageError({ text: 't', blocks: [{ type: 'header', text: plain(x(151)) }] })).toEqual({
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
      response_metadata: {
        messages: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
      },
    });
  });

  it('checks the blocks first: invalid_blocks wins over msg_too_long; a message Slack takes gets no answer', () => {
    expect(messageError({ text: x(40_001), blocks: [{ type: 'nope' }] })?.error).toBe('invalid_blocks');
    expect(messageError({ text: x(40_001) })).toEqual({ ok: false, error: 'msg_too_long' });
    expect(messageError({ text: 'fine', blocks: [section('fine')] })).toBeUndefined();
  });
});
