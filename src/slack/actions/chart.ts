import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION, decodeCursorValue } from '../../blocks/index.js';
import { privateFileNotice } from '../../blocks/progress.js';
import { renderDailyChart } from '../../chart/daily-chart.js';
import { KIND_NOUN } from '../../domain/index.js';
import { describeQuery } from '../../query/describe.js';
import { CursorExpiredError } from '../../results/index.js';
import { dailyCounts } from '../chart-data.js';
import { failureMessage } from '../failures.js';
import { fileDestination, shareFile } from '../files.js';
import type { ClickAction } from './types.js';

/**
 * Chart: daily counts per state for the summary's scope, drawn locally and uploaded as a PNG, to the
 * channel for a public summary and to the asker alone for a private one.
 */
export const CHART_CLICK: ClickAction = {
  match: new RegExp(`^(?:${ACTION.chart}|${ACTION.chartDirect})$`),
  name: 'chart',
  async run(deps, ctx, value, request) {
    const direct = request.actionId === ACTION.chartDirect;
    const id = decodeCursorValue(value);
    if (!id) throw new CursorExpiredError(undefined);
    const saved = await deps.savedQueries.load(id, {
      teamId: ctx.teamId,
      channelId: ctx.channelId,
      userId: ctx.userId,
    });
    const daily = {
      ...saved.query,
      summary: { ...saved.query.summary, period: 'ONE_DAY' as const },
    };
    const summary = await deps.backup.summary(daily);
    const noun = KIND_NOUN[daily.jobKind];
    const title = `AWS Backup ${daily.jobKind === 'backup' ? 'jobs' : noun.many} per day`;
    const fileName = `${noun.many.replace(' ', '-')}-per-day.png`;
    const png = renderDailyChart({
      title,
      subtitle: `${describeQuery(daily, saved.timeZone)} · ${summary.regions.join(', ')}`,
      days: dailyCounts(summary.rows),
    });
    const target = await fileDestination(ctx.client, {
      visibility: saved.binding.visibility,
      channelId: ctx.channelId,
      userId: ctx.userId,
      direct,
    });
    const dir = await mkdtemp(join(tmpdir(), 'backup-jobs-chart-'));
    try {
      const path = join(dir, fileName);
      await writeFile(path, png);
      await ctx.once('share-file', () =>
        shareFile(ctx.client, {
          path,
          filename: fileName,
          title,
          channelId: target.channelId,
          comment: `Daily ${noun.many} for <@${ctx.userId}>${summary.failedRegions.length > 0 ? ` (without ${summary.failedRegions.map((f) => f.region).join(', ')}: no answer)` : ''}.`,
        }),
      );
    } catch (err) {
      return {
        ...failureMessage(err, ctx.log, undefined, { actionId: ACTION.chartDirect, value: value ?? '' }),
        response_type: 'ephemeral',
        replace_original: false,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return target.direct ? privateFileNotice('chart', target.channelId, direct ? 'asked' : 'private') : null;
  },
};
