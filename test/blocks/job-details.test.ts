import { describe, expect, it } from 'vitest';
import type { BackupJobDetails } from '../../src/backup/types.js';
import { ACTION, decodeDetailsValue, indexedActionId } from '../../src/blocks/actions.js';
import { consoleUrl, jobDetails } from '../../src/blocks/job-details.js';
import { bareJob, copyJob, job, NOW, restoreJob } from './fixtures.js';
import { allText, element, mrkdwnTexts, textsOf } from './inspect.js';

const ctx = { timeZone: 'Asia/Kolkata', now: NOW };

function parentRunning(): BackupJobDetails {
  const j: BackupJobDetails = {
    ...job({
      state: 'RUNNING',
      percentDone: 42.5,
      initiatedAt: '2026-11-10T13:00:05Z',
      startBy: '2026-11-10T14:00:00Z',
      expectedCompletionAt: '2026-11-10T18:00:00Z',
      isParent: true,
      bytesTransferred: 1024 ** 3,
    }),
    childJobCount: 12,
    childJobsInState: { COMPLETED: 9, FAILED: 2, RUNNING: 1 },
  };
  delete j.completedAt;
  return j;
}

describe('jobDetails', () => {
  it('shows every field that matters', () => {
    const text = allText(
      jobDetails(
        {
          ...job({ state: 'FAILED', statusMessage: 'Role cannot assume.', messageCategory: 'AccessDenied' }),
        },
        ctx,
      ),
    );
    for (const part of [
      ':red_circle: Failed',
      '`orders-db`',
      'RDS',
      '`123456789012`',
      'us-east-1',
      '`prod-vault`',
      'SNAPSHOT',
      '12.3 GiB',
      'took 47m',
      '*Created*\ntoday 18:30',
      '*Completed*\ntoday 19:17',
      'daily-35d',
      '*Backup rule*\ndaily',
      '*Recovery point*\n`arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-a1b2`',
      '*IAM role*\n`arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole`',
      '*Status message* · category `AccessDenied`\n> Role cannot assume.',
      'Asia/Kolkata (GMT+5:30)',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('links to the job in the AWS console', () => {
    const msg = jobDetails(job(), ctx);
    expect(element(msg, ACTION.openConsole)?.url).toBe(
      'https://us-east-1.console.aws.amazon.com/backup/home?region=us-east-1#/jobs/backup/details/A1B2C3D4-0000-4000-8000-000000000001',
    );
    expect(consoleUrl('us-gov-west-1', 'a b')).toBe(
      'https://console.amazonaws-us-gov.com/backup/home?region=us-gov-west-1#/jobs/backup/details/a%20b',
    );
    expect(consoleUrl('evil.example.com/#', 'x')).toBeUndefined();
  });

  it('shows progress, start-by and expected times and child counts for a running parent job', () => {
    const msg = jobDetails(parentRunning(), ctx);
    const text = allText(msg);
    expect(text).toContain(':large_blue_circle: Running · 42.5% done');
    expect(text).toContain('*Duration*\nrunning for 2h 30m');
    expect(text).toContain('*Started*\ntoday 18:30');
    expect(text).toContain('*Start by*\ntoday 19:30');
    expect(text).toContain('*Expected completion*\ntoday 23:30');
    expect(text).toContain('*Transferred*\n1 GiB');
    expect(text).toContain('*Child jobs:* 12');
    expect(text).toContain(
      ':red_circle: 2 failed · :large_blue_circle: 1 running · :large_green_circle: 9 completed',
    );
    expect(text).not.toContain('*Completed*');
    expect(element(msg, indexedActionId(ACTION.runAgain, 0))?.value).toBe(
      'parent:A1B2C3D4-0000-4000-8000-000000000001 region:us-east-1',
    );
  });

  it('offers the parent of a child job', () => {
    const msg = jobDetails(job({ parentJobId: 'PARENT-9' }), ctx);
    expect(allText(msg)).toContain('*Parent job:* `PARENT-9`');
    const button = element(msg, indexedActionId(ACTION.details, 0));
    expect(decodeDetailsValue(button?.value)).toEqual({
      region: 'us-east-1',
      jobId: 'PARENT-9',
      kind: 'backup',
    });
  });

  it('leaves out what AWS did not send', () => {
    const text = allText(jobDetails(bareJob(), ctx));
    expect(text).toContain(':red_circle: Backup job · Failed: job B0000000-0000-4000-8000-000000000000');
    for (const label of [
      '*Vault*',
      '*Size*',
      '*Backup plan*',
      '*IAM role*',
      '*Status message*',
      '*Child jobs',
    ]) {
      expect(text).not.toContain(label);
    }
  });
});

/** The text of the section with this block_id. */
function block(msg: ReturnType<typeof jobDetails>, id: string): string {
  return textsOf({ text: '', blocks: msg.blocks.filter((b) => b.block_id === id) }, 'section').join('\n');
}

describe('jobDetails of a copy job', () => {
  const msg = jobDetails(copyJob(), ctx);

  it('names the kind in the heading and the fallback text', () => {
    expect(msg.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: ':large_green_circle: Copy job · Completed: orders-db' },
    });
    expect(msg.text).toBe('Copy job C0000000-0000-4000-8000-000000000001: completed, orders-db');
  });

  it('groups where the copy comes from and where it goes', () => {
    const source = block(msg, 'bj_details_source');
    expect(source).toContain('*Source*');
    expect(source).toContain('*Vault*\n`prod-vault`');
    expect(source).toContain('*Region*\nus-east-1');
    expect(source).toContain('*Backup job*\n`A1B2C3D4-0000-4000-8000-000000000001`');
    const destination = block(msg, 'bj_details_destination');
    expect(destination).toContain('*Destination*');
    expect(destination).toContain('*Vault*\n`dr-vault`');
    expect(destination).toContain('*Account*\n`222233334444`');
    expect(destination).toContain('*Region*\nus-west-2');
    expect(block(msg, 'bj_details_plan')).toContain('*Backup plan*\ndaily-35d');
    expect(block(msg, 'bj_details_when')).toContain('*Duration*\ntook 47m');
    expect(block(msg, 'bj_details_arns')).toContain(
      '*Destination recovery point*\n`arn:aws:rds:us-west-2:222233334444:snapshot:awsbackup:copy-c000`',
    );
  });

  it('omits the groups it has nothing for, and shows them when AWS says', () => {
    expect(allText(msg)).not.toContain('*Protection*');
    const kept = jobDetails(
      copyJob({ destinationVaultLockState: 'LOCKED', destinationLifecycle: { deleteAfterDays: 90 } }),
      ctx,
    );
    const protection = block(kept, 'bj_details_protection');
    expect(protection).toContain('*Vault lock*\nLOCKED');
    expect(protection).toContain('deleted after 90 days');
  });

  it('leads to the backup job it copies and to the copy in the AWS console', () => {
    expect(decodeDetailsValue(element(msg, indexedActionId(ACTION.details, 0))?.value)).toEqual({
      region: 'us-east-1',
      jobId: 'A1B2C3D4-0000-4000-8000-000000000001',
      kind: 'backup',
    });
    expect(element(msg, ACTION.openConsole)?.url).toBe(
      'https://us-east-1.console.aws.amazon.com/backup/home?region=us-east-1#/jobs/copy/details/C0000000-0000-4000-8000-000000000001',
    );
  });

  it('lists the child copies of a parent copy job, and leads to its parent copy', () => {
    const parent = jobDetails(
      copyJob({ isParent: true, parentJobId: 'P-1', childJobCount: 3, childJobsInState: { FAILED: 3 } }),
      ctx,
    );
    expect(allText(parent)).toContain('*Child jobs:* 3\n:red_circle: 3 failed');
    expect(element(parent, indexedActionId(ACTION.runAgain, 0))?.value).toBe(
      'copy parent:C0000000-0000-4000-8000-000000000001 region:us-east-1',
    );
    expect(decodeDetailsValue(element(parent, indexedActionId(ACTION.details, 0))?.value)).toEqual({
      region: 'us-east-1',
      jobId: 'P-1',
      kind: 'copy',
    });
  });

  it('shows a failed copy with its status message, escaped', () => {
    const failed = jobDetails(
      copyJob({
        state: 'FAILED',
        statusMessage: 'Denied <!channel> by <https://x|key>',
        messageCategory: 'AccessDenied',
      }),
      ctx,
    );
    expect(failed.blocks[0]).toMatchObject({ text: { text: ':red_circle: Copy job · Failed: orders-db' } });
    const status = block(failed, 'bj_details_status');
    expect(status).toContain('category `AccessDenied`');
    expect(status).toContain('Denied &lt;!channel&gt; by &lt;https://x|key&gt;');
    for (const text of mrkdwnTexts(failed)) expect(text).not.toContain('<!channel>');
  });
});

describe('jobDetails of a restore job', () => {
  const msg = jobDetails(restoreJob(), ctx);

  it('names the kind and shows what was restored, from where, into what', () => {
    expect(msg.blocks[0]).toMatchObject({
      text: { text: ':large_green_circle: Restore job · Completed: orders-db' },
    });
    const restore = block(msg, 'bj_details_what');
    expect(restore).toContain('*Restore*');
    expect(restore).toContain('*Resource*\n`orders-db`');
    expect(restore).toContain('*Vault*\n`prod-vault`');
    expect(restore).toContain('*Restored as*\n`orders-db-restore-test`');
    expect(block(msg, 'bj_details_arns')).toContain(
      '*Restored resource ARN*\n`arn:aws:rds:us-east-1:123456789012:db:orders-db-restore-test`',
    );
  });

  it('shows how the restore test went, and its duration against the expected one', () => {
    const validation = block(msg, 'bj_details_validation');
    expect(validation).toContain('*Restore test validation*');
    expect(validation).toContain('*Restore testing plan*\n`weekly-rds`');
    expect(validation).toContain('*Outcome*\nvalidation passed');
    const timing = block(msg, 'bj_details_when');
    expect(timing).toContain('*Duration*\ntook 47m (expected 30m)');
    expect(timing).toContain('*Expected duration*\n30m');
    expect(timing).toContain('*Recovery point created*\ntoday 07:30');
    expect(block(msg, 'bj_details_deletion')).toContain('*Deletion*');
    expect(element(msg, ACTION.openConsole)?.url).toContain('#/jobs/restore/details/D0000000-');
  });

  it('shows a failed validation as the outcome, with its message escaped', () => {
    const failed = jobDetails(
      restoreJob({ validationStatus: 'FAILED', validationMessage: 'Port 5432 closed <!here>' }),
      ctx,
    );
    expect(failed.blocks[0]).toMatchObject({
      text: { text: ':large_purple_circle: Restore job · Validation failed: orders-db' },
    });
    expect(block(failed, 'bj_details_validation')).toContain('> Port 5432 closed &lt;!here&gt;');
    expect(failed.text).toContain('validation failed');
  });

  it('leaves out the restore test and deletion groups for a restore someone started', () => {
    const plain = restoreJob();
    delete plain.testingPlanArn;
    delete plain.validationStatus;
    delete plain.deletionStatus;
    const text = allText(jobDetails(plain, ctx));
    expect(text).not.toContain('*Restore test validation*');
    expect(text).not.toContain('*Deletion*');
    expect(text).toContain('*Timing*');
  });

  it('offers the child jobs of a parent restore without claiming a count AWS did not give', () => {
    const parent = jobDetails(restoreJob({ isParent: true }), ctx);
    expect(allText(parent)).toContain('*Child jobs:* this is a parent job');
    expect(element(parent, indexedActionId(ACTION.runAgain, 0))?.value).toBe(
      'restore parent:D0000000-0000-4000-8000-000000000001 region:us-east-1',
    );
  });
});
