import { describe, expect, it } from 'vitest';
import type { ListedJob } from '../../src/backup/types.js';
import { ACTION, decodeDetailsValue } from '../../src/blocks/actions.js';
import { confirmCommandMessage } from '../../src/blocks/confirm.js';
import { helpMessage } from '../../src/blocks/help.js';
import { jobCandidates } from '../../src/blocks/job-details-candidates.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { allText, elements } from './inspect.js';

const MUTE = {
  sentence: 'mutes the alert rule ledger-failures for 2 hours, for everyone',
  action: 'Mute for 2 hours',
  question: 'Mute ledger-failures?',
};

describe('help examples that change something', () => {
  const msg = helpMessage([
    { text: 'failed last 7 days', description: 'failures of the past week' },
    { text: 'alerts mute ledger-failures 2h', description: 'silence a rule for two hours', change: MUTE },
  ]);
  const byValue = (value: string) => elements(msg).find((e) => e.value === value)!;

  it('carry a confirmation dialog on their button; the others run at once', () => {
    expect(byValue('alerts mute ledger-failures 2h').confirm).toEqual({
      title: { type: 'plain_text', text: 'Mute ledger-failures?' },
      text: {
        type: 'mrkdwn',
        text: '/backup-jobs alerts mute ledger-failures 2h mutes the alert rule ledger-failures for 2 hours, for everyone.',
      },
      confirm: { type: 'plain_text', text: 'Mute for 2 hours' },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'danger',
    });
    expect(byValue('failed last 7 days').confirm).toBeUndefined();
    expect(checkMessage(msg)).toEqual([]);
  });

  it('answer a click with what would change and a button that asks once more, nothing done yet', () => {
    const answer = confirmCommandMessage('alerts mute ledger-failures 2h', MUTE);
    expect(allText(answer)).toContain('Nothing has changed yet.');
    const [run, ...others] = elements(answer);
    expect(others).toEqual([]);
    expect(run).toMatchObject({
      action_id: ACTION.confirmCommand,
      value: 'alerts mute ledger-failures 2h',
      style: 'danger',
      text: { text: 'Mute for 2 hours' },
    });
    expect(run!.confirm).toMatchObject({ confirm: { text: 'Mute for 2 hours' }, deny: { text: 'Cancel' } });
    expect(checkMessage(answer)).toEqual([]);
  });
});

function job(jobId: string, kind: 'backup' | 'copy', createdAt: string): ListedJob {
  return {
    kind,
    jobId,
    region: 'eu-west-1',
    accountId: '210987654321',
    state: 'COMPLETED',
    resourceName: 'ledger',
    createdAt,
    isParent: false,
  } as ListedJob;
}

describe('job candidates', () => {
  it('lists every job an id start names, each with a Details button that opens it', () => {
    const msg = jobCandidates({
      typed: 'd2c5c9a8',
      candidates: [
        job('D2C5C9A8-0B1E-4C11-9E37-6A5F0D8E2B11', 'backup', '2026-11-23T09:00:00Z'),
        job('D2C5C9A8-7777-4C11-9E37-6A5F0D8E2B11', 'copy', '2026-11-22T09:00:00Z'),
      ],
      more: false,
      timeZone: 'UTC',
      now: new Date('2026-11-23T10:00:00Z'),
    });
    expect(msg.text).toBe('2 jobs have an id that starts with d2c5c9a8.');
    const details = elements(msg).map((e) => decodeDetailsValue(e.value));
    expect(details).toEqual([
      { region: 'eu-west-1', jobId: 'D2C5C9A8-0B1E-4C11-9E37-6A5F0D8E2B11', kind: 'backup' },
      { region: 'eu-west-1', jobId: 'D2C5C9A8-7777-4C11-9E37-6A5F0D8E2B11', kind: 'copy' },
    ]);
    expect(allText(msg)).toContain('copy job');
    expect(checkMessage(msg)).toEqual([]);
  });

  it('says when more jobs match than it lists', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      job(`D2C5C9A8-${String(i).padStart(4, '0')}-4C11-9E37-6A5F0D8E2B11`, 'backup', '2026-11-23T09:00:00Z'),
    );
    const msg = jobCandidates({
      typed: 'D2C5C9A8',
      candidates: many,
      more: true,
      timeZone: 'UTC',
      now: new Date(),
    });
    expect(msg.text).toBe('More than 20 jobs have an id that starts with D2C5C9A8.');
    expect(elements(msg)).toHaveLength(20);
    expect(allText(msg)).toContain('Type more of the id');
    expect(checkMessage(msg)).toEqual([]);
  });
});
