export async function runDemo(_args: readonly string[]): Promise<number> {
  process.stderr.write(
    'backup-jobs demo will run Redis, the AWS Backup emulator with a seeded organisation, the bot, the alert worker and a Slack-like playground in your browser. It is not part of this build yet; "backup-jobs parse" and "backup-jobs emulator" are.\n',
  );
  return 69;
}
