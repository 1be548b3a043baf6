import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlockMessage } from '../blocks/index.js';
import { csvDoneMessage, csvProgressMessage, privateFileNotice } from '../blocks/progress.js';
import { csvFileName, csvHeader, csvRows } from '../export/csv.js';
import type { ListQuery } from '../query/types.js';
import type { BotDeps, RequestContext } from './deps.js';
import { failureMessage, safeRespond } from './failures.js';
import { fileDestination, shareFile } from './files.js';
import { whileWaiting } from './inflight.js';

/** At most one progress update every this many ms (chat.update allows about 50 a minute). */
const PROGRESS_EVERY_MS = 2000;

type ProgressMessage = Pick<BlockMessage, 'text' | 'blocks'>;

interface Progress {
  update(message: ProgressMessage): Promise<void>;
}

/**
 * The progress message: a message kept up to date where the file will go (the channel, or the
 * asker's DM), or ephemeral replies where the bot cannot post.
 */
async function openProgress(
  ctx: RequestContext,
  channelId: string,
  first: ProgressMessage,
): Promise<Progress> {
  try {
    const posted = await whileWaiting(() =>
      ctx.client.chat.postMessage({ channel: channelId, text: first.text, blocks: first.blocks }),
    );
    const ts = posted.ts as string;
    return {
      update: async (message) => {
        await whileWaiting(() =>
          ctx.client.chat.update({ channel: channelId, ts, text: message.text, blocks: message.blocks }),
        ).catch((err: unknown) => {
          ctx.log.warn({ err }, 'progress update failed');
        });
      },
    };
  } catch (err) {
    ctx.log.info({ err }, 'cannot post in the channel; progress goes to the requester only');
    await safeRespond(
      ctx.respond,
      { ...first, response_type: 'ephemeral', replace_original: false },
      ctx.log,
    );
    return {
      update: async (message) => {
        await safeRespond(
          ctx.respond,
          { ...message, response_type: 'ephemeral', replace_original: false },
          ctx.log,
        );
      },
    };
  }
}

/**
 * Streams every job of the query into a CSV file on disk, batch by batch as AWS returns them, and
 * shares it where the answer was seen: in the channel for a public answer, in the asker's DM for a
 * private one. Memory stays flat whatever the number of jobs. One export per person at a time.
 */
export async function exportCsv(deps: BotDeps, ctx: RequestContext, query: ListQuery): Promise<void> {
  const lock = `${deps.config.redis.prefix}:export:${ctx.teamId}:${ctx.userId}`;
  const locked = await deps.redis.set(lock, '1', 'EX', 900, 'NX').catch(() => 'OK');
  if (locked !== 'OK') {
    await safeRespond(
      ctx.respond,
      {
        ...csvProgressMessage({ rows: 0, done: false, note: 'Your previous export is still running.' }),
        replace_original: false,
      },
      ctx.log,
    );
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'backup-jobs-csv-'));
  const fileName = csvFileName(query.text, deps.now());
  const path = join(dir, fileName);
  let rows = 0;
  let progress: Progress | undefined;
  try {
    const target = await fileDestination(ctx.client, {
      visibility: query.visibility,
      channelId: ctx.channelId,
      userId: ctx.userId,
    });
    if (target.direct) await safeRespond(ctx.respond, privateFileNotice('CSV', target.channelId), ctx.log);
    progress = await openProgress(
      ctx,
      target.channelId,
      csvProgressMessage({ rows: 0, done: false, requestedBy: ctx.userId }),
    );
    const file = createWriteStream(path, { encoding: 'utf8' });
    file.write(csvHeader());
    let lastUpdate = Date.now();
    for await (const batch of deps.backup.iterateJobs(deps.backup.openListing(query))) {
      rows += batch.length;
      if (!file.write(csvRows(batch))) await once(file, 'drain');
      if (Date.now() - lastUpdate >= PROGRESS_EVERY_MS) {
        lastUpdate = Date.now();
        await progress.update(csvProgressMessage({ rows, done: false, requestedBy: ctx.userId }));
      }
    }
    file.end();
    await once(file, 'finish');
    await shareFile(ctx.client, {
      path,
      filename: fileName,
      title: `Backup jobs: ${query.text || 'all'}`,
      channelId: target.channelId,
      comment: `CSV of \`${query.text.slice(0, 200) || 'all jobs'}\` for <@${ctx.userId}>: ${rows} jobs.`,
    });
    await progress.update(csvDoneMessage({ rows, fileName, requestedBy: ctx.userId }));
  } catch (err) {
    const failed = failureMessage(err, ctx.log, query.text);
    if (progress) await progress.update(failed);
    else
      await safeRespond(
        ctx.respond,
        { ...failed, response_type: 'ephemeral', replace_original: false },
        ctx.log,
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
    await deps.redis.del(lock).catch(() => undefined);
  }
}
