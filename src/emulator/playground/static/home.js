// The app's Home tab: the view the app published for this user with views.publish, drawn with its
// blocks and buttons, redrawn whenever the app publishes again.
import { h } from './dom.js';
import { store } from './state.js';
import { drawSurface } from './surface.js';

export function createHome(root, deps) {
  let shownKey = '';
  let form;

  function problem(view, text) {
    if (text) store.viewProblems.set(view.id, text);
    else store.viewProblems.delete(view.id);
    render();
  }

  function render() {
    const view = store.home;
    const key = JSON.stringify([
      view?.id,
      view?.hash,
      view?.errors,
      view && store.viewProblems.get(view.id),
      store.user,
    ]);
    if (key === shownKey) return;
    shownKey = key;
    form?.dispose();
    form = undefined;
    if (!view) {
      root.replaceChildren(
        h(
          'div',
          { class: 'home-empty' },
          h('img', { class: 'intro-avatar', src: '/static/app-icon.svg', alt: '' }),
          h('h2', {}, store.workspace.bot.name),
          h('p', {}, 'The app has not published a Home tab for you yet (views.publish).'),
        ),
      );
      return;
    }
    const surface = drawSurface(view, {
      errors: view.errors,
      onProblem: (text) => problem(view, text),
      openChannel: deps.openChannel,
      openImage: deps.openImage,
    });
    form = surface.form;
    const shown = store.viewProblems.get(view.id);
    root.replaceChildren(
      h(
        'div',
        { class: 'home-view', dataset: { viewId: view.id, callbackId: view.callbackId } },
        shown ? h('div', { class: 'home-problem', role: 'alert' }, '⚠️ ', shown) : null,
        surface.node,
      ),
    );
  }

  return {
    render,
    /** Forgets what is drawn (another user looks now). */
    reset() {
      shownKey = '';
    },
  };
}
