import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlockMessage } from '../blocks/index.js';
import { ACTION, decodePageValue } from '../blocks/index.js';
import { csvDoneMessage, csvProgressMessage, privateFileNotice } from '../blocks/progress.js';
import { code } from '../blocks/text.js';
import { KIND_NOUN } from '../domain/index.js';
import { csvFileName, csvHeader, csvRows } from '../export/csv.js';
import type { ListQuery } from '../query/types.js';
import { CursorExpiredError } from '../results/index.js';
import type { WorkContext } from '../work/queue.js';
import type { BotDeps, RequestContext } from './deps.js';
import { failureMessage, safeRespond } from './failures.js';
import { fileDestination, shareFile } from './files.js';
import { requestContext } from './handle.js';
import type { ClickRequest } from './requests.js';

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
    const posted = await ctx.client.chat.postMessage({
      channel: channelId,
      text: first.text,
      blocks: first.blocks,
    });
    const ts = posted.ts as string;
    return {
      update: async (message) => {
        await ctx.client.chat
          .update({ channel: channelId, ts, text: message.text, blocks: message.blocks })
          .catch((err: unknown) => {
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
export async function exportCsv(
  deps: BotDeps,
  ctx: RequestContext,
  query: ListQuery,
  request: Pick<ClickRequest, 'id' | 'actionId' | 'value'>,
): Promise<void> {
  const requestId = request.id;
  const direct = request.actionId === ACTION.exportCsvDirect;
  const lock = `${deps.config.redis.prefix}:export:${ctx.teamId}:${ctx.userId}`;
  const locked = await deps.redis.set(lock, requestId, 'EX', 900, 'NX').catch(() => 'OK');
  // The same export taken over from a process that died holds the lock already: it goes on.
  const mine = locked === 'OK' || (await deps.redis.get(lock).catch(() => null)) === requestId;
  if (!mine) {
    const note = csvProgressMessage({ rows: 0, done: false, note: 'Your previous export is still running.' });
    await safeRespond(ctx.respond, { ...note, replace_original: false }, ctx.log);
    return;
  }
  let progress: Progress | undefined;
  let outcome: ProgressMessage;
  try {
    const target = await fileDestination(ctx.client, {
      visibility: query.visibility,
      channelId: ctx.channelId,
      userId: ctx.userId,
      direct,
    });
    if (target.direct) {
      const notice = privateFileNotice('CSV', target.channelId, direct ? 'asked' : 'private');
      await safeRespond(ctx.respond, notice, ctx.log);
    }
    progress = await openProgress(
      ctx,
      target.channelId,
      csvProgressMessage({ rows: 0, requestedBy: ctx.userId }),
    );
    const { rows, fileName } = await writeAndShare(deps, ctx, query, target.channelId, progress);
    outcome = csvDoneMessage({ rows, fileName, requestedBy: ctx.userId });
  } catch (err) {
    outcome = failureMessage(err, ctx.log, query.text, {
      actionId: ACTION.exportCsvDirect,
      value: request.value ?? '',
    });
  } finally {
    // Released before the last word, so that the next export of this person is never refused.
    if ((await deps.redis.get(lock).catch(() => null)) === requestId)
      await deps.redis.del(lock).catch(() => undefined);
  }
  if (progress) await progress.update(outcome);
  else
    await safeRespond(
      ctx.respond,
      { ...outcome, response_type: 'ephemeral', replace_original: false },
      ctx.log,
    );
}

/** Writes every job of the query to a file on disk, batch by batch, and shares it once. */
async function writeAndShare(
  deps: BotDeps,
  ctx: RequestContext,
  query: ListQuery,
  channelId: string,
  progress: Progress,
): Promise<{ rows: number; fileName: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'backup-jobs-csv-'));
  const fileName = csvFileName(query.text, deps.now());
  const path = join(dir, fileName);
  let rows = 0;
  try {
    const file = createWriteStream(path, { encoding: 'utf8' });
    file.write(csvHeader(query.jobKind));
    let lastUpdate = Date.now();
    for await (const batch of deps.backup.iterateJobs(deps.backup.openListing(query))) {
      rows += batch.length;
      if (!file.write(csvRows(batch))) await once(file, 'drain');
      if (Date.now() - lastUpdate >= PROGRESS_EVERY_MS) {
        lastUpdate = Date.now();
        await progress.update(csvProgressMessage({ rows, requestedBy: ctx.userId }));
      }
    }
    file.end();
    await once(file, 'finish');
    const comment = `CSV of ${query.text.trim() ? code(query.text, 200) : 'all jobs'} for <@${ctx.userId}>: ${rows} jobs.`;
    const title = `${KIND_NOUN[query.jobKind].title}: ${query.text || 'all'}`;
    await ctx.once('share-file', () =>
      shareFile(ctx.client, { path, filename: fileName, title, channelId, comment }),
    );
    return { rows, fileName };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An Export CSV click taken from the export queue: the cursor's query, checked again, then exported. */
export async function runExport(deps: BotDeps, request: ClickRequest, work: WorkContext): Promise<void> {
  const ctx = requestContext(deps, request, work);
  try {
    const target = decodePageValue(request.value);
    if (!target) throw new CursorExpiredError(undefined);
    const { query } = await deps.pager.query(target.cursorId, ctx);
    await exportCsv(deps, ctx, query, request);
  } catch (err) {
    await safeRespond(
      ctx.respond,
      { ...failureMessage(err, ctx.log), response_type: 'ephemeral', replace_original: false },
      ctx.log,
    );
  }
}
