// Slack's `<…>` control sequences (links, mentions, <!here>, dates) and the three entities.
import { formatSlackDate } from './dates.js';
import { h } from './dom.js';

const ENTITIES = { amp: '&', lt: '<', gt: '>' };

export function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt);/g, (_, name) => ENTITIES[name]);
}

const SAFE_URL = /^(?:https?:|mailto:)/i;

/** A link that opens in a new tab; anything but http(s) and mailto stays text. */
export function link(url, children) {
  if (!SAFE_URL.test(url)) return h('span', { class: 'link-text' }, ...children);
  return h('a', { class: 'link', href: url, target: '_blank', rel: 'noopener noreferrer' }, ...children);
}

function mention(kind, label, current) {
  return h('span', { class: `mention mention-${kind}${current ? ' mention-me' : ''}` }, label);
}

/** `label(text)` draws a link's label (it may hold mrkdwn). */
export function token(body, ctx, label) {
  const bar = body.indexOf('|');
  const target = bar < 0 ? body : body.slice(0, bar);
  const text = bar < 0 ? undefined : body.slice(bar + 1);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = text ? decodeEntities(text) : (ctx.userName?.(id) ?? id);
    return mention('user', `@${name.replace(/^@/, '')}`, id === ctx.currentUser);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const name = text ? decodeEntities(text) : (ctx.channelName?.(id) ?? id);
    const el = mention('channel', `#${name.replace(/^#/, '')}`, false);
    if (ctx.openChannel) el.addEventListener('click', () => ctx.openChannel(id));
    return el;
  }
  if (target.startsWith('!')) {
    const [special, seconds, format] = target.slice(1).split('^');
    if (special === 'date' && format !== undefined) {
      const shown = formatSlackDate(seconds, decodeEntities(format), ctx.timeZone ?? 'UTC');
      return h(
        'time',
        { class: 'slack-date', title: decodeEntities(text ?? '') },
        shown ?? decodeEntities(text ?? ''),
      );
    }
    if (['here', 'channel', 'everyone'].includes(special)) return mention('broadcast', `@${special}`, true);
    return h('span', {}, decodeEntities(text ?? target.slice(1)));
  }
  const url = decodeEntities(target);
  return link(url, text === undefined ? [url] : label(text));
}
