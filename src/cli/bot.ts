export async function runBot(_args: readonly string[]): Promise<number> {
  process.stderr.write(
    'backup-jobs bot will run the Slack app (HTTP on PORT or Socket Mode). It is not part of this build yet; "backup-jobs parse" and "backup-jobs emulator" are.\n',
  );
  return 69;
}
