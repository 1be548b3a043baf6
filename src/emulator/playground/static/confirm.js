// Slack's confirmation dialog: a button or menu with a `confirm` object asks before its click is
// sent (https://api.slack.com/reference/block-kit/composition-objects#confirm). Nothing is sent
// when the user picks the deny button or closes the dialog.
import { h } from './dom.js';

function plain(t, fallback) {
  return typeof t?.text === 'string' && t.text !== '' ? t.text : fallback;
}

/** Shows the dialog of `confirm`; resolves true when the user confirms. `textOf` renders its text. */
export function confirmFirst(confirm, textOf) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'bk-confirm', 'aria-label': plain(confirm.title, 'Are you sure?') });
    const close = (yes) => {
      dialog.close();
      dialog.remove();
      resolve(yes);
    };
    const style = confirm.style === 'danger' ? ' bk-danger' : ' bk-primary';
    dialog.append(
      h('h2', { class: 'bk-confirm-title' }, plain(confirm.title, 'Are you sure?')),
      h('div', { class: 'bk-confirm-text' }, ...textOf(confirm.text)),
      h(
        'div',
        { class: 'bk-confirm-actions' },
        h(
          'button',
          { class: 'bk-button bk-confirm-deny', type: 'button', onclick: () => close(false) },
          plain(confirm.deny, 'Cancel'),
        ),
        h(
          'button',
          { class: `bk-button bk-confirm-yes${style}`, type: 'button', onclick: () => close(true) },
          plain(confirm.confirm, 'Yes'),
        ),
      ),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
