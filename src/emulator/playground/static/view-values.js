// What a view's inputs hold, as the page keeps it: a string (text, an option's value, an id), a list
// (multi-selects, checkboxes) or null (nothing). The same shape goes to the stand-in on a click or a
// submission, which turns it into Slack's `state.values`. No DOM here: the unit tests import it.

/** The value of one `state.values` entry as Slack shapes it (view interaction payloads reference). */
export function fromState(entry) {
  if (!entry || typeof entry !== 'object') return null;
  if ('selected_option' in entry) return entry.selected_option?.value ?? null;
  if ('selected_options' in entry) return (entry.selected_options ?? []).map((o) => o.value);
  for (const field of ['selected_users', 'selected_conversations', 'selected_channels']) {
    if (field in entry) return [...(entry[field] ?? [])];
  }
  for (const field of ['selected_user', 'selected_conversation', 'selected_channel', 'selected_date']) {
    if (field in entry) return entry[field] ?? null;
  }
  if ('selected_time' in entry) return entry.selected_time ?? null;
  if ('selected_date_time' in entry)
    return entry.selected_date_time === null ? null : String(entry.selected_date_time);
  if ('rich_text_value' in entry) return richText(entry.rich_text_value);
  return entry.value ?? null;
}

function richText(value) {
  if (!value) return null;
  const text = (value.elements ?? [])
    .flatMap((section) => section.elements ?? [])
    .map((el) => el.text ?? '')
    .join('');
  return text === '' ? null : text;
}

const MULTI = /^multi_|^checkboxes$/;

/** True for elements whose value is a list. */
export function isMulti(element) {
  return MULTI.test(String(element?.type ?? ''));
}

/** What an element shows before the user touches it: its `initial_*` field, as the page's value. */
export function initialOf(element, current = {}) {
  const el = element ?? {};
  if (isMulti(el)) {
    const list =
      el.initial_options?.map((o) => o.value) ??
      el.initial_users ??
      el.initial_conversations ??
      el.initial_channels ??
      (el.default_to_current_conversation && current.conversation ? [current.conversation] : []);
    return [...list];
  }
  const one =
    el.initial_option?.value ??
    el.initial_user ??
    el.initial_conversation ??
    el.initial_channel ??
    el.initial_date ??
    el.initial_time ??
    (el.initial_date_time === undefined ? undefined : String(el.initial_date_time)) ??
    el.initial_value ??
    (el.default_to_current_conversation ? current.conversation : undefined);
  if (el.type === 'rich_text_input' && typeof one === 'object') return richText(one);
  return typeof one === 'string' && one !== '' ? one : null;
}

/**
 * The value an element starts with when its view is drawn: what the user entered on this page
 * (`kept`, a Map by block_id + action_id, also when they emptied it), else what the stand-in holds
 * for the view, else the element's initial value. Slack keeps what was entered across views.update
 * when the block_id and action_id stay the same; a new view (a push) starts from its initial values.
 */
export function startValue(view, blockId, element, kept, current) {
  const key = valueKey(blockId, element?.action_id);
  if (kept?.has(key)) return kept.get(key);
  const stored = fromState(view?.state?.[blockId]?.[element?.action_id]);
  const empty = stored === null || (Array.isArray(stored) && stored.length === 0);
  return empty ? initialOf(element, current) : stored;
}

export function valueKey(blockId, actionId) {
  return `${blockId}\u0000${actionId}`;
}

/** True when nothing is entered: null, '' or an empty list. */
export function isBlank(value) {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Turns `[blockId, actionId, value]` entries into `{ blockId: { actionId: value } }`. */
export function toValues(entries) {
  const values = {};
  for (const [blockId, actionId, value] of entries) {
    values[blockId] = { ...values[blockId], [actionId]: isBlank(value) ? null : value };
  }
  return values;
}
