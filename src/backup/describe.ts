import { DescribeBackupJobCommand } from '@aws-sdk/client-backup';
import { CodedError } from '../errors.js';
import { type CallRunner, callAws } from './call.js';
import { toBackupJobDetails } from './convert.js';
import type { BackupJobDetails } from './types.js';

const JOB_ID = /^[A-Za-z0-9-]{1,256}$/;

export function isValidJobId(id: string): boolean {
  return JOB_ID.test(id);
}

async function describeIn(runner: CallRunner, jobId: string, region: string): Promise<BackupJobDetails> {
  const out = await callAws(runner, { operation: 'DescribeBackupJob', region }, (client) =>
    client.send(new DescribeBackupJobCommand({ BackupJobId: jobId })),
  );
  return toBackupJobDetails(out, region);
}

/**
 * One job's details. With the region known (from a listed job) that is one call; for a bare id
 * every region is asked at once and the first to find it wins. Bad ids are refused before any call
 * (an empty id would make the SDK call the list route and "succeed").
 */
export async function describeJob(
  runner: CallRunner,
  jobId: string,
  where: { region?: string | undefined; regions: readonly string[] },
): Promise<BackupJobDetails> {
  if (!isValidJobId(jobId)) {
    throw new CodedError('QUERY_INVALID', `"${jobId.slice(0, 80)}" is not a backup job id.`, {
      remedy: 'Job ids are letters, digits and hyphens, like 9C0F6E1B-2A3D-4E5F-8A9B-0C1D2E3F4A5B.',
    });
  }
  if (where.region) return describeIn(runner, jobId, where.region);
  const regions = [...new Set(where.regions)];
  try {
    return await Promise.any(regions.map((region) => describeIn(runner, jobId, region)));
  } catch (err) {
    const errors = (err as AggregateError).errors as CodedError[];
    const other = errors.find((e) => e.code !== 'AWS_NOT_FOUND');
    if (other) throw other;
    throw new CodedError('AWS_NOT_FOUND', `No backup job ${jobId} in ${regions.join(', ')}.`, {
      remedy: 'Check the id, or add region:NAME if the job ran in a region the bot does not watch.',
    });
  }
}
