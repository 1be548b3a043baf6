// One message: author, time, blocks or text, files, "(edited)", ephemeral look and its thread.
import { renderBlocks } from './blocks.js';
import { h, icon } from './dom.js';
import { renderFiles } from './files.js';
import { renderMrkdwn } from './mrkdwn.js';
import { author, avatar, formatTime, textContext, time } from './people.js';
import { repliesOf, store } from './state.js';

/** Slack folds a follow-up from the same author within a few minutes under the first message. */
const FOLD_SECONDS = 300;

/** True when `m` shows under `prev` without its own author line. */
export function folds(prev, m) {
  if (!prev || m.ephemeral || prev.ephemeral || m.files?.length) return false;
  if (author(prev).id !== author(m).id) return false;
  return Number(m.ts) - Number(prev.ts) < FOLD_SECONDS && repliesOf(prev).length === 0;
}

function body(m, ctx) {
  const content = m.blocks?.length
    ? renderBlocks(m.blocks, ctx)
    : h(
        'div',
        { class: m.mrkdwn ? 'mrkdwn message-text' : 'plain message-text' },
        m.mrkdwn ? renderMrkdwn(m.text, ctx, { verbatim: false }) : m.text,
      );
  if (!m.edited) return h('div', { class: 'message-body' }, content);
  const edited = h('span', { class: 'edited', title: 'This message was edited' }, '(edited)');
  // Like Slack, "(edited)" follows the last words when the message ends in text.
  const tail = content.matches('.message-text')
    ? content
    : content.lastElementChild?.querySelector('.bk-section-text, .bk-context-text:last-child');
  if (tail) tail.append(' ', edited);
  return h('div', { class: 'message-body' }, content, tail ? null : edited);
}

function threadSummary(m, replies) {
  const last = replies.at(-1);
  const people = [...new Map(replies.map((r) => [author(r).id, author(r)])).values()].slice(0, 4);
  const label = `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`;
  const open = store.expanded.has(m.id);
  return h(
    'button',
    {
      class: `thread-summary${open ? ' is-open' : ''}`,
      type: 'button',
      'aria-expanded': String(open),
      dataset: { thread: m.id },
    },
    ...people.map((p) => avatar(p, 'tiny')),
    h('span', { class: 'thread-count' }, label),
    h('span', { class: 'thread-last' }, open ? 'Hide replies' : `Last reply ${formatTime(last.ts)}`),
  );
}

/**
 * A message element. `opts.compact` hides author and avatar (a follow-up of the same author);
 * `deps.act(el, blockId, extra, message)` sends a click; `deps.toggleThread(id)` and
 * `deps.dismiss(id)` change what is shown.
 */
export function renderMessage(m, opts, deps) {
  const a = author(m);
  const ctx = {
    ...textContext(),
    act: (el, blockId, extra) => deps.act(m, el, blockId, extra),
    openChannel: deps.openChannel,
    openImage: deps.openImage,
  };
  const replies = opts.reply ? [] : repliesOf(m);
  const classes = [
    'message',
    m.ephemeral && 'is-ephemeral',
    opts.compact && 'is-compact',
    opts.reply && 'is-reply',
    `from-${a.kind}`,
  ];
  const note = m.ephemeral
    ? h(
        'div',
        { class: 'ephemeral-note' },
        icon('eye', 14),
        h('span', {}, 'Only visible to you'),
        h(
          'button',
          { class: 'link-button dismiss', type: 'button', onclick: () => deps.dismiss(m.id) },
          'Dismiss message',
        ),
      )
    : null;
  const meta = opts.compact
    ? null
    : h(
        'div',
        { class: 'message-meta' },
        h('span', { class: 'author' }, a.name),
        a.kind === 'app' ? h('span', { class: 'app-badge' }, 'APP') : null,
        time(m.ts, 'message-time'),
      );
  const error = store.clickErrors.get(m.id);
  const content = h(
    'div',
    { class: 'message-content' },
    meta,
    body(m, ctx),
    renderFiles(m.files, ctx),
    error ? h('div', { class: 'message-error', role: 'alert' }, '⚠️ ', error) : null,
    replies.length ? threadSummary(m, replies) : null,
  );
  const gutter = h('div', { class: 'message-gutter' }, opts.compact ? time(m.ts, 'hover-time') : avatar(a));
  const el = h(
    'div',
    {
      class: classes.filter(Boolean).join(' '),
      dataset: { id: m.id, ts: m.ts, user: m.user },
      role: 'article',
    },
    note,
    h('div', { class: 'message-row' }, gutter, content),
  );
  if (replies.length && store.expanded.has(m.id)) {
    el.append(
      h(
        'div',
        { class: 'thread', role: 'group', 'aria-label': 'Thread' },
        ...replies.map((r, i) => renderMessage(r, { reply: true, compact: folds(replies[i - 1], r) }, deps)),
      ),
    );
  }
  el.querySelector('.thread-summary')?.addEventListener('click', () => deps.toggleThread(m.id));
  return el;
}
