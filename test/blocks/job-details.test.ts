import { describe, expect, it } from 'vitest';
import type { BackupJobDetails } from '../../src/backup/types.js';
import { ACTION, decodeDetailsValue, indexedActionId } from '../../src/blocks/actions.js';
import { consoleUrl, jobDetails } from '../../src/blocks/job-details.js';
import { bareJob, job, NOW } from './fixtures.js';
import { allText, element } from './inspect.js';

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
    expect(decodeDetailsValue(button?.value)).toEqual({ region: 'us-east-1', jobId: 'PARENT-9' });
  });

  it('leaves out what AWS did not send', () => {
    const text = allText(jobDetails(bareJob(), ctx));
    expect(text).toContain(':red_circle: Failed: job B0000000-0000-4000-8000-000000000000');
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
