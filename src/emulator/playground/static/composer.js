// The message box: slash commands with a syntax hint, completion of the command name, example
// chips, Enter to send, Shift+Enter for a new line, and Up to bring back the last command.
import { h } from './dom.js';

const EXAMPLES = [
  'failed last 14 days',
  'summary 7d',
  'summary daily',
  'failed or partial since monday',
  'running pending 24h',
  'completed with issues yesterday',
  'help',
];

export function createComposer(root, deps) {
  const command = deps.commands[0] ?? '/backup-jobs';
  const input = h('textarea', {
    class: 'composer-input',
    rows: '1',
    'aria-label': 'Message',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const send = h(
    'button',
    { class: 'composer-send', type: 'submit', 'aria-label': 'Send', title: 'Send (Enter)' },
    '➤',
  );
  const suggest = h(
    'button',
    { class: 'command-suggestion', type: 'button', hidden: true },
    h('span', { class: 'command-name' }, command),
    h('span', { class: 'command-usage' }, '[states] [filters] [time window] · summary · job <id> · help'),
    h('span', { class: 'command-app' }, deps.appName),
  );
  const notice = h('div', { class: 'composer-notice', role: 'status', hidden: true });
  const form = h(
    'form',
    { class: 'composer-form' },
    suggest,
    notice,
    h('div', { class: 'composer-box' }, input, send),
  );
  const chips = h(
    'div',
    { class: 'chips', 'aria-label': 'Examples' },
    h('span', { class: 'chips-label' }, 'Try'),
    ...EXAMPLES.map((text) =>
      h(
        'button',
        {
          class: 'chip',
          type: 'button',
          title: `Put “${command} ${text}” in the message box`,
          onclick: () => fill(`${command} ${text}`),
        },
        text,
      ),
    ),
  );
  const hint = h(
    'div',
    { class: 'composer-hint' },
    h(
      'span',
      {},
      h('b', {}, command),
      ' failed last 3 days vault:prod · ',
      h('b', {}, 'summary 7d'),
      ' · ',
      h('b', {}, 'job'),
      ' <id> · ',
      h('b', {}, 'help'),
    ),
    h(
      'span',
      { class: 'composer-keys' },
      h('kbd', {}, 'Enter'),
      ' to send · ',
      h('kbd', {}, 'Shift'),
      '+',
      h('kbd', {}, 'Enter'),
      ' for a new line',
    ),
  );
  root.replaceChildren(chips, form, hint);
  let last = '';

  function grow() {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  }
  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }
  function completing() {
    const v = input.value;
    return /^\/[\w-]*$/.test(v) && command.startsWith(v) && v !== command;
  }
  function update() {
    suggest.hidden = !completing();
    grow();
  }
  function fill(text) {
    input.value = text;
    showNotice('');
    update();
    input.focus();
    input.setSelectionRange(text.length, text.length);
  }
  async function submit() {
    const text = input.value.trim();
    if (!text) return;
    if (completing()) return fill(`${command} `);
    if (!text.startsWith('/'))
      return showNotice(`Only slash commands reach the app here. Try “${command} help”.`);
    const name = text.split(/\s/)[0];
    if (name.toLowerCase() !== command) {
      return showNotice(
        `${name} is not a valid command. In Slack, all messages that start with “/” are read as commands.`,
      );
    }
    last = text;
    input.value = '';
    showNotice('');
    update();
    const problem = await deps.send(text);
    if (problem) {
      if (!input.value) fill(text);
      showNotice(problem);
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  suggest.addEventListener('click', () => fill(`${command} `));
  input.addEventListener('input', () => {
    showNotice('');
    update();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Tab' && completing()) {
      event.preventDefault();
      fill(`${command} `);
    } else if (event.key === 'ArrowUp' && input.value === '' && last) {
      event.preventDefault();
      fill(last);
    }
  });
  return {
    setChannel(label) {
      input.placeholder = `Message ${label} — start with ${command}`;
    },
    focus: () => input.focus(),
  };
}
