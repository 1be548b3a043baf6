import { describe, expect, it } from 'vitest';
import type { BackupJob, CopyJob, RestoreJob } from '../../src/backup/types.js';
import {
  csvDoneMessage,
  csvProgressMessage,
  cursorExpiredMessage,
  emptyResult,
  errorMessage,
  helpMessage,
  jobDetails,
  listPage,
  notAllowedMessage,
  sharedListNote,
  summaryMessage,
  summaryMessages,
  workingMessage,
} from '../../src/blocks/index.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { COPY_JOB_STATES, JOB_STATES, RESTORE_JOB_STATES } from '../../src/domain/index.js';
import { bareJob, dailyRows, hostileText, NOW, summary, worstDetails, worstJobs, ZONES } from './fixtures.js';
import { type AnyMessage, actionIds, blockIds, mrkdwnTexts } from './inspect.js';
import { worstCopyDetails, worstCopyJobs, worstRestoreDetails, worstRestoreJobs } from './worst-kinds.js';

const huge = hostileText(10_000);
const manyNotes = Array.from({ length: 30 }, (_, i) => `${i} ${hostileText(5000)}`);
const cursorId = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg';

function listCases(timeZone: string): [string, AnyMessage][] {
  const base = {
    title: hostileText(2000),
    page: 999,
    hasPrev: true,
    hasNext: true,
    cursorId,
    timeZone,
    now: NOW,
    notes: manyNotes,
    warnings: manyNotes,
    isLast: false,
  };
  const cases: [string, AnyMessage][] = [];
  for (const size of [1, 9, 10, 19, 20, 21, 25, 49, 50]) {
    for (const visibility of ['ephemeral', 'in_channel'] as const) {
      cases.push([`list ${size} ${visibility}`, listPage({ ...base, jobs: worstJobs(size), visibility })]);
    }
  }
  const bare: BackupJob[] = JOB_STATES.map((state, i) => bareJob({ state, jobId: `J${i}` }));
  cases.push([
    'list bare',
    listPage({ ...base, jobs: bare, visibility: 'ephemeral', notes: [], warnings: [] }),
  ]);
  cases.push([
    'list shared last',
    listPage({
      ...base,
      jobs: worstJobs(50, 3),
      visibility: 'in_channel',
      sharedBy: 'U0123ABCD',
      isLast: true,
    }),
  ]);
  const unknown = [hostileText(120), '<!channel>', '`'].map((state, i) => bareJob({ state, jobId: `U${i}` }));
  cases.push(['list unknown states', listPage({ ...base, jobs: unknown, visibility: 'ephemeral' })]);
  cases.push(['list empty page', listPage({ ...base, jobs: [], visibility: 'ephemeral', hasNext: false })]);
  const untargetable = worstJobs(50).map((j, i) => ({ ...j, region: i % 2 ? 'not a region' : j.region }));
  cases.push(['list bad regions', listPage({ ...base, jobs: untargetable, visibility: 'ephemeral' })]);
  for (const size of [1, 10, 20, 21, 50]) {
    cases.push([
      `list copies ${size}`,
      listPage({ ...base, jobs: worstCopyJobs(size), visibility: 'ephemeral' }),
    ]);
    cases.push([
      `list restores ${size}`,
      listPage({ ...base, jobs: worstRestoreJobs(size), visibility: 'in_channel' }),
    ]);
  }
  return cases;
}

/** A copy and a restore with only the fields every kind always has. */
const BARE = {
  jobId: 'B1',
  region: 'eu-west-1',
  accountId: '210987654321',
  createdAt: '2026-11-09T02:00:00Z',
};
const bareCopy: CopyJob = { ...BARE, kind: 'copy', state: 'FAILED', isParent: false };
const bareRestore: RestoreJob = { ...BARE, kind: 'restore', state: 'FAILED', isParent: false };

function otherCases(timeZone: string): [string, AnyMessage][] {
  const daily = dailyRows(14, 100, ['us-east-1', 'eu-west-1', 'ap-south-1']);
  const failed = Array.from({ length: 20 }, (_, i) => ({ region: `xx-region-${i}`, reason: huge }));
  const examples = Array.from({ length: 100 }, (_, i) => ({
    text: i % 3 ? `failed last ${i} days vault:${hostileText(2500)}` : hostileText(1000),
    description: huge,
  }));
  const ctx = { timeZone, now: NOW };
  return [
    ['details worst', jobDetails(worstDetails(), ctx)],
    ...JOB_STATES.map((state): [string, AnyMessage] => [
      `details bare ${state}`,
      jobDetails(bareJob({ state }), ctx),
    ]),
    ['details unknown state', jobDetails(bareJob({ state: '<!channel> NEW_STATE' }), ctx)],
    ['details copy worst', jobDetails(worstCopyDetails(), ctx)],
    ['details restore worst', jobDetails(worstRestoreDetails(), ctx)],
    ...worstCopyJobs(COPY_JOB_STATES.length + 1).map((job): [string, AnyMessage] => [
      `details copy ${job.state} ${job.messageCategory}`.slice(0, 60),
      jobDetails(job, ctx),
    ]),
    ...worstRestoreJobs(RESTORE_JOB_STATES.length + 4).map((job): [string, AnyMessage] => [
      `details restore ${job.state} ${job.validationStatus ?? ''}`,
      jobDetails(job, ctx),
    ]),
    ['details copy bare', jobDetails(bareCopy, ctx)],
    ['details restore bare', jobDetails(bareRestore, ctx)],
    [
      'summary copy daily',
      summaryMessage(summary('ONE_DAY', daily, failed, 'copy'), { title: huge, timeZone, cursorId }),
    ],
    [
      'summary restore 7d',
      summaryMessage(summary('SEVEN_DAYS', dailyRows(1, 100), failed, 'restore'), {
        title: huge,
        timeZone,
        cursorId,
      }),
    ],
    [
      'empty copies',
      emptyResult({ title: huge, kind: 'copy', suggestions: Array(20).fill(huge), notes: manyNotes }),
    ],
    ...summaryMessages(summary('ONE_DAY', daily, failed), { title: huge, timeZone }).map(
      (msg, i): [string, AnyMessage] => [`summary daily ${['chart', 'table', 'text'][i]}`, msg],
    ),
    ...summaryMessages(summary('SEVEN_DAYS', dailyRows(1, 150), failed), {
      title: huge,
      timeZone,
      cursorId,
    }).map((msg, i): [string, AnyMessage] => [`summary 7d, 150 accounts, ${['tables', 'text'][i]}`, msg]),
    [
      'summary 30 days of every state',
      summaryMessage(summary('ONE_DAY', dailyRows(30, 3), failed), { title: huge, timeZone }),
    ],
    ['summary 14d', summaryMessage(summary('FOURTEEN_DAYS', daily), { title: '', timeZone, cursorId })],
    ['summary empty', summaryMessage(summary('ONE_DAY', [], failed), { title: huge, timeZone, cursorId })],
    ['help all', helpMessage(examples)],
    ['help topic', helpMessage(examples, { topic: 'filters' })],
    ['help none', helpMessage([])],
    ['empty', emptyResult({ title: huge, suggestions: Array(20).fill(huge), notes: manyNotes })],
    ['error', errorMessage({ message: huge, remedy: huge, retryText: huge })],
    ['expired', cursorExpiredMessage({ queryText: huge })],
    ['expired unknown', cursorExpiredMessage({ queryText: undefined, message: huge, remedy: huge })],
    ['not allowed', notAllowedMessage()],
    ['working', workingMessage(huge)],
    [
      'csv progress',
      csvProgressMessage({ rows: 123_456_789, pages: 99_999, total: 200_000_000, requestedBy: 'U0123ABCD' }),
    ],
    ['csv note', csvProgressMessage({ rows: 0, note: huge })],
    ['csv done', csvDoneMessage({ rows: 100_000, fileName: huge, requestedBy: 'U0123ABCD' })],
    [
      'shared note',
      { text: 'shared', blocks: [sharedListNote('U0123ABCD'), sharedListNote(huge)].slice(0, 1) },
    ],
  ];
}

describe.each(ZONES)('every builder within Slack limits on worst-case data (%s)', (timeZone) => {
  const cases = [...listCases(timeZone), ...otherCases(timeZone)];

  it.each(cases)('%s passes the limits checker', (_name, msg) => {
    expect(checkMessage(msg)).toEqual([]);
    expect(msg.text.length).toBeGreaterThan(0);
    expect(msg.text.length).toBeLessThanOrEqual(4000);
  });

  it.each(cases)('%s has unique action_ids and block_ids', (_name, msg) => {
    const actions = actionIds(msg);
    const blocks = blockIds(msg);
    expect(new Set(actions).size).toBe(actions.length);
    expect(new Set(blocks).size).toBe(blocks.length);
  });

  it.each(cases)('%s lets no data form links or mentions', (_name, msg) => {
    for (const text of [...mrkdwnTexts(msg), msg.text]) {
      expect(text).not.toContain('<!here>');
      expect(text).not.toContain('<@U123>');
      expect(text.replace(/<@U0123ABCD>/g, '').replace(/^> /gm, '')).not.toMatch(/[<>]/);
    }
  });
});
