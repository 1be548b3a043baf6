// The live view of the workspace: an event stream first, then every channel's messages and the
// user's views, so that no change is lost or applied twice. Changes carry a sequence number; a list
// or a snapshot of views carries the number it was read at, and only later changes apply to it.
import { eventsUrl, getJson } from './api.js';

const TYPES = ['message', 'update', 'delete', 'views'];

/**
 * Connects as `user` to the channels given; `on.status('loading' | 'live' | 'reconnecting')`,
 * `on.loaded(lists)` with every channel's messages (again after each reconnection), and
 * `on.change({ type, seq, message })` for each later change, `on.views({ seq, modals, home })` with
 * the user's modal stack and Home tab (at first and after each change to them), and `on.failed()`
 * when the lists could not be read (the stream is closed then). Returns a function that disconnects.
 */
export function connectLive(user, channels, on) {
  let closed = false;
  let buffer = null;
  const snapshots = new Map();
  let viewsRead = Number.POSITIVE_INFINITY;
  const source = new EventSource(eventsUrl(user));

  function apply(change) {
    if (change.type === 'views') {
      if (change.seq > viewsRead) {
        viewsRead = change.seq;
        on.views(change);
      }
      return;
    }
    const read = snapshots.get(change.message.channel);
    if (read === undefined || change.seq <= read) return;
    on.change(change);
  }

  source.addEventListener('ready', async () => {
    buffer = [];
    on.status('loading');
    const query = (id) => `/messages?channel=${encodeURIComponent(id)}&user=${encodeURIComponent(user)}`;
    let lists;
    let views;
    try {
      [views, ...lists] = await Promise.all([
        getJson(`/views?user=${encodeURIComponent(user)}`),
        ...channels.map((id) => getJson(query(id))),
      ]);
    } catch {
      // The server could not list the channels: start over with a new stream.
      source.close();
      if (!closed) on.failed();
      return;
    }
    if (closed) return;
    snapshots.clear();
    for (const l of lists) snapshots.set(l.channel, l.seq);
    on.loaded(lists);
    viewsRead = views.seq;
    on.views(views);
    const waiting = buffer;
    buffer = null;
    for (const change of waiting) apply(change);
    on.status('live');
  });
  for (const type of TYPES) {
    source.addEventListener(type, (e) => {
      if (closed) return;
      const change = { type, ...JSON.parse(e.data) };
      if (buffer) buffer.push(change);
      else apply(change);
    });
  }
  source.addEventListener('error', () => {
    if (!closed) on.status('reconnecting');
  });
  return () => {
    closed = true;
    source.close();
  };
}
