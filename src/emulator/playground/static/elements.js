// Block Kit interactive and image elements. A click goes to the app through `ctx.act`, which
// resolves once the app acknowledged it; the element shows it is busy until then.
import { confirmFirst } from './confirm.js';
import { h, icon } from './dom.js';
import { withEmoji } from './emoji.js';
import { inline } from './mrkdwn.js';

const SAFE_LINK = /^https?:/i;
const SAFE_IMAGE = /^(?:https?:|\/|data:image\/)/i;

/** A text object: plain_text (with emoji unless `emoji: false`) or mrkdwn. */
export function textObject(t, ctx) {
  if (!t) return [];
  if (t.type === 'mrkdwn') return inline(String(t.text ?? ''), ctx, { verbatim: t.verbatim !== false });
  const text = String(t.text ?? '');
  return [t.emoji === false ? text : withEmoji(text)];
}

function plainOf(t) {
  if (!t) return '';
  const text = String(t.text ?? '');
  return t.emoji === false ? text : withEmoji(text);
}

function busy(node, promise) {
  node.classList.add('is-busy');
  node.setAttribute('aria-busy', 'true');
  if ('disabled' in node) node.disabled = true;
  promise.finally(() => {
    node.classList.remove('is-busy');
    node.removeAttribute('aria-busy');
    if ('disabled' in node) node.disabled = false;
  });
}

function button(el, blockId, ctx) {
  const data = { actionId: el.action_id ?? '', blockId };
  const cls = `bk-button${el.style === 'primary' || el.style === 'danger' ? ` bk-${el.style}` : ''}`;
  const label = h('span', { class: 'bk-button-label' }, ...textObject(el.text, ctx));
  const url = typeof el.url === 'string' && SAFE_LINK.test(el.url) ? el.url : undefined;
  const node = url
    ? h(
        'a',
        { class: cls, href: url, target: '_blank', rel: 'noopener noreferrer', dataset: data },
        label,
        icon('external', 12),
      )
    : h('button', { class: cls, type: 'button', dataset: data }, label);
  if (el.accessibility_label) node.setAttribute('aria-label', el.accessibility_label);
  // A url button opens its link (the anchor's default) and Slack still sends the click.
  node.addEventListener('click', async (event) => {
    if (el.confirm) {
      // A link waits for the answer too: it opens only once confirmed.
      event.preventDefault();
      if (!(await confirmFirst(el.confirm, (t) => textObject(t, ctx)))) return;
      if (url) window.open(url, '_blank', 'noopener');
    }
    busy(node, ctx.act(el, blockId, {}));
  });
  return node;
}

function option(o, selected) {
  return h(
    'option',
    { value: o.value ?? '', selected: selected && selected.value === o.value },
    plainOf(o.text),
  );
}

function staticSelect(el, blockId, ctx) {
  const placeholder = plainOf(el.placeholder) || 'Select an item';
  const initial = el.initial_option;
  const select = h(
    'select',
    { class: 'bk-select', 'aria-label': placeholder, dataset: { actionId: el.action_id ?? '', blockId } },
    h('option', { value: '', disabled: true, selected: !initial }, placeholder),
    ...(el.options ?? []).map((o) => option(o, initial)),
    ...(el.option_groups ?? []).map((g) =>
      h('optgroup', { label: plainOf(g.label) }, ...(g.options ?? []).map((o) => option(o, initial))),
    ),
  );
  select.addEventListener('change', () => {
    if (select.value !== '') busy(select, ctx.act(el, blockId, { selectedOption: select.value }));
  });
  return h('span', { class: 'bk-select-wrap' }, select, icon('chevron', 14));
}

function overflow(el, blockId, ctx) {
  const menu = h('div', { class: 'bk-menu', role: 'menu', hidden: true });
  const toggle = h(
    'button',
    {
      class: 'bk-button bk-overflow',
      type: 'button',
      'aria-label': 'More actions',
      'aria-haspopup': 'menu',
      dataset: { actionId: el.action_id ?? '', blockId },
    },
    icon('dots', 14),
  );
  const close = (event) => {
    if (event && menu.contains(event.target)) return;
    menu.hidden = true;
    document.removeEventListener('click', close, true);
  };
  for (const o of el.options ?? []) {
    const item = h('button', { class: 'bk-menu-item', type: 'button', role: 'menuitem' }, plainOf(o.text));
    item.addEventListener('click', () => {
      close();
      if (typeof o.url === 'string' && SAFE_LINK.test(o.url)) window.open(o.url, '_blank', 'noopener');
      busy(toggle, ctx.act(el, blockId, { selectedOption: o.value }));
    });
    menu.append(item);
  }
  toggle.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
    if (!menu.hidden) setTimeout(() => document.addEventListener('click', close, true));
  });
  return h('span', { class: 'bk-overflow-wrap' }, toggle, menu);
}

/** The URL of an image element or block, when it is one the page may show. */
export function imageUrl(el) {
  const url = el.image_url ?? el.slack_file?.url;
  return typeof url === 'string' && SAFE_IMAGE.test(url) ? url : undefined;
}

function image(el, cls) {
  const src = imageUrl(el);
  if (!src) return h('span', { class: `${cls} bk-missing` }, el.alt_text ?? 'image');
  return h('img', {
    class: cls,
    src,
    alt: el.alt_text ?? '',
    loading: 'lazy',
    referrerpolicy: 'no-referrer',
  });
}

/** An element of an actions block or a section accessory. */
export function renderElement(el, blockId, ctx, place = 'actions') {
  // In a modal or Home tab, selects, checkboxes, radio buttons and pickers hold state (ctx.viewElement).
  if (ctx.viewElement && !['button', 'overflow', 'image'].includes(el?.type)) {
    const node = ctx.viewElement(el, blockId);
    if (node) return node;
  }
  switch (el?.type) {
    case 'button':
      return button(el, blockId, ctx);
    case 'static_select':
      return staticSelect(el, blockId, ctx);
    case 'overflow':
      return overflow(el, blockId, ctx);
    case 'image':
      return image(el, place === 'context' ? 'bk-context-image' : 'bk-accessory-image');
    default:
      return h('span', { class: 'bk-unsupported' }, `[${el?.type ?? 'element'}]`);
  }
}
