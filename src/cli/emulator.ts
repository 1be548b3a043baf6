import { startBackupEmulator } from '../emulator/aws/index.js';
import type { EMULATOR_FLAGS } from './commands.js';
import type { ReadArgs } from './flags.js';

/** `backup-jobs emulator`: serves the AWS Backup emulator until SIGINT or SIGTERM. */
export async function runEmulator({ flags }: ReadArgs<typeof EMULATOR_FLAGS>): Promise<number> {
  const { port, seed, jobs, resources, accounts, regions, 'latency-ms': latencyMs, order } = flags;
  const memberRoleName = flags['member-role-name'];
  const emulator = await startBackupEmulator({
    ...(port === undefined ? {} : { port }),
    ...(seed === undefined ? {} : { seed }),
    ...(jobs === undefined ? {} : { jobs }),
    ...(resources === undefined ? {} : { resources }),
    ...(accounts === undefined ? {} : { accounts }),
    ...(regions === undefined ? {} : { regions }),
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(order === undefined ? {} : { order }),
    ...(memberRoleName === undefined ? {} : { memberRoleName }),
  });
  process.stdout.write(
    `AWS Backup emulator listening on ${emulator.url} (${emulator.jobCount()} jobs, accounts ${emulator.accounts.join(', ')}, regions ${emulator.regions.join(', ')}; members assume ${emulator.memberRoleName})\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}
