// The modal on top of the user's stack, drawn over the page as Slack draws it: the app's icon and
// the title, × to close it all, ← back to the view below, the close and submit buttons. Only the
// top view shows; the ones below wait under it (at most three).
import { h, icon } from './dom.js';
import { textObject } from './elements.js';
import { store } from './state.js';
import { drawSurface } from './surface.js';
import { closeView, submitView } from './view-actions.js';

function busy(button, promise) {
  button.classList.add('is-busy');
  button.disabled = true;
  return promise.finally(() => {
    button.classList.remove('is-busy');
    button.disabled = false;
  });
}

/** Keeps `root` showing the top modal of `store.modals`; `render()` after each change. */
export function createModal(root, deps) {
  let shownKey = '';
  let form;
  /** What the browser refused on the last submit, by block_id, for the view it was for. */
  let local = { viewId: '', errors: {} };

  function problem(view, text) {
    if (text) store.viewProblems.set(view.id, text);
    else store.viewProblems.delete(view.id);
    render();
  }

  async function submit(view, button) {
    const refused = form.problems();
    local = { viewId: view.id, errors: refused };
    if (Object.keys(refused).length > 0) {
      render();
      return;
    }
    const values = form.values();
    const text = await busy(button, submitView(view, values));
    problem(view, text);
  }

  function close(view, all, button) {
    const done = closeView(view, all).then((text) => problem(view, text));
    if (button) busy(button, done);
  }

  function draw(view, depth) {
    const errors = { ...(local.viewId === view.id ? local.errors : {}), ...view.errors };
    const surface = drawSurface(view, {
      errors,
      onProblem: (text) => problem(view, text),
      openChannel: deps.openChannel,
      openImage: deps.openImage,
    });
    form?.dispose();
    form = surface.form;
    const back =
      depth > 1
        ? h(
            'button',
            { class: 'modal-back', type: 'button', 'aria-label': 'Back', onclick: () => close(view, false) },
            '←',
          )
        : null;
    const x = h('button', { class: 'modal-x', type: 'button', 'aria-label': 'Close' }, icon('close', 16));
    x.addEventListener('click', () => close(view, true, x));
    const cancel = h(
      'button',
      { class: 'modal-button modal-close', type: 'button' },
      view.close ? textObject(view.close, {}) : view.submit ? 'Cancel' : 'Close',
    );
    cancel.addEventListener('click', () => close(view, false, cancel));
    const ok = view.submit
      ? h('button', { class: 'modal-button modal-submit', type: 'submit' }, ...textObject(view.submit, {}))
      : null;
    const shown = store.viewProblems.get(view.id);
    const dialog = h(
      'form',
      {
        class: 'modal',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'modal-title',
        novalidate: true,
        dataset: { viewId: view.id, callbackId: view.callbackId, depth: String(depth) },
      },
      h(
        'header',
        { class: 'modal-header' },
        back,
        h('img', { class: 'modal-app-icon', src: '/static/app-icon.svg', alt: '' }),
        h('h2', { class: 'modal-title', id: 'modal-title' }, ...textObject(view.title, {})),
        x,
      ),
      shown ? h('div', { class: 'modal-problem', role: 'alert' }, '⚠️ ', shown) : null,
      h('div', { class: 'modal-body' }, surface.node),
      h('footer', { class: 'modal-footer' }, cancel, ok),
    );
    dialog.addEventListener('submit', (e) => {
      e.preventDefault();
      if (ok) submit(view, ok);
    });
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(view, true);
      }
    });
    root.replaceChildren(h('div', { class: 'modal-overlay' }, dialog));
    const first = Object.keys(local.viewId === view.id ? local.errors : {})[0];
    form.focus(first ?? surface.focusOnLoad);
    if (!dialog.contains(document.activeElement)) dialog.querySelector('.modal-x')?.focus();
  }

  function render() {
    const view = store.modals.at(-1);
    if (!view) {
      form?.dispose();
      form = undefined;
      shownKey = '';
      root.replaceChildren();
      root.hidden = true;
      return;
    }
    const errors = local.viewId === view.id ? local.errors : {};
    const key = JSON.stringify([
      view.id,
      view.hash,
      view.errors,
      errors,
      store.viewProblems.get(view.id),
      store.modals.length,
      store.user,
    ]);
    if (key === shownKey) return;
    shownKey = key;
    root.hidden = false;
    draw(view, store.modals.length);
  }

  return { render };
}
