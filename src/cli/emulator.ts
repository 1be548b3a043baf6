import { parseArgs } from 'node:util';
import { isRegionName } from '../domain/index.js';
import { startBackupEmulator } from '../emulator/aws/index.js';
import { UsageError } from '../errors.js';

const ORDERS = ['newest', 'oldest', 'shuffled'] as const;
type Order = (typeof ORDERS)[number];
const USAGE_HINT =
  'Usage: backup-jobs emulator [--port N] [--seed N] [--jobs N] [--accounts N] [--regions a,b] [--latency-ms N] [--order newest|oldest|shuffled]';

function integer(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag} "${raw}" is not a whole number from ${min} to ${max}.`, USAGE_HINT);
  }
  return n;
}

function regionList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const regions = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = regions.filter((r) => !isRegionName(r));
  if (regions.length === 0 || bad.length > 0) {
    throw new UsageError(
      `--regions "${raw}" is not a comma-separated list of regions.`,
      'Try: --regions us-east-1,eu-west-1',
    );
  }
  return [...new Set(regions)];
}

function order(raw: string | undefined): Order | undefined {
  if (raw === undefined) return undefined;
  const found = ORDERS.find((o) => o === raw);
  if (!found) throw new UsageError(`--order "${raw}" is not one of ${ORDERS.join(', ')}.`, USAGE_HINT);
  return found;
}

function readFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        jobs: { type: 'string' },
        accounts: { type: 'string' },
        regions: { type: 'string' },
        'latency-ms': { type: 'string' },
        order: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), USAGE_HINT);
  }
}

/** `backup-jobs emulator`: serves the AWS Backup emulator until SIGINT or SIGTERM. */
export async function runEmulator(args: readonly string[]): Promise<number> {
  const flags = readFlags(args);
  const port = integer('port', flags.port, 0, 65535);
  const seed = integer('seed', flags.seed, 0, 2 ** 32 - 1);
  const jobs = integer('jobs', flags.jobs, 0, 5_000_000);
  const accounts = integer('accounts', flags.accounts, 1, 100);
  const regions = regionList(flags.regions);
  const latencyMs = integer('latency-ms', flags['latency-ms'], 0, 120_000);
  const listOrder = order(flags.order);
  const emulator = await startBackupEmulator({
    ...(port === undefined ? {} : { port }),
    ...(seed === undefined ? {} : { seed }),
    ...(jobs === undefined ? {} : { jobs }),
    ...(accounts === undefined ? {} : { accounts }),
    ...(regions === undefined ? {} : { regions }),
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(listOrder === undefined ? {} : { order: listOrder }),
  });
  process.stdout.write(
    `AWS Backup emulator listening on ${emulator.url} (${emulator.jobCount()} jobs, accounts ${emulator.accounts.join(', ')}, regions ${emulator.regions.join(', ')})\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}
