import type { KnownBlock } from '@slack/types';
import { formatCount } from './format.js';
import { type BlockMessage, context, message, type ResponseOptions, section } from './kit.js';
import { code, escapeMrkdwn, mrkdwnText, plural, truncate } from './text.js';

const USER_ID = /^[UW][A-Z0-9]{1,30}$/;

function mention(userId: string | undefined): string | undefined {
  return userId !== undefined && USER_ID.test(userId) ? `<@${userId}>` : undefined;
}

/** "Working on it" while an answer is fetched; `text` is the query as typed. */
export function workingMessage(text: string, options: ResponseOptions = {}): BlockMessage {
  const query = text.trim();
  const line = query
    ? `:hourglass_flowing_sand: Looking up ${code(query, 500)}…`
    : ':hourglass_flowing_sand: Looking up backup jobs…';
  const fallback = query ? `Looking up ${mrkdwnText(query, 500)}…` : 'Looking up backup jobs…';
  return message(fallback, [context([line], 'bj_working')], options);
}

export interface CsvProgressInput {
  /** Jobs written to the file so far. */
  rows: number;
  /** AWS pages read so far, when counted. */
  pages?: number;
  /** Jobs expected in all, when known: adds a progress bar. */
  total?: number;
  /** True once every job is written and the file is being uploaded. */
  done?: boolean;
  /** A remark instead of the usual wording, like "your previous export is still running". */
  note?: string;
  /** Slack user id of the person who asked. */
  requestedBy?: string;
}

const BAR_CELLS = 20;

/** `▰▰▰▰▱▱▱▱ 50%` for a known total. */
export function progressBar(done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * BAR_CELLS);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${Math.floor(ratio * 100)}%`;
}

/** The CSV export's progress message, updated in place as pages arrive. */
export function csvProgressMessage(input: CsvProgressInput, options: ResponseOptions = {}): BlockMessage {
  const rows = Math.max(0, Math.floor(input.rows));
  const who = mention(input.requestedBy);
  const headline = input.note
    ? `:information_source: ${escapeMrkdwn(truncate(input.note.trim(), 500))}`
    : input.done
      ? `:outbox_tray: *Uploading the CSV* of ${plural(rows, 'job')}…`
      : rows === 0
        ? ':hourglass_flowing_sand: *Exporting CSV…* reading the first page'
        : `:hourglass_flowing_sand: *Exporting CSV…* ${plural(rows, 'job')} so far`;
  const blocks: KnownBlock[] = [section(headline, 'bj_csv_progress')];
  const details = [
    input.total !== undefined && input.total > 0 && !input.note
      ? `${progressBar(rows, input.total)} of ${formatCount(input.total)}`
      : undefined,
    input.pages !== undefined ? plural(input.pages, 'page') : undefined,
    who ? `for ${who}` : undefined,
  ].filter((d): d is string => d !== undefined);
  if (details.length > 0) blocks.push(context([details.join(' · ')], 'bj_csv_details'));
  const text = input.note
    ? escapeMrkdwn(truncate(input.note.trim(), 500))
    : `Exporting CSV: ${plural(rows, 'job')} so far`;
  return message(text, blocks, options);
}

export interface CsvDoneInput {
  rows: number;
  fileName: string;
  requestedBy?: string;
}

/** The export's last word: the file is in the channel. */
export function csvDoneMessage(input: CsvDoneInput, options: ResponseOptions = {}): BlockMessage {
  const who = mention(input.requestedBy);
  const line = `:white_check_mark: *CSV ready:* ${code(input.fileName, 260)} with ${plural(input.rows, 'job')}${
    who ? ` for ${who}` : ''
  }.`;
  const fallback = `CSV ready: ${mrkdwnText(input.fileName, 260)} with ${plural(input.rows, 'job')}`;
  return message(fallback, [section(line, 'bj_csv_done')], options);
}

/**
 * The line in a private answer that says where its file went: to the asker's direct messages with
 * the app, so that nobody else in the channel sees it.
 */
export function privateFileNotice(
  what: 'CSV',
  dmChannelId: string,
  because: 'private' | 'asked' = 'private',
): BlockMessage {
  const where = /^D[A-Z0-9]{1,30}$/.test(dmChannelId) ? `<#${dmChannelId}>` : 'our direct messages';
  const line =
    because === 'private'
      ? `:lock: This answer is private, so the ${what} is too: I am sending it to you alone, in ${where}.`
      : `:incoming_envelope: As you asked, I am sending the ${what} to you alone, in ${where}.`;
  return message(
    `The ${what} is on its way to your direct messages with me.`,
    [context([line], 'bj_private_file')],
    {
      responseType: 'ephemeral',
      replaceOriginal: false,
    },
  );
}

/** The answer to Export CSV when other exports are ahead of it in the queue. */
export function csvQueuedMessage(ahead: number): BlockMessage {
  const n = Math.max(1, Math.floor(ahead));
  const line = `:hourglass: *Your export is queued:* ${plural(n, 'export')} ahead of it. It starts on its own; progress shows here.`;
  return message(
    `Your export is queued: ${plural(n, 'export')} ahead of it.`,
    [section(line, 'bj_csv_queued')],
    {
      responseType: 'ephemeral',
      replaceOriginal: false,
    },
  );
}
