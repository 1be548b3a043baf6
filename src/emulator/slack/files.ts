import { extname } from 'node:path';
import type { StoredFile } from './types.js';

const TYPES: Readonly<Record<string, { mimetype: string; filetype: string }>> = {
  '.csv': { mimetype: 'text/csv', filetype: 'csv' },
  '.png': { mimetype: 'image/png', filetype: 'png' },
  '.txt': { mimetype: 'text/plain', filetype: 'text' },
  '.json': { mimetype: 'application/json', filetype: 'json' },
  '.pdf': { mimetype: 'application/pdf', filetype: 'pdf' },
};

/** Files announced, uploaded and shared through the three steps of files.uploadV2. */
export class FileStore {
  readonly #files = new Map<string, StoredFile>();
  readonly #baseUrl: string;
  #seq = 0;

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl;
  }

  /** Step 1 (files.getUploadURLExternal): a file id and where to send the bytes. */
  reserve(filename: string, length: number): { file: StoredFile; uploadUrl: string } {
    this.#seq += 1;
    const id = `F0${String(this.#seq).padStart(6, '0')}`;
    const type = TYPES[extname(filename).toLowerCase()] ?? {
      mimetype: 'application/octet-stream',
      filetype: 'binary',
    };
    const name = encodeURIComponent(filename);
    const file: StoredFile = {
      id,
      name: filename,
      title: filename,
      ...type,
      length,
      completed: false,
      channels: [],
      urlPrivate: `${this.#baseUrl}/files/${id}/${name}`,
      urlPrivateDownload: `${this.#baseUrl}/files/${id}/download/${name}`,
    };
    this.#files.set(id, file);
    return { file, uploadUrl: `${this.#baseUrl}/upload/v1/${id}` };
  }

  /** Step 2: the bytes arrive at the upload URL. False for an unknown or already completed file. */
  receive(id: string, data: Buffer): boolean {
    const file = this.#files.get(id);
    if (!file || file.completed) return false;
    file.data = data;
    return true;
  }

  /** Step 3 (files.completeUploadExternal): the file becomes visible, shared into `channel` if given. */
  complete(id: string, title: string | undefined, channel: string | undefined): StoredFile {
    const file = this.#files.get(id);
    if (!file) throw new Error(`file ${id} does not exist`);
    file.completed = true;
    if (title) file.title = title;
    if (channel && !file.channels.includes(channel)) file.channels.push(channel);
    return file;
  }

  get(id: string): StoredFile | undefined {
    return this.#files.get(id);
  }

  list(): StoredFile[] {
    return [...this.#files.values()];
  }
}

/** A file as Slack's API describes it. */
export function fileJson(file: StoredFile, userId: string): Record<string, unknown> {
  return {
    id: file.id,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype: file.filetype,
    size: file.data?.length ?? file.length,
    user: userId,
    url_private: file.urlPrivate,
    url_private_download: file.urlPrivateDownload,
    permalink: file.urlPrivate,
    channels: file.channels,
  };
}
