export async function runWorker(_args: readonly string[]): Promise<number> {
  process.stderr.write(
    'backup-jobs worker will run the alert worker. It is not part of this build yet; "backup-jobs parse" and "backup-jobs emulator" are.\n',
  );
  return 69;
}
