// What a select menu offers: an element's own options (and option groups), or the workspace's
// people and conversations for users_select, conversations_select and channels_select.
import { icon } from './dom.js';
import { textObject } from './elements.js';
import { avatar } from './people.js';
import { channelLabel, store, visibleChannels } from './state.js';

function plain(t) {
  return String(t?.text ?? '');
}

function optionItem(o, ctx, group) {
  return {
    value: String(o.value ?? ''),
    label: textObject(o.text, ctx),
    search: plain(o.text),
    hint: o.description ? plain(o.description) : undefined,
    group,
  };
}

function staticItems(el, ctx) {
  const items = (el.options ?? []).map((o) => optionItem(o, ctx));
  for (const g of el.option_groups ?? []) {
    for (const o of g.options ?? []) items.push(optionItem(o, ctx, plain(g.label)));
  }
  return items;
}

function userItems() {
  return store.workspace.users.map((u) => ({
    value: u.id,
    label: u.realName,
    search: `${u.realName} ${u.name}`,
    hint: u.name,
    lead: avatar({ kind: 'user', id: u.id, name: u.realName }, 'tiny'),
  }));
}

function channelItem(c) {
  const lead =
    c.kind === 'im'
      ? avatar({ kind: c.botMember ? 'app' : 'user', id: c.members[0] ?? '', name: channelLabel(c) }, 'tiny')
      : icon(c.kind === 'private' ? 'lock' : 'hash', 14);
  return { value: c.id, label: channelLabel(c), search: channelLabel(c), lead };
}

/**
 * conversations_select: the conversations the user is in, narrowed by `filter` (`include` of im,
 * mpim, private, public; `exclude_bot_users` leaves out DMs with apps). Only public and private
 * channels and DMs exist in the stand-in's workspace.
 */
function conversationItems(el) {
  const include = el.filter?.include;
  return visibleChannels()
    .filter((c) => !include || include.includes(c.kind))
    .filter((c) => !(el.filter?.exclude_bot_users && c.kind === 'im' && c.botMember))
    .map(channelItem);
}

const SOURCES = {
  static_select: staticItems,
  multi_static_select: staticItems,
  users_select: userItems,
  multi_users_select: userItems,
  conversations_select: conversationItems,
  multi_conversations_select: conversationItems,
  channels_select: () =>
    visibleChannels()
      .filter((c) => c.kind === 'public')
      .map(channelItem),
  multi_channels_select: () =>
    visibleChannels()
      .filter((c) => c.kind === 'public')
      .map(channelItem),
};

/** The items a select element offers; external selects get theirs from the app, so none here. */
export function choicesFor(el, ctx) {
  return SOURCES[el?.type]?.(el, ctx) ?? [];
}

/** True for the select elements the picker draws. */
export function isSelect(el) {
  return /^(?:multi_)?(?:static|external|users|conversations|channels)_select$/.test(String(el?.type ?? ''));
}
