import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createBackupClients, createBackupGateway } from '../src/backup/index.js';
import { createCoverageService } from '../src/coverage/index.js';
import { startBackupEmulator } from '../src/emulator/aws/index.js';

const JOBS = 100_000;
const REGIONS = ['us-east-1', 'eu-west-1'];
const HOUR = 3_600_000;

/** Resources of the estate measured: 100,000 jobs back up about 3,000 daily, these every 3 days. */
const RESOURCES = 10_000;

/**
 * Coverage passes over an emulated organisation of 100,000 jobs and `resources` resources (by
 * default those backed up daily): the first (full) pass, a steady pass with nothing new, and a
 * steady pass after 100 new jobs, in AWS calls and time; then `stale 24h` answered from the kept
 * state. The steady pass should cost one List call per kind and Region whatever the estate, and
 * answers should not scan it.
 */
async function measure(resources?: number): Promise<Record<string, number>> {
  const emu = await startBackupEmulator({
    jobs: JOBS,
    ...(resources === undefined ? {} : { resources }),
    seed: 2,
    accounts: 5,
    regions: REGIONS,
  });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `{bjbench-${randomUUID().slice(0, 8)}}`;
  const clients = createBackupClients({
    regions: REGIONS,
    endpoint: emu.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bench-secret-key-for-the-emulator' },
    memberRoleName: emu.memberRoleName,
  });
  const backup = createBackupGateway({ clients, defaultAccountId: '*' });
  const coverage = createCoverageService({
    redis,
    prefix,
    backup,
    now: () => new Date(),
    log: pino({ level: 'silent' }),
  });
  const timed = async <T>(run: () => Promise<T>) => {
    emu.resetStats();
    const started = performance.now();
    const value = await run();
    return { value, ms: performance.now() - started, calls: emu.stats().total };
  };
  try {
    const first = await timed(() => coverage.pass());
    const steady = await timed(() => coverage.pass());
    emu.addJobs(
      Array.from({ length: 100 }, (_, i) => ({
        Region: REGIONS[i % REGIONS.length]!,
        State: 'COMPLETED' as const,
      })),
    );
    const newJobs = await timed(() => coverage.pass());
    const answers: number[] = [];
    let stale = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      stale = (await coverage.stale({ maxAgeMs: 24 * HOUR, copies: false, filters: {} })).entries.length;
      answers.push(performance.now() - t);
    }
    answers.sort((a, b) => a - b);
    const coverageTable = await timed(() => coverage.groups({ maxAgeMs: 26 * HOUR, filters: {} }));
    return {
      jobs: JOBS,
      regions: REGIONS.length,
      accounts: emu.accounts.length,
      resourcesKnown: (await coverage.status()).resources,
      firstPassMs: Math.round(first.ms),
      firstPassAwsCalls: first.calls,
      steadyPassMs: Math.round(steady.ms),
      steadyPassAwsCalls: steady.calls,
      passAfter100NewJobsMs: Math.round(newJobs.ms),
      passAfter100NewJobsAwsCalls: newJobs.calls,
      stale24hMedianMs: Math.round(answers[2]! * 10) / 10,
      stale24hResources: stale,
      coverageTableMs: Math.round(coverageTable.ms),
    };
  } finally {
    await coverage.store.clear();
    redis.disconnect();
    clients.destroy();
    await emu.close();
  }
}

/**
 * The estate of 10,000 resources, and the steady pass of a third of them beside it: its time should
 * not grow with the resources.
 */
export async function benchCoverage(): Promise<Record<string, number>> {
  const small = await measure();
  const large = await measure(RESOURCES);
  return {
    ...large,
    steadyPassMsAtFewerResources: small.steadyPassMs!,
    fewerResourcesKnown: small.resourcesKnown!,
    steadyPassTimeRatio: Math.round((large.steadyPassMs! / small.steadyPassMs!) * 100) / 100,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchCoverage());
}
