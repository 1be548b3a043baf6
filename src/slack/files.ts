import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { CodedError } from '../errors.js';
import type { Visibility } from '../query/types.js';

export interface FileShare {
  path: string;
  filename: string;
  title: string;
  channelId: string;
  comment?: string;
  threadTs?: string;
}

/** Where a file made from an answer goes: the channel for a public answer, the asker alone otherwise. */
export interface FileAudience {
  visibility: Visibility;
  channelId: string;
  userId: string;
  /** The asker asked for it directly (the channel refused it before). */
  direct?: boolean;
}

/**
 * The conversation a file from this answer may be shared into. What starts private stays private:
 * a file from an ephemeral answer goes to the asker's DM with the app (conversations.open), never
 * into the channel where every member would see it.
 */
export async function fileDestination(
  client: WebClient,
  audience: FileAudience,
): Promise<{ channelId: string; direct: boolean }> {
  if (audience.visibility === 'in_channel' && !audience.direct)
    return { channelId: audience.channelId, direct: false };
  const opened = await client.conversations.open({ users: audience.userId });
  const channelId = opened.channel?.id;
  if (!channelId) {
    throw new CodedError('SLACK_API', 'Slack did not open a direct message with you.', {
      remedy: 'Open the app’s Messages tab once, then try again.',
    });
  }
  return { channelId, direct: channelId !== audience.channelId };
}

/**
 * Uploads a file from disk and shares it in a channel: files.getUploadURLExternal, the bytes
 * streamed from disk to the upload URL (memory stays flat whatever the size), then
 * files.completeUploadExternal. This is what `filesUploadV2` does, minus reading the file into memory.
 */
export function shareFile(client: WebClient, share: FileShare): Promise<{ fileId: string }> {
  return upload(client, share);
}

async function upload(client: WebClient, share: FileShare): Promise<{ fileId: string }> {
  const { size } = await stat(share.path);
  const target = await client.files.getUploadURLExternal({ filename: share.filename, length: size });
  if (!target.upload_url || !target.file_id) {
    throw new CodedError('SLACK_API', 'Slack did not hand out an upload address.', {
      remedy: 'Try the export again in a minute.',
    });
  }
  const body = Readable.toWeb(createReadStream(share.path)) as ReadableStream<Uint8Array>;
  const uploaded = await fetch(target.upload_url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) },
    duplex: 'half',
  } as RequestInit);
  await uploaded.arrayBuffer();
  if (!uploaded.ok) {
    throw new CodedError('SLACK_API', `Slack refused the file upload (HTTP ${uploaded.status}).`, {
      remedy: 'Try the export again in a minute.',
    });
  }
  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: share.title }],
    channel_id: share.channelId,
    ...(share.comment ? { initial_comment: share.comment } : {}),
    ...(share.threadTs ? { thread_ts: share.threadTs } : {}),
  } as Parameters<WebClient['files']['completeUploadExternal']>[0]);
  return { fileId: target.file_id };
}
