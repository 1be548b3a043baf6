// The sidebar: workspace, channels and DMs with unread badges, and who the page shows it as.
import { h, icon } from './dom.js';
import { avatar } from './people.js';
import { channelLabel, store, visibleChannels } from './state.js';

function channelLink(c, deps) {
  const unread = c.id === store.channel ? 0 : (store.unread.get(c.id) ?? 0);
  const active = c.id === store.channel;
  const lead =
    c.kind === 'im'
      ? avatar({ kind: 'app', id: store.workspace.bot.userId, name: '' }, 'tiny')
      : icon(c.kind === 'private' ? 'lock' : 'hash', 15);
  return h(
    'li',
    {},
    h(
      'button',
      {
        class: `channel-link${active ? ' is-active' : ''}${unread ? ' is-unread' : ''}`,
        type: 'button',
        dataset: { channel: c.id },
        'aria-current': active ? 'page' : undefined,
        onclick: () => deps.openChannel(c.id),
      },
      h('span', { class: 'channel-icon' }, lead),
      h('span', { class: 'channel-name' }, channelLabel(c)),
      unread ? h('span', { class: 'badge', 'aria-label': `${unread} new` }, String(unread)) : null,
    ),
  );
}

function userSwitcher(deps) {
  return h(
    'div',
    { class: 'user-switcher' },
    h('div', { class: 'sidebar-heading' }, 'Viewing as'),
    h(
      'div',
      { class: 'user-options', role: 'radiogroup', 'aria-label': 'Viewing as' },
      ...store.workspace.users.map((u) =>
        h(
          'button',
          {
            class: `user-option${u.id === store.user ? ' is-active' : ''}`,
            type: 'button',
            role: 'radio',
            'aria-checked': String(u.id === store.user),
            dataset: { user: u.id },
            title: `${u.realName} · ${u.tz}`,
            onclick: () => deps.switchUser(u.id),
          },
          avatar({ kind: 'user', id: u.id, name: u.realName }, 'small'),
          h('span', { class: 'user-option-name' }, u.realName.split(' ')[0]),
        ),
      ),
    ),
    h('div', { class: 'user-zone' }, store.workspace.users.find((u) => u.id === store.user)?.tz ?? ''),
  );
}

/** DMs with people under "Direct messages"; the app's DM (its Home and Messages) under "Apps", as in Slack. */
function directMessages(channels, deps) {
  const section = (heading, list) =>
    list.length === 0
      ? []
      : [
          h('div', { class: 'sidebar-heading' }, heading),
          h('ul', { class: 'channel-list' }, ...list.map((c) => channelLink(c, deps))),
        ];
  const dms = channels.filter((c) => c.kind === 'im');
  return [
    ...section(
      'Direct messages',
      dms.filter((c) => !c.botMember),
    ),
    ...section(
      'Apps',
      dms.filter((c) => c.botMember),
    ),
  ];
}

export function renderSidebar(root, deps) {
  const channels = visibleChannels();
  const ws = store.workspace;
  root.replaceChildren(
    h(
      'div',
      { class: 'workspace' },
      h('div', { class: 'workspace-name' }, ws.team.domain),
      h('div', { class: 'workspace-sub' }, ws.title),
    ),
    h(
      'nav',
      { class: 'sidebar-nav', 'aria-label': 'Conversations' },
      h('div', { class: 'sidebar-heading' }, 'Channels'),
      h(
        'ul',
        { class: 'channel-list' },
        ...channels.filter((c) => c.kind !== 'im').map((c) => channelLink(c, deps)),
      ),
      ...directMessages(channels, deps),
    ),
    userSwitcher(deps),
  );
}
