import type { ConfirmationDialog } from '@slack/types';
import { ACTION, encodeQueryValue } from './actions.js';
import { actions, type BlockMessage, button, message, section } from './kit.js';
import { code, mrkdwnText, plainText } from './text.js';

/** What a command changes for everyone, as the confirmation before it runs says it. */
export interface ChangeNotice {
  /** Completes "This …": `mutes the alert rule prod-failures for 2 hours, for everyone`. */
  sentence: string;
  /** What the button that does it says: `Mute for 2 hours`. */
  action: string;
  /** The dialog's title: `Mute prod-failures?`. */
  question: string;
}

/** Slack's confirmation dialog, shown before a click is sent (title ≤ 100, text ≤ 300, buttons ≤ 30). */
export function confirmDialog(change: ChangeNotice, commandText: string): ConfirmationDialog {
  return {
    title: { type: 'plain_text', text: plainText(change.question, 100) || 'Are you sure?' },
    text: {
      type: 'mrkdwn',
      text: mrkdwnText(`/backup-jobs ${commandText} ${change.sentence}.`, 300),
    },
    confirm: { type: 'plain_text', text: plainText(change.action, 30) || 'Go ahead' },
    deny: { type: 'plain_text', text: 'Cancel' },
    style: 'danger',
  };
}

/**
 * The answer to a button that carries a command which changes something for everyone (a help
 * example, a Run again): nothing has changed yet; the button here does it, after Slack asks once more.
 */
export function confirmCommandMessage(commandText: string, change: ChangeNotice): BlockMessage {
  const text = `${code(`/backup-jobs ${commandText}`, 300)} ${mrkdwnText(change.sentence, 400)}. Nothing has changed yet.`;
  const run = button({
    text: change.action,
    actionId: ACTION.confirmCommand,
    value: encodeQueryValue(commandText),
    style: 'danger',
  });
  run.confirm = confirmDialog(change, commandText);
  return message(`Nothing has changed yet: /backup-jobs ${commandText} ${change.sentence}.`, [
    section(text, 'bj_confirm_command'),
    actions([run], 'bj_confirm_command_run'),
  ]);
}
