// The message list of the open channel. Unchanged messages keep their DOM nodes, so an update
// elsewhere never disturbs what the user is looking at or clicking.
import { h } from './dom.js';
import { dayKey, dayLabel, intro } from './list-parts.js';
import { folds, renderMessage } from './message.js';
import { channelById, repliesOf, store, topLevel } from './state.js';

/** How long after a command or click its answers are brought into view. */
const FOLLOW_MS = 15_000;

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
  let followUntil = 0;
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
      let added = false;
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
          added ||= !entry;
          entry = { key, node: renderMessage(m, { compact }, deps) };
          cache.set(m.id, entry);
        }
        nodes.push(entry.node);
        prev = m;
      }
      patch(container, nodes);
      if (toBottom || stick || (added && Date.now() < followUntil)) {
        container.scrollTop = container.scrollHeight;
        stick = true;
      }
    },
    /**
     * The user just asked for something: answers that arrive soon are scrolled into view even when
     * the list was scrolled up (clicking a button scrolls it into view, away from the bottom).
     */
    follow() {
      followUntil = Date.now() + FOLLOW_MS;
    },
    /** Forgets drawn messages (another user looks now: ephemeral ones and times differ). */
    reset() {
      cache.clear();
      dividers.clear();
      introFor = '';
    },
  };
}
