// The message list of the open channel. Unchanged messages keep their DOM nodes, so an update
// elsewhere never disturbs what the user is looking at or clicking.
import { h, icon } from './dom.js';
import { author, dateOf, renderMessage } from './message.js';
import { channelById, channelLabel, repliesOf, store, topLevel, userById } from './state.js';

/** Slack folds a follow-up from the same author within a few minutes under the first message. */
const FOLD_SECONDS = 300;

function dayKey(ts) {
  const tz = userById(store.user)?.tz ?? 'UTC';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(dateOf(ts));
}

function dayLabel(ts) {
  const key = dayKey(ts);
  const now = String(Math.floor(Date.now() / 1000));
  if (key === dayKey(now)) return 'Today';
  if (key === dayKey(String(Number(now) - 86_400))) return 'Yesterday';
  const tz = userById(store.user)?.tz ?? 'UTC';
  return new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(dateOf(ts));
}

function folds(prev, m) {
  if (!prev || m.ephemeral || prev.ephemeral || m.files?.length) return false;
  if (author(prev).id !== author(m).id) return false;
  return Number(m.ts) - Number(prev.ts) < FOLD_SECONDS && repliesOf(prev).length === 0;
}

function intro(channel) {
  if (channel.kind === 'im') {
    return h(
      'div',
      { class: 'channel-intro' },
      h('img', { class: 'intro-avatar', src: '/static/app-icon.svg', alt: '' }),
      h('h2', {}, channelLabel(channel)),
      h(
        'p',
        {},
        'This is the very beginning of your direct message history with ',
        h('b', {}, channelLabel(channel)),
        '. Type ',
        h('code', { class: 'code' }, '/backup-jobs help'),
        ' to see what it can do.',
      ),
    );
  }
  return h(
    'div',
    { class: 'channel-intro' },
    h('h2', {}, icon(channel.kind === 'private' ? 'lock' : 'hash', 22), channel.name),
    h(
      'p',
      {},
      'This is the very beginning of the ',
      h('b', {}, `#${channel.name}`),
      ' channel. Type ',
      h('code', { class: 'code' }, '/backup-jobs help'),
      ' below to see what the app can do.',
    ),
  );
}

/** Inserts, moves and removes children so that `container` holds exactly `nodes`, in order. */
function patch(container, nodes) {
  let cursor = container.firstChild;
  for (const node of nodes) {
    if (node === cursor) {
      cursor = cursor.nextSibling;
      continue;
    }
    container.insertBefore(node, cursor);
  }
  while (cursor) {
    const next = cursor.nextSibling;
    cursor.remove();
    cursor = next;
  }
}

export function createMessageList(container, deps) {
  const cache = new Map();
  const dividers = new Map();
  let introNode = null;
  let introFor = '';
  let stick = true;
  container.addEventListener('scroll', () => {
    stick = container.scrollHeight - container.scrollTop - container.clientHeight < 60;
  });
  // Images (a chart, a file) grow the list after it was drawn: stay at the bottom if we were there.
  container.addEventListener(
    'load',
    () => {
      if (stick) container.scrollTop = container.scrollHeight;
    },
    true,
  );

  function keyOf(m, compact) {
    const replies = repliesOf(m)
      .map((r) => r.rev)
      .join(',');
    return [
      m.rev,
      compact,
      store.expanded.has(m.id),
      replies,
      store.clickErrors.get(m.id) ?? '',
      store.user,
    ].join('|');
  }

  function divider(ts) {
    const key = `${dayKey(ts)}|${dayLabel(ts)}`;
    if (!dividers.has(key))
      dividers.set(key, h('div', { class: 'day-divider', role: 'separator' }, h('span', {}, dayLabel(ts))));
    return dividers.get(key);
  }

  return {
    /** Draws the open channel; `toBottom` scrolls to the newest message. */
    render(toBottom = false) {
      const channel = channelById(store.channel);
      if (!channel) return;
      if (introFor !== `${channel.id}|${store.user}`) {
        introNode = intro(channel);
        introFor = `${channel.id}|${store.user}`;
      }
      const nodes = [introNode];
      let prev;
      let day = '';
      for (const m of topLevel(channel.id)) {
        if (dayKey(m.ts) !== day) {
          day = dayKey(m.ts);
          nodes.push(divider(m.ts));
          prev = undefined;
        }
        const compact = folds(prev, m);
        const key = keyOf(m, compact);
        let entry = cache.get(m.id);
        if (!entry || entry.key !== key) {
          entry = { key, node: renderMessage(m, { compact }, deps) };
          cache.set(m.id, entry);
        }
        nodes.push(entry.node);
        prev = m;
      }
      patch(container, nodes);
      if (toBottom || stick) {
        container.scrollTop = container.scrollHeight;
        stick = true;
      }
    },
    /** Forgets drawn messages (another user looks now: ephemeral ones and times differ). */
    reset() {
      cache.clear();
      dividers.clear();
      introFor = '';
    },
  };
}
