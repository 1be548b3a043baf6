import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../../src/emulator/slack/index.js';
import { apiError, BOT_TOKEN, clientFor, startTestStandIn } from './helpers.js';

let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startTestStandIn();
});
afterAll(() => standIn.close());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);

describe('files.uploadV2 through the real WebClient', () => {
  it('uploads a CSV given as content and shares it in the channel with a comment', async () => {
    const client = clientFor(standIn);
    standIn.resetCalls();
    const res = await client.filesUploadV2({
      channel_id: 'C0OPS',
      filename: 'jobs.csv',
      content: 'id,state\njob-1,FAILED\n',
      initial_comment: 'Your export',
    });
    expect(standIn.calls()).toEqual({
      'files.getUploadURLExternal': 1,
      file_upload: 1,
      'files.completeUploadExternal': 1,
    });
    const file = standIn.files().find((f) => f.name === 'jobs.csv');
    expect(file).toMatchObject({ mimetype: 'text/csv', completed: true, channels: ['C0OPS'] });
    expect(file?.data?.toString()).toBe('id,state\njob-1,FAILED\n');
    expect(JSON.stringify(res)).toContain(file?.id);
    const shared = standIn.lastMessage('C0OPS');
    expect(shared).toMatchObject({ text: 'Your export', files: [file?.id], via: 'files' });
    const download = await fetch(file!.urlPrivateDownload);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="jobs.csv"');
    expect(await download.text()).toBe('id,state\njob-1,FAILED\n');
  });

  it('uploads binary data (a PNG Buffer) byte for byte into a thread', async () => {
    const client = clientFor(standIn);
    const parent = await client.chat.postMessage({ channel: 'C0OPS', text: 'summary' });
    await client.filesUploadV2({
      channel_id: 'C0OPS',
      thread_ts: parent.ts!,
      filename: 'chart.png',
      file: PNG,
    });
    const file = standIn.files().find((f) => f.name === 'chart.png');
    expect(file?.data?.equals(PNG)).toBe(true);
    expect(standIn.lastMessage('C0OPS')).toMatchObject({ threadTs: parent.ts, files: [file?.id] });
    const view = await fetch(file!.urlPrivate);
    expect(view.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await view.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses to share into a private channel the bot is not in, and to complete a file never uploaded', async () => {
    const client = clientFor(standIn);
    const refused = client.filesUploadV2({ channel_id: 'G0SECRET', filename: 'x.csv', content: 'a' });
    expect((await apiError(refused)).error).toBe('not_in_channel');
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'never.csv', length: 3 });
    const incomplete = client.files.completeUploadExternal({
      files: [{ id: file_id! }],
      channel_id: 'C0OPS',
    });
    expect((await apiError(incomplete)).error).toBe('file_not_found');
  });

  it('answers 404 for unknown upload and download URLs', async () => {
    const up = await fetch(`${standIn.baseUrl}/upload/v1/F0NOPE`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${BOT_TOKEN}` },
      body: 'x',
    });
    expect(up.status).toBe(404);
    expect((await fetch(`${standIn.baseUrl}/files/F0NOPE/x.csv`)).status).toBe(404);
  });
});
