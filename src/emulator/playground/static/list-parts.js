// The fixed parts of a message list: the channel's introduction and the day dividers.
import { h, icon } from './dom.js';
import { dateOf } from './people.js';
import { channelLabel, store, userById } from './state.js';

export function dayKey(ts) {
  const tz = userById(store.user)?.tz ?? 'UTC';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(dateOf(ts));
}

export function dayLabel(ts) {
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

/** What the top of an empty channel says. */
export function intro(channel) {
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
