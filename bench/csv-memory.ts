import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { startChildEmulator } from './child-bot.js';

const run = promisify(execFile);

/**
 * Peak memory of the CSV export's pipeline (its own process, heap capped at 64 MiB so a leak would
 * fail) for 1,000 and for 100,000 jobs.
 */
export async function benchCsvMemory(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const dir = await mkdtemp(join(tmpdir(), 'bench-csv-'));
  const peaks: number[] = [];
  for (const jobs of [1000, 10_000, 100_000]) {
    const aws = await startChildEmulator(['--jobs', String(jobs), '--regions', 'us-east-1,eu-west-1']);
    const { stdout } = await run(
      process.execPath,
      [
        '--max-old-space-size=64',
        '--import',
        'tsx',
        'bench/csv-child.ts',
        aws.url,
        'us-east-1,eu-west-1',
        join(dir, `${jobs}.csv`),
      ],
      {
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        maxBuffer: 1024 * 1024,
      },
    );
    await aws.stop();
    const result = JSON.parse(stdout) as { rows: number; maxRssMb: number; maxHeapMb: number };
    peaks.push(result.maxHeapMb);
    out[`CSV export peak heap used MiB (${jobs} jobs asked)`] = Math.round(result.maxHeapMb);
    out[`CSV rows (${jobs} jobs asked)`] = result.rows;
    out[`CSV export peak RSS MiB (${jobs} jobs asked)`] = Math.round(result.maxRssMb);
  }
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  out['peak heap ratio 100k / 1k'] = ratio(peaks[2]!, peaks[0]!);
  out['peak heap ratio 100k / 10k'] = ratio(peaks[2]!, peaks[1]!);
  await rm(dir, { recursive: true, force: true });
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchCsvMemory());
}
