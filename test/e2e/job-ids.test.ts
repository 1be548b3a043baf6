import { BackupClient, DescribeBackupJobCommand } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, decodeDetailsValue } from '../../src/blocks/index.js';
import { TEST_CREDENTIALS } from '../helpers/aws.js';
import { type Stack, startStack, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';
const WHOLE = '5EEDF00D-0000-4000-8000-00000000000A';
const TWIN_BACKUP = '5EEDBEEF-0000-4000-8000-00000000000B';
const TWIN_COPY = '5EEDBEEF-1111-4000-8000-00000000000C';
/** Job ids of some resource types are not UUIDs, and their case is their own. */
const OTHER_FORM = 'Vm-Backup-5eedCafe42';

/** Calls of one operation, over every Region. */
function calls(stack: Stack, operation: string): number {
  const byRegion = (stack.aws.stats().calls as Record<string, Record<string, number> | undefined>)[operation];
  return Object.values(byRegion ?? {}).reduce((a, b) => a + b, 0);
}

describe('job ids in any case, or by their start (real bot, emulator matching ids exactly as AWS does)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ aws: { jobs: 300 } });
    const [made] = stack.aws.addJobs([
      { Region: 'eu-west-1', BackupJobId: WHOLE },
      { Region: 'us-east-1', BackupJobId: TWIN_BACKUP },
      { Region: 'eu-west-1', BackupJobId: OTHER_FORM, ResourceType: 'VirtualMachine' },
    ]);
    expect(made?.BackupJobId).toBe(WHOLE);
    stack.aws.addCopyJobs([{ Region: 'us-east-1', CopyJobId: TWIN_COPY, CreatedByBackupJobId: TWIN_BACKUP }]);
  });
  afterAll(() => stack.close());

  async function command(text: string) {
    const count = () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
    const before = count();
    await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text });
    await stack.slack.waitForMessage(() => count() > before, 15_000);
    return stack.slack.lastMessage('C0OPS', { includeEphemeralFor: ALICE })!;
  }

  it('leaves the emulator exact: AWS finds no job by a lower-case id', async () => {
    const client = new BackupClient({
      region: 'eu-west-1',
      endpoint: stack.aws.url,
      credentials: TEST_CREDENTIALS,
    });
    await expect(
      client.send(new DescribeBackupJobCommand({ BackupJobId: WHOLE.toLowerCase() })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    client.destroy();
  });

  it('finds a whole id typed in lower case as AWS writes it, without listing any job', async () => {
    stack.aws.resetStats();
    const details = await command(`job ${WHOLE.toLowerCase()}`);
    expect(textOf(details)).toContain(WHOLE);
    expect(textOf(details)).not.toMatch(/No backup, copy or restore job/);
    expect(
      calls(stack, 'ListBackupJobs') + calls(stack, 'ListCopyJobs') + calls(stack, 'ListRestoreJobs'),
    ).toBe(0);
  });

  it('finds a job by the first 8 characters of its id, in any case', async () => {
    const details = await command('job 5eedf00d');
    expect(textOf(details)).toContain(WHOLE);
    expect(textOf(details)).toContain('eu-west-1');
  });

  it('finds an id that is not a UUID typed in another case', async () => {
    const details = await command(`job ${OTHER_FORM.toLowerCase()}`);
    expect(textOf(details)).toContain(OTHER_FORM);
  });

  it('lists the jobs a shared start names, each opening with its Details button', async () => {
    const answer = await command('job 5eedbeef');
    expect(textOf(answer)).toContain('2 jobs have an id that starts with 5eedbeef');
    const targets = answer.blocks
      .flatMap((b) => {
        const accessory = (b as { accessory?: { action_id?: string; value?: string } }).accessory;
        return accessory?.action_id?.startsWith(`${ACTION.details}:`) ? [accessory] : [];
      })
      .map((a) => ({ actionId: a.action_id!, target: decodeDetailsValue(a.value) }));
    expect(targets.map((t) => t.target)).toEqual(
      expect.arrayContaining([
        { region: 'us-east-1', jobId: TWIN_BACKUP, kind: 'backup' },
        { region: 'us-east-1', jobId: TWIN_COPY, kind: 'copy' },
      ]),
    );
    expect(targets).toHaveLength(2);
    const copy = targets.find((t) => t.target?.kind === 'copy')!;
    const count = () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
    const before = count();
    await stack.slack.click({ user: ALICE, messageId: answer.id, actionId: copy.actionId });
    await stack.slack.waitForMessage(() => count() > before, 15_000);
    const opened = stack.slack.lastMessage('C0OPS', { includeEphemeralFor: ALICE })!;
    expect(textOf(opened)).toContain(TWIN_COPY);
    expect(textOf(opened)).toMatch(/copy job/i);
  });

  it('asks for 8 characters at least, before searching', async () => {
    stack.aws.resetStats();
    const answer = await command('job 5eedf00');
    expect(textOf(answer)).toContain('at least its first 8 characters');
    expect(calls(stack, 'ListBackupJobs')).toBe(0);
  });

  it('says what it searched when no id starts that way, within its bound of calls', async () => {
    stack.aws.resetStats();
    const answer = await command('job 5eeddead');
    expect(textOf(answer)).toContain('of the last 30 days');
    expect(textOf(answer)).toContain('starts with 5eeddead');
    const listed =
      calls(stack, 'ListBackupJobs') + calls(stack, 'ListCopyJobs') + calls(stack, 'ListRestoreJobs');
    expect(listed).toBeGreaterThanOrEqual(3 * stack.aws.regions.length);
    expect(listed).toBeLessThanOrEqual(3 * stack.aws.regions.length * 5);
  });
});
