import type { SlackBlock, StoredFile, StoredMessage } from '../slack/index.js';

/** A file as the page shows it: same-origin paths, so the page works under any host name. */
export interface FileView {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  url: string;
  downloadUrl: string;
}

/** A message as the page renders it: files resolved, ephemerality as a flag. */
export interface MessageView {
  id: string;
  channel: string;
  ts: string;
  threadTs?: string | undefined;
  user: string;
  botId?: string | undefined;
  text: string;
  blocks: SlackBlock[];
  mrkdwn: boolean;
  ephemeral: boolean;
  files: FileView[];
  edited: boolean;
  deleted: boolean;
  via: StoredMessage['via'];
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

export function fileView(file: StoredFile): FileView {
  return {
    id: file.id,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype: file.filetype,
    size: file.data?.length ?? file.length,
    url: pathOf(file.urlPrivate),
    downloadUrl: pathOf(file.urlPrivateDownload),
  };
}

/** The view of a stored message; `files` are looked up among the stand-in's files by id. */
export function messageView(m: StoredMessage, files: ReadonlyMap<string, StoredFile>): MessageView {
  const shared: FileView[] = [];
  for (const id of m.files) {
    const file = files.get(id);
    if (file?.completed) shared.push(fileView(file));
  }
  return {
    id: m.id,
    channel: m.channel,
    ts: m.ts,
    threadTs: m.threadTs,
    user: m.user,
    botId: m.botId,
    text: m.text,
    blocks: m.blocks,
    mrkdwn: m.mrkdwn,
    ephemeral: m.ephemeralFor !== undefined,
    files: shared,
    edited: m.edited,
    deleted: m.deleted,
    via: m.via,
  };
}

/** True when `user` sees the message: everyone sees public ones, only its user an ephemeral one. */
export function visibleTo(m: StoredMessage, user: string): boolean {
  return m.ephemeralFor === undefined || m.ephemeralFor === user;
}
