import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListedJob } from '../backup/index.js';
import { coverageTable, resourceChoices, resourceStory, staleNone, stalePage } from '../blocks/index.js';
import { privateFileNotice } from '../blocks/progress.js';
import type { JobKind } from '../domain/index.js';
import { staleCsv } from '../export/stale-csv.js';
import { describeQuery } from '../query/describe.js';
import { listQueryOf } from '../query/list.js';
import type { CoverageQuery, ResourceQuery, StaleQuery } from '../query/types.js';
import type { BotDeps, RequestContext } from './deps.js';
import { fileDestination, shareFile } from './files.js';

/** `stale 24h …`: resources without a good backup (or copy) within the age, from the kept state. */
export async function showStale(
  deps: BotDeps,
  query: StaleQuery,
  timeZone: string,
  options: { page?: number; replaceOriginal?: boolean } = {},
) {
  await deps.coverage.ensureFresh();
  const answer = await deps.coverage.stale(query);
  const common = {
    title: describeQuery(query, timeZone),
    maxAgeMs: query.maxAgeMs,
    copies: query.copies,
    status: answer.status,
    visibility: query.visibility,
    timeZone,
    now: deps.now(),
    notes: query.notes,
  };
  const respond = { responseType: query.visibility, replaceOriginal: options.replaceOriginal ?? false };
  if (answer.entries.length === 0) return staleNone(common, respond);
  return stalePage(
    {
      ...common,
      text: query.text,
      entries: answer.entries,
      page: options.page ?? 1,
      pageSize: query.pageSize,
    },
    respond,
  );
}

/** `coverage …`: every known resource as fresh, stale or never backed up, by type, account and Region. */
export async function showCoverage(deps: BotDeps, query: CoverageQuery, timeZone: string) {
  await deps.coverage.ensureFresh();
  const { groups, status } = await deps.coverage.groups(query);
  return coverageTable(
    {
      title: describeQuery(query, timeZone),
      groups,
      maxAgeMs: query.maxAgeMs,
      vaults: query.filters.vaults,
      status,
      visibility: query.visibility,
      timeZone,
      now: deps.now(),
      notes: query.notes,
    },
    { responseType: query.visibility, replaceOriginal: false },
  );
}

/** The first page of a resource's recent jobs of a kind; none when AWS cannot answer now. */
async function recentJobs(deps: BotDeps, kind: JobKind, arn: string, region: string): Promise<ListedJob[]> {
  const query = listQueryOf(kind, `${kind} resource:${arn}`, {
    filters: { resourceArn: arn },
    regions: deps.backup.regions.includes(region) ? [region] : [],
    pageSize: 5,
  });
  try {
    return (await deps.backup.fetchPage(deps.backup.openListing(query), 5)).jobs;
  } catch {
    return [];
  }
}

/** `resource <arn or name>`: one resource's story, or a choice when a name fits several. */
export async function showResource(
  deps: BotDeps,
  query: Pick<ResourceQuery, 'target' | 'visibility'>,
  timeZone: string,
) {
  const status = await deps.coverage.ensureFresh();
  const found = await deps.coverage.find(query.target);
  const now = deps.now();
  const respond = { responseType: query.visibility, replaceOriginal: false };
  if (found.length > 1)
    return resourceChoices(
      { typed: query.target, resources: found, visibility: query.visibility, timeZone, now },
      respond,
    );
  const resource = found[0];
  if (!resource) {
    return {
      response_type: 'ephemeral',
      replace_original: false,
      text: `I know no resource ${query.target.startsWith('arn:') ? 'with that ARN' : `named "${query.target.slice(0, 200)}"`}: resources come from the backup and copy jobs of the last 30 days and from AWS Backup's protected resources. Try \`/backup-jobs coverage\` to see what is known, or \`/backup-jobs resource arn:aws:…\`.`,
    };
  }
  const [backupJobs, copyJobs] = await Promise.all([
    recentJobs(deps, 'backup', resource.resourceArn, resource.region),
    recentJobs(deps, 'copy', resource.resourceArn, resource.region),
  ]);
  return resourceStory(
    { resource, status, backupJobs, copyJobs, visibility: query.visibility, timeZone, now },
    respond,
  );
}

/** Export CSV of a stale answer: every entry, to the channel when public, else to the asker's DM. */
export async function exportStale(
  deps: BotDeps,
  ctx: RequestContext,
  query: StaleQuery,
  direct: boolean,
): Promise<object | null> {
  await deps.coverage.ensureFresh();
  const { entries } = await deps.coverage.stale(query);
  const target = await fileDestination(ctx.client, {
    visibility: query.visibility,
    channelId: ctx.channelId,
    userId: ctx.userId,
    direct,
  });
  const dir = await mkdtemp(join(tmpdir(), 'backup-jobs-stale-'));
  try {
    const fileName = `stale-${query.copies ? 'copies-' : ''}${deps.now().toISOString().slice(0, 10)}.csv`;
    const path = join(dir, fileName);
    await writeFile(path, staleCsv(entries), 'utf8');
    await ctx.once('share-file', () =>
      shareFile(ctx.client, {
        path,
        filename: fileName,
        title: `Stale ${query.copies ? 'copies' : 'resources'}: ${query.text}`,
        channelId: target.channelId,
        comment: `CSV of \`${query.text.slice(0, 200)}\` for <@${ctx.userId}>: ${entries.length} ${query.copies ? 'copy destinations' : 'resources'}.`,
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return target.direct ? privateFileNotice('CSV', target.channelId, direct ? 'asked' : 'private') : null;
}
