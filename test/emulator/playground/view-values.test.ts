import { beforeAll, describe, expect, it } from 'vitest';
import { staticModule } from './static-module.js';

type Value = string | string[] | null;
type Obj = Record<string, unknown>;
interface ViewValues {
  fromState(entry: unknown): Value;
  initialOf(element: Obj, current?: { conversation?: string }): Value;
  startValue(view: Obj, blockId: string, element: Obj, kept: Map<string, Value>, current?: Obj): Value;
  valueKey(blockId: string, actionId: string): string;
  toValues(entries: [string, string, Value][]): Record<string, Record<string, Value>>;
}

const option = (value: string) => ({ text: { type: 'plain_text', text: value.toUpperCase() }, value });

let m: ViewValues;
beforeAll(async () => {
  m = await staticModule<ViewValues>('view-values.js');
});

describe('what the playground keeps of a view’s inputs', () => {
  it('reads every state.values shape Slack sends back into the page’s value', () => {
    const cases: [unknown, Value][] = [
      [{ type: 'plain_text_input', value: 'x' }, 'x'],
      [{ type: 'plain_text_input', value: null }, null],
      [{ type: 'static_select', selected_option: option('a') }, 'a'],
      [{ type: 'checkboxes', selected_options: [option('a'), option('b')] }, ['a', 'b']],
      [{ type: 'users_select', selected_user: 'U1' }, 'U1'],
      [{ type: 'multi_conversations_select', selected_conversations: ['C1'] }, ['C1']],
      [{ type: 'datepicker', selected_date: '2026-11-01' }, '2026-11-01'],
      [{ type: 'datetimepicker', selected_date_time: 1795000000 }, '1795000000'],
      [
        {
          type: 'rich_text_input',
          rich_text_value: { elements: [{ elements: [{ type: 'text', text: 'hi' }] }] },
        },
        'hi',
      ],
      [undefined, null],
    ];
    for (const [entry, value] of cases) expect([entry, m.fromState(entry)]).toEqual([entry, value]);
  });

  it('starts from the element’s initial_* fields, the current conversation when asked', () => {
    expect(m.initialOf({ type: 'static_select', initial_option: option('b') })).toBe('b');
    expect(m.initialOf({ type: 'multi_static_select', initial_options: [option('a')] })).toEqual(['a']);
    expect(m.initialOf({ type: 'multi_users_select' })).toEqual([]);
    expect(m.initialOf({ type: 'users_select', initial_user: 'U2' })).toBe('U2');
    expect(m.initialOf({ type: 'plain_text_input', initial_value: '' })).toBeNull();
    expect(
      m.initialOf(
        { type: 'conversations_select', default_to_current_conversation: true },
        { conversation: 'C9' },
      ),
    ).toBe('C9');
    expect(
      m.initialOf(
        { type: 'multi_conversations_select', default_to_current_conversation: true },
        { conversation: 'C9' },
      ),
    ).toEqual(['C9']);
  });

  it('prefers what the user entered on the page, then what the stand-in holds, then the initial value', () => {
    const element = { type: 'plain_text_input', action_id: 'a', initial_value: 'initial' };
    const view = { state: { b: { a: { type: 'plain_text_input', value: 'stored' } } } };
    const kept = new Map<string, Value>();
    expect(m.startValue({}, 'b', element, kept)).toBe('initial');
    expect(m.startValue(view, 'b', element, kept)).toBe('stored');
    kept.set(m.valueKey('b', 'a'), null);
    // An emptied field stays empty across a redraw, initial value or not.
    expect(m.startValue(view, 'b', element, kept)).toBeNull();
    expect(m.startValue(view, 'other', element, kept)).toBe('initial');
  });

  it('turns entries into the ViewValues the stand-in takes, empty ones as null', () => {
    expect(
      m.toValues([
        ['name', 'v', 'x'],
        ['name', 'w', ''],
        ['tags', 'v', []],
        ['who', 'v', ['U1']],
      ]),
    ).toEqual({ name: { v: 'x', w: null }, tags: { v: null }, who: { v: ['U1'] } });
  });
});
