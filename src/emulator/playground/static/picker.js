// A select menu as Slack draws one in modals and Home tabs: a field that opens a list with a search
// box, option groups, and for multi-selects the chosen items as removable chips. Everything works by
// clicking; the search box and Escape are there for the keyboard.
import { h, icon } from './dom.js';

const MENU_HEIGHT = 280;

/**
 * `items`: `{ value, label (nodes or text), search (text), group?, lead? (a node) }`. `multi` takes and
 * gives a list of values, else one value or null. `onChange(value)` runs on every change.
 */
export function createPicker({ items, multi, placeholder, value, max, disabled, note, onChange, data }) {
  let chosen = multi ? [...(value ?? [])] : (value ?? null);
  const byValue = new Map(items.map((item) => [item.value, item]));
  const field = h('div', { class: `picker${multi ? ' is-multi' : ''}`, dataset: data });
  const trigger = h('button', {
    class: 'picker-trigger',
    type: 'button',
    'aria-haspopup': 'listbox',
    'aria-expanded': 'false',
    disabled,
  });
  const search = h('input', {
    class: 'picker-search',
    type: 'search',
    placeholder: 'Search',
    'aria-label': 'Search',
  });
  const list = h('div', {
    class: 'picker-options',
    role: 'listbox',
    'aria-multiselectable': multi ? 'true' : undefined,
  });
  const menu = h('div', { class: 'picker-menu', hidden: true }, search, list);
  const isChosen = (v) => (multi ? chosen.includes(v) : chosen === v);
  // An item's nodes show in the field and in the list at once: each place gets its own copy.
  const copy = (nodes) => [nodes].flat().map((n) => (n instanceof Node ? n.cloneNode(true) : n));
  const labelOf = (v) => copy(byValue.get(v)?.label ?? v);
  const leadOf = (v) => (byValue.get(v)?.lead ? copy(byValue.get(v).lead) : null);

  function drawField() {
    const chips = multi
      ? chosen.map((v) => {
          const remove = h(
            'button',
            {
              class: 'picker-chip-remove',
              type: 'button',
              'aria-label': `Remove ${byValue.get(v)?.search ?? v}`,
            },
            icon('close', 10),
          );
          remove.addEventListener('click', (e) => {
            e.stopPropagation();
            set(chosen.filter((c) => c !== v));
          });
          return h(
            'span',
            { class: 'picker-chip', dataset: { value: v } },
            leadOf(v),
            h('span', { class: 'picker-label' }, labelOf(v)),
            remove,
          );
        })
      : [];
    const empty = multi ? chosen.length === 0 : chosen === null;
    trigger.replaceChildren(
      empty || multi
        ? h('span', { class: 'picker-placeholder' }, empty ? placeholder : '')
        : h(
            'span',
            { class: 'picker-value' },
            leadOf(chosen),
            h('span', { class: 'picker-label' }, labelOf(chosen)),
          ),
      icon('chevron', 14),
    );
    field.replaceChildren(...chips, trigger, ...(note ? [h('div', { class: 'picker-note' }, note)] : []));
  }

  function drawList() {
    const wanted = search.value.trim().toLowerCase();
    const shown = items.filter((item) => !wanted || item.search.toLowerCase().includes(wanted));
    const full = multi && max && chosen.length >= max;
    const nodes = [];
    let group;
    for (const item of shown) {
      if (item.group !== undefined && item.group !== group) {
        group = item.group;
        nodes.push(h('div', { class: 'picker-group', role: 'presentation' }, item.group));
      }
      const selected = isChosen(item.value);
      const option = h(
        'button',
        {
          class: `picker-option${selected ? ' is-selected' : ''}`,
          type: 'button',
          role: 'option',
          'aria-selected': String(selected),
          disabled: full && !selected,
          dataset: { value: item.value },
        },
        leadOf(item.value),
        h('span', { class: 'picker-option-label' }, labelOf(item.value)),
        item.hint ? h('span', { class: 'picker-option-hint' }, item.hint) : null,
      );
      option.addEventListener('click', () => pick(item.value));
      nodes.push(option);
    }
    if (shown.length === 0)
      nodes.push(h('div', { class: 'picker-empty' }, items.length ? 'No matches' : 'No options'));
    list.replaceChildren(...nodes);
  }

  function place() {
    const box = field.getBoundingClientRect();
    const below = window.innerHeight - box.bottom;
    menu.style.left = `${box.left}px`;
    menu.style.width = `${box.width}px`;
    menu.style.top = below < MENU_HEIGHT && box.top > below ? '' : `${box.bottom + 4}px`;
    menu.style.bottom = below < MENU_HEIGHT && box.top > below ? `${window.innerHeight - box.top + 4}px` : '';
  }

  const outside = (e) => {
    if (!field.contains(e.target) && !menu.contains(e.target)) close();
  };
  // The menu follows its field when the view scrolls (its own list scrolls inside it).
  const follow = (e) => {
    if (!menu.contains(e.target)) place();
  };
  function open() {
    if (!menu.hidden) return;
    search.value = '';
    drawList();
    document.body.append(menu);
    menu.hidden = false;
    place();
    trigger.setAttribute('aria-expanded', 'true');
    document.addEventListener('mousedown', outside, true);
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', place);
    search.focus({ preventScroll: true });
  }
  function close() {
    if (menu.hidden) return;
    menu.hidden = true;
    menu.remove();
    trigger.setAttribute('aria-expanded', 'false');
    document.removeEventListener('mousedown', outside, true);
    window.removeEventListener('scroll', follow, true);
    window.removeEventListener('resize', place);
  }
  function set(next) {
    chosen = next;
    drawField();
    onChange?.(multi ? [...chosen] : chosen);
  }
  function pick(v) {
    close();
    if (multi) set(chosen.includes(v) ? chosen.filter((c) => c !== v) : [...chosen, v]);
    else set(v);
    trigger.focus();
  }

  trigger.addEventListener('click', () => (menu.hidden ? open() : close()));
  field.addEventListener('click', (e) => {
    if (e.target === field && !disabled) open();
  });
  search.addEventListener('input', drawList);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
      trigger.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      list.querySelector('.picker-option:not([disabled])')?.click();
    }
  });
  drawField();
  return {
    node: field,
    read: () => (multi ? [...chosen] : chosen),
    focus: () => trigger.focus(),
    /** Removes the open menu (it lives on the page's body, outside the view). */
    dispose: close,
  };
}
