import type { KnownBlock } from '@slack/types';
import { ACTION, encodeQueryValue, indexedActionId, MAX_BUTTON_VALUE } from './actions.js';
import { type ChangeNotice, confirmDialog } from './confirm.js';
import { classifyExample, HELP_TOPICS, type HelpTopic, TOPIC_TEXT, topicOf } from './help-topics.js';
import {
  actions,
  type BlockMessage,
  button,
  context,
  header,
  message,
  type ResponseOptions,
  section,
} from './kit.js';
import { code, mrkdwnText } from './text.js';

export type { HelpTopic } from './help-topics.js';

/** One example query: runs when clicked, and is shown in code formatting to copy. */
export interface HelpExample {
  text: string;
  description: string;
  /** Where it is shown; read from the text when absent. */
  topic?: HelpTopic;
  /**
   * What it changes for everyone, when it does: its button asks first (Slack's confirmation dialog),
   * and the click only says what it would do, with a button that does it.
   */
  change?: ChangeNotice | undefined;
}

export interface HelpOptions extends ResponseOptions {
  /** A word typed after `help` (`dates`, `filters`, …): show only that part. */
  topic?: string | undefined;
}

/** Examples shown at most per topic, and in all (each is a line and a button). */
const PER_TOPIC = 7;
const IN_ALL = 25;

/**
 * The query language with examples people can click (each button runs its example) or copy, in
 * sections for lists, time windows, filters, summaries, details and alerts.
 */
export function helpMessage(examples: readonly HelpExample[], options: HelpOptions = {}): BlockMessage {
  const only = topicOf(options.topic);
  const topics = only ? [only] : HELP_TOPICS;
  const grouped = new Map<HelpTopic, HelpExample[]>();
  let shown = 0;
  for (const example of examples) {
    if (example.text.trim() === '' || shown >= IN_ALL) continue;
    const topic = example.topic ?? classifyExample(example.text);
    const list = grouped.get(topic) ?? [];
    if (list.length >= PER_TOPIC || !topics.includes(topic)) continue;
    list.push(example);
    grouped.set(topic, list);
    shown += 1;
  }
  const blocks: KnownBlock[] = [
    header(':book: /backup-jobs: what you can ask', 'bj_help_head'),
    section(
      'Type `/backup-jobs` and what you want to see, in plain words. ' +
        '*Click an example to run it*, or copy it and change it. ' +
        'The examples use your own vaults, resources and rules; one that changes something asks first.',
      'bj_help_intro',
    ),
  ];
  let index = 0;
  for (const topic of topics) {
    const { title, body } = TOPIC_TEXT[topic];
    const list = grouped.get(topic) ?? [];
    const lines = list.map(
      (e) => `• ${code(`/backup-jobs ${e.text.trim()}`, 140)} — ${mrkdwnText(e.description, 120)}`,
    );
    blocks.push(section([`*${title}*`, body, ...lines].join('\n'), `bj_help_${topic}`));
    const buttons = list
      .filter((e) => e.text.trim().length <= MAX_BUTTON_VALUE)
      .map((e) => {
        const id = indexedActionId(ACTION.helpExample, index);
        index += 1;
        const run = button({ text: `▶ ${e.text.trim()}`, actionId: id, value: encodeQueryValue(e.text) });
        if (e.change) run.confirm = confirmDialog(e.change, e.text.trim());
        return run;
      });
    if (buttons.length > 0) blocks.push(actions(buttons, `bj_help_${topic}_run`));
  }
  blocks.push(
    context(
      [
        only
          ? 'Type `/backup-jobs help` for everything.'
          : 'Answers are just for you unless you add `public`. Times use your Slack time zone.',
      ],
      'bj_help_foot',
    ),
  );
  return message('How to use /backup-jobs, with examples', blocks, options);
}
