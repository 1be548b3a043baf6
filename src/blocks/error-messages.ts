import type { KnownBlock } from '@slack/types';
import { ACTION, encodeQueryValue, indexedActionId } from './actions.js';
import {
  actions,
  type BlockMessage,
  button,
  context,
  message,
  type ResponseOptions,
  section,
} from './kit.js';
import { code, escapeMrkdwn, truncate } from './text.js';

/** Prose from our own code (error messages, remedies): escaped, and kept well inside a section. */
const PROSE_MAX = 1200;

export interface ErrorMessageInput {
  /** What went wrong, in one sentence. */
  message: string;
  /** What to do about it, in one sentence. */
  remedy: string;
  /** The query to offer again with a Run again button. */
  retryText?: string | undefined;
}

function runAgainRow(queryText: string, blockId: string) {
  const value = encodeQueryValue(queryText);
  return actions(
    [button({ text: 'Run again', actionId: indexedActionId(ACTION.runAgain, 0), value, style: 'primary' })],
    blockId,
  );
}

function prose(text: string): string {
  return truncate(text.trim(), PROSE_MAX, escapeMrkdwn);
}

/**
 * A failure as a person should see it: one clear sentence, what to do, and Run again when the query
 * is known. Ephemeral unless the listener says otherwise.
 */
export function errorMessage(input: ErrorMessageInput, options: ResponseOptions = {}): BlockMessage {
  const blocks: KnownBlock[] = [
    section(`:warning: *${prose(input.message)}*\n${prose(input.remedy)}`, 'bj_error'),
  ];
  const retry = input.retryText?.trim();
  if (retry) {
    blocks.push(context([`Query: ${code(retry, 500)}`], 'bj_error_query'));
    blocks.push(runAgainRow(retry, 'bj_error_actions'));
  }
  return message(`${prose(input.message)} ${prose(input.remedy)}`, blocks, options);
}

export interface CursorExpiredInput {
  /** The query behind the expired results, when still known. */
  queryText?: string | undefined;
  /** Overrides the default sentence, for example "these results belong to someone else". */
  message?: string | undefined;
  remedy?: string | undefined;
}

/** A click on results that have expired (or are not the clicker's): say so, and offer Run again. */
export function cursorExpiredMessage(input: CursorExpiredInput, options: ResponseOptions = {}): BlockMessage {
  const sentence = input.message?.trim() || 'These results have expired: results are kept for 24 hours.';
  const query = input.queryText?.trim();
  const remedy =
    input.remedy?.trim() ||
    (query ? 'Run the query again for fresh results.' : 'Type the command again for fresh results.');
  const blocks: KnownBlock[] = [section(`:hourglass: *${prose(sentence)}*\n${prose(remedy)}`, 'bj_expired')];
  if (query) {
    blocks.push(context([`Query: ${code(query, 500)}`], 'bj_expired_query'));
    blocks.push(runAgainRow(query, 'bj_expired_actions'));
  }
  return message(`${prose(sentence)} ${prose(remedy)}`, blocks, options);
}

/** The polite refusal for people or channels outside ALLOWED_USER_IDS / ALLOWED_CHANNEL_IDS. */
export function notAllowedMessage(options: ResponseOptions = {}): BlockMessage {
  const sentence = "Sorry, backup jobs can't be looked up from here.";
  const remedy = 'Ask a workspace admin to add this channel or your user to the bot’s allowed list.';
  return message(
    `${sentence} ${remedy}`,
    [section(`:lock: *${sentence}*\n${remedy}`, 'bj_not_allowed')],
    options,
  );
}

/**
 * The refusal of a state-changing click (an export, a share, a mute) while the bot cannot check
 * whether the request is a replay: read-only answers still come; this one waits for storage.
 */
export function replayUncheckedMessage(options: ResponseOptions = {}): BlockMessage {
  return errorMessage(
    {
      message:
        'I cannot do that right now: my storage does not answer, so I cannot make sure this request is yours and new.',
      remedy: 'Lists, details and summaries still work. Try this button again in a minute.',
    },
    options,
  );
}

/** The answer to a command or click whose payload lacks what it needs (not something Slack sends). */
export function malformedRequestMessage(options: ResponseOptions = {}): BlockMessage {
  return errorMessage(
    {
      message: 'That request reached me incomplete, so I could not act on it.',
      remedy: 'Type the command again, or click the button on a fresh answer.',
    },
    options,
  );
}

/** What Slack refused, in words for the person who asked, and what they can do. */
const SLACK_REFUSALS: Readonly<Record<string, { message: string; remedy: string }>> = {
  not_in_channel: {
    message: 'I am not a member of this channel, so I cannot post here.',
    remedy: 'Invite me with `/invite @backup-jobs`, or have it sent to you directly.',
  },
  channel_not_found: {
    message: 'I cannot see this conversation (a private channel or a DM I am not part of).',
    remedy: 'Invite me with `/invite @backup-jobs`, or have it sent to you directly.',
  },
  is_archived: {
    message: 'This channel is archived, so nothing can be posted in it.',
    remedy: 'Unarchive it, ask me in another channel, or have it sent to you directly.',
  },
  restricted_action: {
    message: 'This workspace does not let me post in this channel.',
    remedy: 'A workspace admin can allow apps to post here; meanwhile, have it sent to you directly.',
  },
  missing_scope: {
    message: 'I lack a Slack permission this needs.',
    remedy: 'A workspace admin can reinstall the app from its manifest to grant it.',
  },
  ratelimited: {
    message: 'Slack asked me to slow down for a moment.',
    remedy: 'Try again in a minute.',
  },
  invalid_blocks: {
    message: 'Slack refused a message I built: that is my mistake, and it is logged.',
    remedy: 'Try a narrower query; an admin can find the details in the bot logs.',
  },
  msg_too_long: {
    message: 'Slack refused a message I built as too long: that is my mistake, and it is logged.',
    remedy: 'Try a narrower query; an admin can find the details in the bot logs.',
  },
};

/** Slack errors whose remedy is to send the file to the asker instead. */
const CHANNEL_REFUSALS = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** The sentence for a Slack error code, or undefined for one this app does not expect. */
export function slackRefusal(code: string): { message: string; remedy: string } | undefined {
  return SLACK_REFUSALS[code];
}

/**
 * A Slack refusal as the asker reads it: what happened and what to do, with a "Send it to me"
 * button when the channel was the problem and `direct` says how to send it to them instead.
 */
export function slackRefusedMessage(
  code: string,
  direct?: { actionId: string; value: string },
  options: ResponseOptions = {},
): BlockMessage | undefined {
  const refusal = slackRefusal(code);
  if (!refusal) return undefined;
  const blocks: KnownBlock[] = [
    section(`:warning: *${prose(refusal.message)}*\n${prose(refusal.remedy)}`, 'bj_slack_refused'),
  ];
  if (direct && CHANNEL_REFUSALS.has(code)) {
    blocks.push(
      actions(
        [button({ text: 'Send it to me', actionId: direct.actionId, value: direct.value, style: 'primary' })],
        'bj_slack_refused_actions',
      ),
    );
  }
  return message(`${prose(refusal.message)} ${prose(refusal.remedy)}`, blocks, options);
}
