// The playground page: loads the workspace, keeps a live event stream, and wires the parts.
import { eventsUrl, getJson, postJson } from './api.js';
import { createComposer } from './composer.js';
import { h, icon } from './dom.js';
import { openLightbox } from './files.js';
import { createMessageList } from './message-list.js';
import { renderSidebar } from './sidebar.js';
import {
  channelById,
  channelLabel,
  isReply,
  removeMessage,
  store,
  upsertMessage,
  visibleChannels,
} from './state.js';

const CLICK_ERRORS = {
  operation_timeout:
    'The app did not answer within 3 seconds (operation_timeout). Slack gave up on this click.',
  dispatch_failed: 'The app could not be reached (dispatch_failed).',
};

let list;
let composer;
let source;
let generation = 0;

const $ = (selector) => document.querySelector(selector);

function setStatus(status) {
  const el = $('#connection');
  el.dataset.status = status;
  el.textContent = status === 'live' ? 'Live' : status === 'loading' ? 'Loading…' : 'Reconnecting…';
}

function renderHeader() {
  const c = channelById(store.channel);
  const members = c.members.length + (c.botMember ? 1 : 0);
  const lead = c.kind === 'im' ? null : icon(c.kind === 'private' ? 'lock' : 'hash', 18);
  $('#channel-title').replaceChildren(lead ?? '', channelLabel(c));
  $('#channel-members').textContent = `${members} members`;
  $('#channel-topic').textContent =
    c.kind === 'im'
      ? 'Direct message with the app'
      : c.botMember
        ? 'The app is a member'
        : 'The app posts here without being a member';
}

function renderChrome() {
  renderSidebar($('#sidebar'), { openChannel, switchUser });
  renderHeader();
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
  history.replaceState(null, '', `${location.pathname}${location.search}#${id}`);
  renderChrome();
  list.render(true);
  composer.focus();
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
  list.reset();
  renderChrome();
  list.render(true);
  connect();
}

async function act(message, element, blockId, extra) {
  store.clickErrors.delete(message.id);
  let problem;
  try {
    const payload = {
      user: store.user,
      messageId: message.id,
      actionId: element.action_id,
      blockId,
      ...extra,
    };
    const { body } = await postJson('/click', payload);
    if (!body.ok) problem = body.detail ?? body.error;
    else if (body.error) problem = CLICK_ERRORS[body.error] ?? body.error;
  } catch {
    problem = 'The playground server did not answer.';
  }
  if (problem) store.clickErrors.set(message.id, problem);
  if (problem || store.messages.has(message.id)) list.render();
}

async function send(text) {
  try {
    const { body } = await postJson('/command', { channel: store.channel, user: store.user, text });
    // A command the app failed to acknowledge shows as Slack's own notice, sent as an event.
    return body.ok ? undefined : `The command was not sent (${body.error}).`;
  } catch {
    return 'The playground server did not answer.';
  }
}

function apply(event, snapshots) {
  const m = event.message;
  if (event.seq <= (snapshots.get(m.channel) ?? Number.POSITIVE_INFINITY)) return;
  if (event.type === 'delete' || m.deleted) removeMessage(m.id);
  else upsertMessage(m);
  if (event.type === 'message' && !isReply(m) && m.channel !== store.channel) {
    store.unread.set(m.channel, (store.unread.get(m.channel) ?? 0) + 1);
    renderSidebar($('#sidebar'), { openChannel, switchUser });
  }
  if (m.channel === store.channel) list.render();
}

/** Opens the event stream first, then loads every channel; events that arrive meanwhile wait. */
function connect() {
  source?.close();
  const current = ++generation;
  let buffer = null;
  const snapshots = new Map();
  setStatus('loading');
  source = new EventSource(eventsUrl(store.user));
  source.addEventListener('ready', async () => {
    buffer = [];
    setStatus('loading');
    const lists = await Promise.all(
      visibleChannels().map((c) =>
        getJson(`/messages?channel=${encodeURIComponent(c.id)}&user=${encodeURIComponent(store.user)}`),
      ),
    );
    if (current !== generation) return;
    store.messages.clear();
    for (const l of lists) {
      snapshots.set(l.channel, l.seq);
      for (const m of l.messages) upsertMessage(m);
    }
    const waiting = buffer;
    buffer = null;
    for (const event of waiting) apply(event, snapshots);
    list.render(true);
    setStatus('live');
  });
  for (const type of ['message', 'update', 'delete']) {
    source.addEventListener(type, (e) => {
      if (current !== generation) return;
      const event = { type, ...JSON.parse(e.data) };
      if (buffer) buffer.push(event);
      else if (snapshots.size > 0) apply(event, snapshots);
    });
  }
  source.addEventListener('error', () => current === generation && setStatus('reconnecting'));
}

async function boot() {
  store.workspace = await getJson('/workspace');
  document.title = store.workspace.title;
  const ids = store.workspace.users.map((u) => u.id);
  const asked = new URLSearchParams(location.search).get('as');
  store.user = ids.includes(asked) ? asked : store.workspace.currentUser;
  const wanted = location.hash.slice(1);
  const channels = visibleChannels();
  store.channel = (
    channels.find((c) => c.id === wanted) ??
    channels.find((c) => c.kind === 'public' && c.botMember) ??
    channels[0]
  ).id;
  const deps = { act, toggleThread, dismiss, openChannel, openImage: openLightbox };
  list = createMessageList($('#messages'), deps);
  composer = createComposer($('#composer'), {
    send,
    commands: store.workspace.commands,
    appName: store.workspace.bot.name,
  });
  renderChrome();
  list.render(true);
  connect();
  composer.focus();
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
