// The playground page: loads the workspace, keeps a live event stream, and wires the parts.
import { createActions } from './actions.js';
import { getJson } from './api.js';
import { hashOf, inApp, renderHeader, renderPane } from './app-pane.js';
import { createComposer } from './composer.js';
import { h } from './dom.js';
import { openLightbox } from './files.js';
import { createHome } from './home.js';
import { connectLive } from './live.js';
import { createMessageList } from './message-list.js';
import { createModal } from './modal.js';
import { createNav, touchFirst } from './nav.js';
import { renderSidebar } from './sidebar.js';
import {
  channelById,
  channelLabel,
  isReply,
  removeMessage,
  setViews,
  store,
  upsertMessage,
  visibleChannels,
} from './state.js';
import { appHomeOpened } from './view-actions.js';

/** How soon to try again when the messages could not be loaded. */
const RETRY_MS = 1000;

let list;
let composer;
let disconnect;
let modal;
let home;
let nav;

const $ = (selector) => document.querySelector(selector);

function setStatus(status) {
  const el = $('#connection');
  el.dataset.status = status;
  el.textContent = status === 'live' ? 'Live' : status === 'loading' ? 'Loading…' : 'Reconnecting…';
}

function selectTab(tab) {
  if (tab === store.tab) return;
  store.tab = tab;
  history.replaceState(null, '', `${location.pathname}${location.search}${hashOf()}`);
  renderHeader();
  renderPane(home, selectTab);
  if (tab === 'messages') list.render(true);
  void appHomeOpened(tab);
}

function renderChrome() {
  renderSidebar($('#sidebar'), { openChannel, switchUser });
  nav.renderBadge();
  renderHeader();
  renderPane(home, selectTab);
  composer.setChannel(
    channelById(store.channel).kind === 'im'
      ? channelLabel(channelById(store.channel))
      : `#${channelById(store.channel).name}`,
  );
}

function openChannel(id) {
  if (!channelById(id)) return;
  store.channel = id;
  store.unread.delete(id);
  history.replaceState(null, '', `${location.pathname}${location.search}${hashOf()}`);
  nav.close();
  renderChrome();
  list.render(true);
  // Opening the app (either tab) is what Slack tells the app about with app_home_opened.
  if (inApp()) void appHomeOpened(store.tab);
  if ((!inApp() || store.tab === 'messages') && !touchFirst()) composer.focus();
}

function switchUser(id) {
  if (id === store.user) return;
  store.user = id;
  for (const collection of [store.messages, store.unread, store.dismissed, store.clickErrors, store.expanded])
    collection.clear();
  const url = new URL(location.href);
  url.searchParams.set('as', id);
  history.replaceState(null, '', url);
  if (!visibleChannels().some((c) => c.id === store.channel)) store.channel = visibleChannels()[0].id;
  setViews({ modals: [], home: null });
  modal.render();
  home.reset();
  list.reset();
  renderChrome();
  list.render(true);
  connect();
}

function onChange({ type, message: m }) {
  if (type === 'delete' || m.deleted) removeMessage(m.id);
  else upsertMessage(m);
  if (type === 'message' && !isReply(m) && m.channel !== store.channel) {
    store.unread.set(m.channel, (store.unread.get(m.channel) ?? 0) + 1);
    renderSidebar($('#sidebar'), { openChannel, switchUser });
    nav.renderBadge();
  }
  if (m.channel === store.channel) list.render();
}

function onViews(snapshot) {
  setViews(snapshot);
  modal.render();
  if (inApp() && store.tab === 'home') home.render();
}

function onLoaded(lists) {
  store.messages.clear();
  for (const l of lists) for (const m of l.messages) upsertMessage(m);
  list.render(true);
}

function connect() {
  disconnect?.();
  const channels = visibleChannels().map((c) => c.id);
  disconnect = connectLive(store.user, channels, {
    status: setStatus,
    loaded: onLoaded,
    change: onChange,
    views: onViews,
    failed: () => {
      setStatus('reconnecting');
      setTimeout(connect, RETRY_MS);
    },
  });
}

async function boot() {
  store.workspace = await getJson('/workspace');
  document.title = store.workspace.title;
  const ids = store.workspace.users.map((u) => u.id);
  const asked = new URLSearchParams(location.search).get('as');
  store.user = ids.includes(asked) ? asked : store.workspace.currentUser;
  const [wanted, tab] = location.hash.slice(1).split('/');
  const channels = visibleChannels();
  store.channel = (
    channels.find((c) => c.id === wanted) ??
    channels.find((c) => c.kind === 'public' && c.botMember) ??
    channels[0]
  ).id;
  const actions = createActions(() => list);
  const deps = { act: actions.act, toggleThread, dismiss, openChannel, openImage: openLightbox };
  list = createMessageList($('#messages'), deps);
  modal = createModal($('#modal-root'), deps);
  home = createHome($('#home'), deps);
  if (tab === 'home') store.tab = 'home';
  nav = createNav();
  composer = createComposer($('#composer'), {
    send: actions.send,
    commands: store.workspace.commands,
    appName: store.workspace.bot.name,
  });
  renderChrome();
  list.render(true);
  connect();
  if (inApp()) void appHomeOpened(store.tab);
  if ((!inApp() || store.tab === 'messages') && !touchFirst()) composer.focus();
}

function toggleThread(id) {
  if (store.expanded.has(id)) store.expanded.delete(id);
  else store.expanded.add(id);
  list.render();
}

function dismiss(id) {
  store.dismissed.add(id);
  list.render();
}

boot().catch((err) => {
  document.body.replaceChildren(
    h(
      'div',
      { class: 'fatal' },
      h('h1', {}, 'The playground could not start'),
      h('p', {}, String(err.message ?? err)),
    ),
  );
});
