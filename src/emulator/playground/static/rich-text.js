// rich_text blocks: sections, lists, quotes and preformatted runs of styled elements.
import { h } from './dom.js';
import { emojiFor } from './emoji.js';
import { link } from './tokens.js';

function styled(node, style) {
  if (!style) return node;
  let out = node;
  if (style.code) out = h('code', { class: 'code' }, out);
  if (style.strike) out = h('s', {}, out);
  if (style.italic) out = h('i', {}, out);
  if (style.bold) out = h('b', {}, out);
  return out;
}

function element(el, ctx) {
  switch (el?.type) {
    case 'text':
      return styled(document.createTextNode(String(el.text ?? '')), el.style);
    case 'link':
      return styled(link(String(el.url ?? ''), [String(el.text ?? el.url ?? '')]), el.style);
    case 'emoji':
      return h(
        'span',
        { class: 'emoji', title: `:${el.name}:` },
        el.unicode ? codePoints(el.unicode) : (emojiFor(String(el.name)) ?? `:${el.name}:`),
      );
    case 'user': {
      const name = ctx.userName?.(el.user_id) ?? el.user_id;
      const me = el.user_id === ctx.currentUser ? ' mention-me' : '';
      return h('span', { class: `mention mention-user${me}` }, `@${name}`);
    }
    case 'channel':
      return h(
        'span',
        { class: 'mention mention-channel' },
        `#${ctx.channelName?.(el.channel_id) ?? el.channel_id}`,
      );
    case 'usergroup':
      return h('span', { class: 'mention mention-user' }, `@${el.usergroup_id}`);
    case 'broadcast':
      return h('span', { class: 'mention mention-broadcast mention-me' }, `@${el.range}`);
    case 'date':
      return document.createTextNode(
        String(el.fallback ?? new Date(Number(el.timestamp) * 1000).toLocaleString()),
      );
    case 'color':
      return h('span', { class: 'color-chip', title: el.value }, String(el.value ?? ''));
    default:
      return null;
  }
}

function codePoints(unicode) {
  try {
    return String.fromCodePoint(
      ...String(unicode)
        .split('-')
        .map((p) => Number.parseInt(p, 16)),
    );
  } catch {
    return '';
  }
}

function run(elements, ctx) {
  return (Array.isArray(elements) ? elements : []).map((el) => element(el, ctx));
}

function part(p, ctx) {
  switch (p?.type) {
    case 'rich_text_section':
      return h('div', { class: 'rt-section' }, ...run(p.elements, ctx));
    case 'rich_text_preformatted':
      return h('pre', { class: 'pre' }, ...run(p.elements, ctx));
    case 'rich_text_quote':
      return h('blockquote', { class: 'quote' }, ...run(p.elements, ctx));
    case 'rich_text_list': {
      const tag = p.style === 'ordered' ? 'ol' : 'ul';
      const indent = Math.min(Number(p.indent) || 0, 6);
      const items = (p.elements ?? []).map((item) => h('li', {}, ...run(item.elements, ctx)));
      return h(
        tag,
        { class: `rt-list rt-indent-${indent}`, start: p.offset ? p.offset + 1 : undefined },
        ...items,
      );
    }
    default:
      return null;
  }
}

/** A rich_text block (also a rich_text table cell). */
export function renderRichText(block, ctx) {
  return h('div', { class: 'rich-text' }, ...(block.elements ?? []).map((p) => part(p, ctx)));
}
