import type { BackupEmulator, SeededGap } from '../emulator/aws/index.js';
import { injectDrFailures } from './demo-burst-dr.js';

const FAILURES = [
  {
    ResourceType: 'RDS',
    ResourceName: 'orders-db-prod',
    StatusMessage: 'Backup job failed: the DB instance is not in a valid state (storage-full).',
  },
  {
    ResourceType: 'RDS',
    ResourceName: 'billing-db-prod',
    StatusMessage: 'Backup job failed: the snapshot quota for the account was exceeded.',
  },
  {
    ResourceType: 'EBS',
    ResourceName: 'vol-0a1b2c3d4e5f60718',
    StatusMessage: 'Access denied: the IAM role cannot call ec2:CreateSnapshot.',
  },
  {
    ResourceType: 'EFS',
    ResourceName: 'shared-home',
    StatusMessage: 'Backup job failed: the file system was being deleted.',
  },
  {
    ResourceType: 'DynamoDB',
    ResourceName: 'sessions',
    StatusMessage: 'Backup job failed: point-in-time recovery is disabled on the table.',
  },
  {
    ResourceType: 'EC2',
    ResourceName: 'bastion-1',
    StatusMessage: 'Backup job partially completed: 1 of 3 volumes could not be snapshotted.',
    State: 'PARTIAL',
  },
] as const;

/** Adds failed jobs that just ended, as if a wave of backups had gone wrong. */
function inject(aws: BackupEmulator, picks: readonly (typeof FAILURES)[number][]) {
  const now = Date.now();
  aws.addJobs(
    picks.map((f, i) => ({
      Region: aws.regions[i % aws.regions.length]!,
      AccountId: aws.accounts[(i % (aws.accounts.length - 1)) + 1] ?? aws.accounts[0]!,
      State: 'State' in f ? f.State : 'FAILED',
      ResourceType: f.ResourceType,
      ResourceName: f.ResourceName,
      StatusMessage: f.StatusMessage,
      MessageCategory: f.StatusMessage.startsWith('Access denied') ? 'AccessDenied' : 'FAILURE',
      CreationDate: new Date(now - 12 * 60_000).toISOString(),
      CompletionDate: new Date(now - (i + 1) * 1000).toISOString(),
    })),
  );
}

/** Backs up the resource whose plan had quietly stopped backing it up, as a fixed plan would. */
export function backUpSeededGap(aws: BackupEmulator): SeededGap | undefined {
  const gap = aws.seededGaps().staleBackup;
  if (gap) aws.recover(gap.resourceArn);
  return gap;
}

/**
 * The demo's script: a burst of failures `afterMs` after start (the alert fires), with copies to the
 * DR vault and restores failing beside them; more backups fail 20 s later (the alert updates in
 * place), and the resource whose backups had quietly stopped is backed up again (the stale alert
 * resolves); the demo rule's 2-minute window then lets the failures age out (it resolves).
 */
export function scheduleBurst(aws: BackupEmulator, afterMs: number, say: (line: string) => void): () => void {
  const timers = [
    setTimeout(() => {
      inject(aws, FAILURES.slice(0, 4));
      const dr = injectDrFailures(aws);
      say(
        `Injected 4 failed backup jobs, ${dr.copies} failed copy jobs to the DR vault and ${dr.restores} failed restores or restore tests: watch #backup-alerts.`,
      );
    }, afterMs),
    setTimeout(() => {
      inject(aws, FAILURES.slice(4));
      say('Injected 2 more: the alert updates in place; it resolves once they leave the 2-minute window.');
      const gap = backUpSeededGap(aws);
      if (gap)
        say(
          `Backed up ${gap.resourceName} again: its stale-resource alert resolves after the next coverage pass.`,
        );
    }, afterMs + 20_000),
  ];
  for (const t of timers) t.unref();
  return () => {
    for (const t of timers) clearTimeout(t);
  };
}
