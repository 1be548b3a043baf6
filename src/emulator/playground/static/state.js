// What the page knows: the workspace, who is looking, and every message it was sent.

export const store = {
  workspace: null,
  user: '',
  channel: '',
  /** id -> message, each with `rev`, bumped on every change. */
  messages: new Map(),
  rev: 0,
  /** channel -> new messages since it was last open. */
  unread: new Map(),
  /** Parent message ids whose threads are open. */
  expanded: new Set(),
  /** Ephemeral message ids the user dismissed. */
  dismissed: new Set(),
  /** message id -> what went wrong with the last click on it. */
  clickErrors: new Map(),
  /** The user's open modals, bottom first (the last one is on screen), and their Home tab. */
  modals: [],
  home: null,
  /** The change the views above reflect (see live.js). */
  viewsSeq: -1,
  /** Which tab of the app's DM is open: `messages` or `home`. */
  tab: 'messages',
  /** view id -> Map of what the user entered (view-values.js keys), kept across redraws and updates. */
  viewValues: new Map(),
  /** view id -> what went wrong with the last thing the user did in it. */
  viewProblems: new Map(),
};

/** What the user entered in a view, kept while the view is open. */
export function keptValues(viewId) {
  if (!store.viewValues.has(viewId)) store.viewValues.set(viewId, new Map());
  return store.viewValues.get(viewId);
}

/** A new snapshot of the user's views; forgets what was entered in views that closed. */
export function setViews({ modals, home }) {
  store.modals = modals;
  store.home = home;
  const open = new Set([...modals.map((v) => v.id), home?.id]);
  for (const id of [...store.viewValues.keys(), ...store.viewProblems.keys()]) {
    if (!open.has(id)) {
      store.viewValues.delete(id);
      store.viewProblems.delete(id);
    }
  }
}

/** The app's DM with the current user (the app's Messages tab), if the workspace has one. */
export function appChannel() {
  return visibleChannels().find((c) => c.kind === 'im' && c.botMember && c.members[0] === store.user);
}

export function compareTs(a, b) {
  const [as, am = '0'] = a.split('.');
  const [bs, bm = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(am.padEnd(6, '0')) - Number(bm.padEnd(6, '0'));
}

export function upsertMessage(message) {
  store.rev += 1;
  store.messages.set(message.id, { ...message, rev: store.rev });
}

export function removeMessage(id) {
  store.messages.delete(id);
  store.expanded.delete(id);
}

export function isReply(m) {
  return m.threadTs !== undefined && m.threadTs !== null && m.threadTs !== m.ts;
}

/** Top-level messages of a channel in ts order, without dismissed ones. */
export function topLevel(channel) {
  return [...store.messages.values()]
    .filter((m) => m.channel === channel && !isReply(m) && !store.dismissed.has(m.id))
    .sort((a, b) => compareTs(a.ts, b.ts));
}

/** Replies in the thread of `parent`, oldest first. */
export function repliesOf(parent) {
  return [...store.messages.values()]
    .filter(
      (m) =>
        m.channel === parent.channel &&
        m.threadTs === parent.ts &&
        m.id !== parent.id &&
        !store.dismissed.has(m.id),
    )
    .sort((a, b) => compareTs(a.ts, b.ts));
}

export function userById(id) {
  return store.workspace?.users.find((u) => u.id === id);
}

export function channelById(id) {
  return store.workspace?.channels.find((c) => c.id === id);
}

/** Channels the current user is in (public ones are open to everyone). */
export function visibleChannels() {
  return (store.workspace?.channels ?? []).filter(
    (c) => c.kind === 'public' || c.members.includes(store.user),
  );
}

/** What the sidebar and header call a channel: `ops`, or the app's name for a DM with it. */
export function channelLabel(c) {
  if (c.kind === 'im')
    return c.botMember ? store.workspace.bot.name : (userById(c.members[0])?.realName ?? c.name);
  return c.name;
}
