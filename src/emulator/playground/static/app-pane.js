// The open conversation's header and pane; the app's DM shows as Slack shows an app: Home and
// Messages tabs, the Home tab in place of the messages and the composer.
import { h, icon } from './dom.js';
import { appChannel, channelById, channelLabel, store } from './state.js';

const $ = (selector) => document.querySelector(selector);

/** True when the open conversation is the app's DM, which Slack shows with Home and Messages tabs. */
export function inApp() {
  return appChannel()?.id === store.channel;
}

/** The page's address for what is open: `#C0OPS`, or `#D0ALICE/home` for the app's Home tab. */
export function hashOf() {
  return `#${store.channel}${inApp() && store.tab === 'home' ? '/home' : ''}`;
}

/** The tabs Slack shows over an app's DM: Home and Messages. */
function renderAppTabs(root, active, select) {
  const tab = (name, label) =>
    h(
      'button',
      {
        class: `app-tab${active === name ? ' is-active' : ''}`,
        type: 'button',
        role: 'tab',
        'aria-selected': String(active === name),
        dataset: { tab: name },
        onclick: () => select(name),
      },
      label,
    );
  root.replaceChildren(tab('home', 'Home'), tab('messages', 'Messages'));
}

/** Shows the Home tab (drawn by `home`) or the messages and the composer; `selectTab(name)` switches. */
export function renderPane(home, selectTab) {
  const homeShown = inApp() && store.tab === 'home';
  $('#app-tabs').hidden = !inApp();
  if (inApp()) renderAppTabs($('#app-tabs'), store.tab, selectTab);
  $('#home').hidden = !homeShown;
  $('#messages').hidden = homeShown;
  $('#composer').hidden = homeShown;
  if (homeShown) home.render();
}

/** The header: the conversation's name, who is in it, and a line about the app's place in it. */
export function renderHeader() {
  const c = channelById(store.channel);
  const members = c.members.length + (c.botMember ? 1 : 0);
  const lead = c.kind === 'im' ? null : icon(c.kind === 'private' ? 'lock' : 'hash', 18);
  $('#channel-title').replaceChildren(lead ?? '', channelLabel(c));
  $('#channel-members').textContent = `${members} members`;
  $('#channel-topic').textContent =
    c.kind === 'im'
      ? store.tab === 'home' && inApp()
        ? 'The app’s Home tab'
        : 'Direct message with the app'
      : c.botMember
        ? 'The app is a member'
        : 'The app posts here without being a member';
}
