export async function runEmulator(_args: readonly string[]): Promise<number> {
  process.stderr.write('backup-jobs emulator is not part of this build yet.\n');
  return 69;
}
