// Slack mrkdwn to DOM: code blocks, quotes, *bold*, _italic_, ~strike~, `code`, <links|text>,
// <@U…> and <#C…> mentions, <!here>, :emoji: and the &amp; &lt; &gt; entities. Text only ever
// becomes text nodes.

import { h } from './dom.js';
import { emojiFor } from './emoji.js';
import { decodeEntities, link, token } from './tokens.js';

export { decodeEntities };

const WORD = /[\p{L}\p{N}]/u;
const URL_TEXT = /\bhttps?:\/\/[^\s<>]+[^\s<>.,;:!?)\]'"]/g;
function emoji(name) {
  const char = emojiFor(name);
  return char
    ? h('span', { class: 'emoji', title: `:${name}:`, role: 'img', 'aria-label': name }, char)
    : null;
}

function textNodes(text, opts) {
  const plain = decodeEntities(text);
  if (opts.verbatim) return [plain];
  const out = [];
  let last = 0;
  for (const m of plain.matchAll(URL_TEXT)) {
    out.push(plain.slice(last, m.index), link(m[0], [m[0]]));
    last = m.index + m[0].length;
  }
  out.push(plain.slice(last));
  return out;
}

const STYLES = { '*': 'b', _: 'i', '~': 's' };

/** The index of the marker closing a style that opens at `start`, or -1. */
function closing(text, start, marker) {
  for (let j = start + 2; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (c !== marker) continue;
    const before = text[j - 1];
    const after = text[j + 1];
    if (/\s/.test(before)) continue;
    if (after !== undefined && WORD.test(after)) continue;
    return j;
  }
  return -1;
}

/** Inline mrkdwn of one line or paragraph. */
export function inline(text, ctx = {}, opts = { verbatim: true }) {
  const out = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push(...textNodes(buffer, opts));
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i);
    let m = c === '`' ? /^`([^`\n]+)`/.exec(rest) : null;
    if (m) {
      flush();
      out.push(h('code', { class: 'code' }, decodeEntities(m[1])));
      i += m[0].length;
      continue;
    }
    m = c === '<' ? /^<([^<>\n]+)>/.exec(rest) : null;
    if (m) {
      flush();
      out.push(token(m[1], ctx, (label) => inline(label, ctx, { ...opts, verbatim: true })));
      i += m[0].length;
      continue;
    }
    m = c === ':' ? /^:([a-z0-9_+'-]+(?:::skin-tone-\d)?):/.exec(rest) : null;
    const glyph = m && emoji(m[1]);
    if (glyph) {
      flush();
      out.push(glyph);
      i += m[0].length;
      continue;
    }
    if (STYLES[c] && (i === 0 || !WORD.test(text[i - 1])) && text[i + 1] && !/\s/.test(text[i + 1])) {
      const end = closing(text, i, c);
      if (end > 0) {
        flush();
        out.push(h(STYLES[c], {}, ...inline(text.slice(i + 1, end), ctx, opts)));
        i = end + 1;
        continue;
      }
    }
    buffer += c;
    i += 1;
  }
  flush();
  return out;
}

/** Lines starting with `>` (escaped as `&gt;`) are quotes; `>>>` quotes everything after it. */
function paragraphs(text) {
  const out = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const all = /^(?:>>>|&gt;&gt;&gt;) ?([\s\S]*)$/.exec(line);
    if (all) {
      out.push({ quote: true, lines: [all[1], ...lines.slice(n + 1)] });
      break;
    }
    const q = /^(?:>|&gt;) ?(.*)$/.exec(line);
    const last = out.at(-1);
    if (last && last.quote === Boolean(q)) last.lines.push(q ? q[1] : line);
    else out.push({ quote: Boolean(q), lines: [q ? q[1] : line] });
  }
  return out;
}

/** A mrkdwn string as DOM nodes, for a container that keeps line breaks (white-space: pre-wrap). */
export function renderMrkdwn(text, ctx = {}, opts = { verbatim: true }) {
  const frag = document.createDocumentFragment();
  const parts = String(text ?? '').split('```');
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)}\`\`\`${parts.at(-1)}`);
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      frag.append(h('pre', { class: 'pre' }, decodeEntities(part.replace(/^\n/, '').replace(/\n$/, ''))));
      return;
    }
    const trimmed = index > 0 ? part.replace(/^\n/, '') : part;
    const body = index < parts.length - 1 ? trimmed.replace(/\n$/, '') : trimmed;
    if (body === '') return;
    for (const p of paragraphs(body)) {
      const nodes = inline(p.lines.join('\n'), ctx, opts);
      frag.append(p.quote ? h('blockquote', { class: 'quote' }, ...nodes) : h('span', {}, ...nodes));
    }
  });
  return frag;
}
