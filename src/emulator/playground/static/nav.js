// In a narrow window the sidebar is a drawer over the page, opened from the header's menu button
// (which counts what is unread in the channels it hides) and closed by picking a conversation or
// tapping beside it. In a wide window the button is not shown and the sidebar stays put.
import { h, icon } from './dom.js';
import { store } from './state.js';

const $ = (selector) => document.querySelector(selector);

/** Wires the menu button and the scrim; returns `close()` and `renderBadge()`. */
export function createNav() {
  const app = $('#app');
  const toggle = $('#nav-toggle');
  function set(open) {
    app.classList.toggle('is-nav-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  }
  toggle.addEventListener('click', () => set(!app.classList.contains('is-nav-open')));
  $('#nav-scrim').addEventListener('click', () => set(false));
  function renderBadge() {
    const unread = [...store.unread.entries()]
      .filter(([channel]) => channel !== store.channel)
      .reduce((n, [, count]) => n + count, 0);
    toggle.replaceChildren(
      icon('menu', 20),
      unread ? h('span', { class: 'nav-badge', 'aria-label': `${unread} new` }, String(unread)) : '',
    );
  }
  renderBadge();
  return { close: () => set(false), renderBadge };
}

/** A touch screen, where focusing the message box would pop up the keyboard unasked. */
export function touchFirst() {
  return matchMedia('(pointer: coarse)').matches;
}
