// Block Kit input elements in a view: text, number, email, URL, date and time fields, select menus,
// checkboxes and radio buttons. Each control reports what it holds with `read()`, in the page's value
// shape (view-values.js), and calls `onChange(value)` when the user changes it.
import { choicesFor, isSelect } from './choices.js';
import { h } from './dom.js';
import { textObject } from './elements.js';
import { createPicker } from './picker.js';

let uid = 0;

function plainOf(t) {
  return String(t?.text ?? '');
}

function native(field, value, on) {
  if (value !== null && value !== undefined) field.value = value;
  field.addEventListener('input', () => on.onChange(field.value === '' ? null : field.value));
  if (on.onEnter && field.tagName === 'INPUT') {
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        on.onEnter(field.value === '' ? null : field.value);
      }
    });
  }
  return {
    node: field,
    read: () => (field.value === '' ? null : field.value),
    focus: () => field.focus(),
    // The browser checks what Slack's client checks before sending: lengths, number ranges, formats.
    problem: () => (field.checkValidity() ? undefined : field.validationMessage),
  };
}

function textField(el, value, on) {
  const attrs = {
    class: 'bk-text-input',
    id: on.id,
    placeholder: plainOf(el.placeholder) || undefined,
    minlength: el.min_length,
    maxlength: el.max_length,
    dataset: { actionId: el.action_id ?? '', type: el.type },
  };
  if (el.multiline || el.type === 'rich_text_input')
    return native(h('textarea', { ...attrs, rows: '4' }), value, on);
  const type = { email_text_input: 'email', url_text_input: 'url' }[el.type] ?? 'text';
  return native(h('input', { ...attrs, type }), value, on);
}

function numberField(el, value, on) {
  const field = h('input', {
    class: 'bk-text-input',
    id: on.id,
    type: 'number',
    inputmode: el.is_decimal_allowed ? 'decimal' : 'numeric',
    step: el.is_decimal_allowed ? 'any' : '1',
    min: el.min_value,
    max: el.max_value,
    placeholder: plainOf(el.placeholder) || undefined,
    dataset: { actionId: el.action_id ?? '', type: el.type },
  });
  return native(field, value, on);
}

function dateField(el, value, on, type) {
  const field = h('input', {
    class: 'bk-text-input bk-date-input',
    id: on.id,
    type,
    dataset: { actionId: el.action_id ?? '', type: el.type },
  });
  if (type !== 'datetime-local') return native(field, value, on);
  // datetimepicker holds epoch seconds; the field shows local time.
  const toLocal = (s) =>
    new Date(Number(s) * 1000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const control = native(field, value === null ? null : toLocal(value), {
    ...on,
    onChange: (v) => on.onChange(v === null ? null : String(Math.floor(new Date(v).getTime() / 1000))),
  });
  const read = control.read;
  return {
    ...control,
    read: () => (read() === null ? null : String(Math.floor(new Date(read()).getTime() / 1000))),
  };
}

function choices(el, value, on, ctx) {
  const multi = el.type === 'checkboxes';
  const name = `${controlId()}-choice`;
  const boxes = (el.options ?? []).map((o) => {
    const checked = multi ? (value ?? []).includes(o.value) : value === o.value;
    const box = h('input', { type: multi ? 'checkbox' : 'radio', name, value: o.value ?? '', checked });
    box.addEventListener('change', () => on.onChange(read()));
    return h(
      'label',
      { class: 'bk-choice', dataset: { value: o.value ?? '' } },
      box,
      h(
        'span',
        { class: 'bk-choice-text' },
        h('span', {}, ...textObject(o.text, ctx)),
        o.description
          ? h('span', { class: 'bk-choice-description' }, ...textObject(o.description, ctx))
          : null,
      ),
    );
  });
  const node = h(
    'div',
    {
      class: 'bk-choices',
      role: multi ? 'group' : 'radiogroup',
      'aria-labelledby': on.labelId,
      dataset: { actionId: el.action_id ?? '', type: el.type },
    },
    ...boxes,
  );
  function read() {
    const on = [...node.querySelectorAll('input:checked')].map((b) => b.value);
    return multi ? on : (on[0] ?? null);
  }
  return { node, read, focus: () => node.querySelector('input')?.focus(), problem: () => undefined };
}

function select(el, value, on, ctx) {
  const external = /external_select$/.test(el.type);
  const picker = createPicker({
    items: choicesFor(el, ctx),
    multi: el.type.startsWith('multi_'),
    placeholder: plainOf(el.placeholder) || 'Select an item',
    value,
    max: el.max_selected_items,
    disabled: external,
    // Options of an external select come from the app's options load URL, which the stand-in never calls.
    note: external
      ? 'Its options come from the app (block_suggestion), which the playground does not ask.'
      : undefined,
    onChange: on.onChange,
    data: { actionId: el.action_id ?? '', type: el.type, labelledby: on.labelId },
  });
  return { ...picker, problem: () => undefined };
}

/**
 * The control for `el` holding `value`. `on`: `{ id, labelId, onChange(value), onEnter?(value) }`;
 * `ctx` draws option text. Undefined for an element the page cannot draw.
 */
export function createControl(el, value, on, ctx) {
  switch (el?.type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'rich_text_input':
      return textField(el, value, on);
    case 'number_input':
      return numberField(el, value, on);
    case 'datepicker':
      return dateField(el, value, on, 'date');
    case 'timepicker':
      return dateField(el, value, on, 'time');
    case 'datetimepicker':
      return dateField(el, value, on, 'datetime-local');
    case 'checkboxes':
    case 'radio_buttons':
      return choices(el, value, on, ctx);
    default:
      return isSelect(el) ? select(el, value, on, ctx) : undefined;
  }
}

/** A fresh id for a label and its control. */
export function controlId() {
  uid += 1;
  return `bk-control-${uid}`;
}
