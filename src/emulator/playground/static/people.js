// Who wrote a message and when, as the person looking at the page reads it.
import { h } from './dom.js';
import { store, userById } from './state.js';

const SLACKBOT = 'USLACKBOT';

export function author(m) {
  const ws = store.workspace;
  if (m.user === ws.bot.userId || m.botId) return { kind: 'app', id: ws.bot.userId, name: ws.bot.name };
  if (m.user === SLACKBOT) return { kind: 'slackbot', id: SLACKBOT, name: 'Slackbot' };
  const user = userById(m.user);
  return { kind: 'user', id: m.user, name: user?.realName ?? m.user };
}

function initials(name) {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

export function avatar(a, size = 'large') {
  const cls = `avatar avatar-${size}`;
  if (a.kind === 'app') return h('img', { class: cls, src: '/static/app-icon.svg', alt: '' });
  if (a.kind === 'slackbot') return h('img', { class: cls, src: '/static/slackbot.svg', alt: '' });
  const tone = [...a.id].reduce((n, c) => n + c.charCodeAt(0), 0) % 6;
  return h(
    'span',
    { class: `${cls} avatar-user avatar-tone-${tone}`, 'aria-hidden': 'true' },
    initials(a.name),
  );
}

function zone() {
  return userById(store.user)?.tz ?? 'UTC';
}

export function dateOf(ts) {
  return new Date(Number(ts.split('.')[0]) * 1000);
}

export function formatTime(ts) {
  return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: zone() }).format(
    dateOf(ts),
  );
}

export function formatFull(ts) {
  return new Intl.DateTimeFormat('en-US', {
    dateStyle: 'full',
    timeStyle: 'medium',
    timeZone: zone(),
  }).format(dateOf(ts));
}

export function time(ts, cls) {
  return h('time', { class: cls, datetime: dateOf(ts).toISOString(), title: formatFull(ts) }, formatTime(ts));
}

/** The text and mention context the renderers need. */
export function textContext() {
  return {
    currentUser: store.user,
    timeZone: zone(),
    userName: (id) => (id === store.workspace.bot.userId ? store.workspace.bot.name : userById(id)?.name),
    channelName: (id) => store.workspace.channels.find((c) => c.id === id)?.name,
  };
}
