import type { SlackBlock, StoredView, ViewStateValue, ViewStateValues } from './types.js';

type Obj = Record<string, unknown>;

/**
 * What a test says the user entered: text for text inputs, pickers and single selects (the option's
 * value, or a user / conversation / channel id), a list for multi-selects and checkboxes, null for
 * nothing.
 */
export type ViewInputValue = string | readonly string[] | null;

/** Entered values, keyed by block_id, then action_id. */
export type ViewValues = Record<string, Record<string, ViewInputValue>>;

type Kind = 'text' | 'option' | 'options' | 'one' | 'many' | 'number' | 'rich' | 'files';

/** Each element's field in `state.values` (view interaction payloads reference; Bolt's ViewStateValue). */
const FIELDS: Record<string, [field: string, kind: Kind]> = {
  plain_text_input: ['value', 'text'],
  email_text_input: ['value', 'text'],
  url_text_input: ['value', 'text'],
  number_input: ['value', 'text'],
  static_select: ['selected_option', 'option'],
  external_select: ['selected_option', 'option'],
  radio_buttons: ['selected_option', 'option'],
  multi_static_select: ['selected_options', 'options'],
  multi_external_select: ['selected_options', 'options'],
  checkboxes: ['selected_options', 'options'],
  users_select: ['selected_user', 'one'],
  multi_users_select: ['selected_users', 'many'],
  conversations_select: ['selected_conversation', 'one'],
  multi_conversations_select: ['selected_conversations', 'many'],
  channels_select: ['selected_channel', 'one'],
  multi_channels_select: ['selected_channels', 'many'],
  datepicker: ['selected_date', 'one'],
  timepicker: ['selected_time', 'one'],
  datetimepicker: ['selected_date_time', 'number'],
  rich_text_input: ['rich_text_value', 'rich'],
  file_input: ['files', 'files'],
};

function optionsOf(element: Obj): Obj[] {
  const groups = Array.isArray(element.option_groups) ? (element.option_groups as Obj[]) : [];
  const grouped = groups.flatMap((g) => (Array.isArray(g.options) ? (g.options as Obj[]) : []));
  return [...(Array.isArray(element.options) ? (element.options as Obj[]) : []), ...grouped];
}

/** The element's option with this value (external selects have none stored: Slack echoes what was chosen). */
function option(element: Obj, value: string): Obj {
  const found = optionsOf(element).find((o) => o.value === value);
  return found ? structuredClone(found) : { text: { type: 'plain_text', text: value }, value };
}

function list(value: ViewInputValue): string[] {
  if (value === null) return [];
  return typeof value === 'string' ? [value] : [...value];
}

function single(value: ViewInputValue): string | null {
  return typeof value === 'string' ? value : (value?.[0] ?? null);
}

/** The `state.values` entry of one element for what the user entered. */
function stateValue(element: Obj, value: ViewInputValue): ViewStateValue {
  const type = String(element.type);
  const [field, kind] = FIELDS[type] ?? ['value', 'text'];
  const one = single(value);
  const shapes: Record<Kind, () => unknown> = {
    text: () => one,
    one: () => one,
    number: () => (one === null ? null : Number(one)),
    option: () => (one === null ? null : option(element, one)),
    options: () => list(value).map((v) => option(element, v)),
    many: () => list(value),
    rich: () =>
      one === null
        ? null
        : {
            type: 'rich_text',
            elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: one }] }],
          },
    files: () => [],
  };
  return { type, [field]: shapes[kind]() };
}

/** The element with `actionId` in a block: an input's element, an actions element or a section accessory. */
export function elementIn(block: SlackBlock, actionId: string): Obj | undefined {
  const candidates: unknown[] = [];
  if (block.type === 'input') candidates.push(block.element);
  if (block.type === 'actions' && Array.isArray(block.elements)) candidates.push(...block.elements);
  if (block.type === 'section') candidates.push(block.accessory);
  return candidates.find(
    (c): c is Obj => typeof c === 'object' && c !== null && (c as Obj).action_id === actionId,
  );
}

/**
 * `view.state.values` after the user entered `values`: what was entered before, every input block
 * (empty ones too, as Slack sends them), and the new entries. Throws on a block or action the view lacks.
 */
export function enteredState(view: StoredView, values: ViewValues): ViewStateValues {
  const state = structuredClone(view.state);
  for (const block of view.blocks) {
    const element = block.element as Obj | undefined;
    if (block.type !== 'input' || !element) continue;
    const blockId = String(block.block_id);
    const actionId = String(element.action_id);
    state[blockId] = { [actionId]: stateValue(element, null), ...state[blockId] };
  }
  for (const [blockId, actions] of Object.entries(values)) {
    const block = view.blocks.find((b) => b.block_id === blockId);
    for (const [actionId, value] of Object.entries(actions)) {
      const element = block && elementIn(block, actionId);
      if (!element) throw new Error(`view ${view.id} has no element ${blockId}/${actionId}`);
      state[blockId] = { ...state[blockId], [actionId]: stateValue(element, value) };
    }
  }
  return state;
}

function isEmpty(value: ViewStateValue | undefined): boolean {
  if (!value) return true;
  const [field] = FIELDS[value.type] ?? ['value'];
  const v = value[field];
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Slack's client refuses to submit while a required input block (not `optional: true`) is empty: the
 * payload is never sent, and the field says so.
 */
export function missingRequired(view: StoredView, state: ViewStateValues): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const block of view.blocks) {
    const element = block.element as Obj | undefined;
    if (block.type !== 'input' || !element || block.optional === true) continue;
    const blockId = String(block.block_id);
    if (isEmpty(state[blockId]?.[String(element.action_id)])) {
      missing[blockId] = 'Please complete this required field.';
    }
  }
  return missing;
}
