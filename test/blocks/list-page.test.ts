import { describe, expect, it } from 'vitest';
import { ACTION, decodeDetailsValue } from '../../src/blocks/actions.js';
import { type ListPageInput, listPage } from '../../src/blocks/list-page.js';
import { bareJob, copyJob, job, NOW, restoreJob, worstJobs } from './fixtures.js';
import { allText, element, elements, mrkdwnTexts, textsOf } from './inspect.js';

function running() {
  const j = job({
    jobId: 'RUN-1',
    state: 'RUNNING',
    percentDone: 42,
    resourceName: 'web-volume',
    resourceType: 'EBS',
  });
  delete j.completedAt;
  return j;
}

const jobs = [
  job(),
  job({
    jobId: 'FAIL-1',
    state: 'FAILED',
    resourceName: 'payments-db',
    completedAt: '2026-11-10T13:05:00Z',
    statusMessage: 'Access denied to KMS key arn:aws:kms:us-east-1:123456789012:key/abc.',
    messageCategory: 'AccessDenied',
  }),
  job({ jobId: 'ISSUE-1', messageCategory: 'InvalidParameters', statusMessage: 'Some files were skipped.' }),
  running(),
  job({ jobId: 'OK-2', statusMessage: 'All good, nothing to see here.' }),
];

const input: ListPageInput = {
  title: 'Failed backup jobs created in the last 3 days',
  jobs,
  page: 2,
  hasPrev: true,
  hasNext: true,
  cursorId: 'cur_abc123',
  visibility: 'ephemeral',
  timeZone: 'America/New_York',
  now: NOW,
  notes: ['Dates before Oct 11 are older than the 30 days AWS keeps.'],
  warnings: ['eu-west-1 could not be searched: access denied.'],
  isLast: false,
};

describe('listPage, full layout', () => {
  const msg = listPage(input);
  const sections = textsOf(msg, 'section');

  it('restates the query in the header and names the zone and the page', () => {
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: input.title } });
    const info = textsOf(msg, 'context')[0];
    expect(info).toContain('America/New_York (EST)');
    expect(info).toContain('page 2');
    expect(info).toContain('5 backup jobs');
    expect(msg.text).toContain(input.title);
  });

  it('shows each job: state icon, resource, type, account, region, vault, times, duration, size', () => {
    expect(sections).toHaveLength(5);
    const first = sections[0] ?? '';
    for (const part of [
      ':large_green_circle: *Completed*',
      '`orders-db`',
      'RDS',
      '`123456789012`',
      'us-east-1',
    ]) {
      expect(first).toContain(part);
    }
    expect(first).toContain('vault `prod-vault`');
    expect(first).toContain('Created today 08:00');
    expect(first).toContain('completed today 08:47');
    expect(first).toContain('took 47m');
    expect(first).toContain('12.3 GiB');
  });

  it('marks completed-with-issues apart from completed, and failures with their status message', () => {
    expect(sections[1]).toContain(':red_circle: *Failed*');
    expect(sections[1]).toContain('> `AccessDenied` Access denied to KMS key');
    expect(sections[2]).toContain(':large_yellow_circle: *Completed with issues*');
    expect(sections[2]).toContain('Some files were skipped.');
    expect(sections[4]).not.toContain('All good');
  });

  it('shows elapsed time and percent done for a running job', () => {
    expect(sections[3]).toContain(':large_blue_circle: *Running* 42%');
    expect(sections[3]).toContain('running for 2h 30m · 42% done');
    expect(sections[3]).not.toContain('completed');
  });

  it('gives every job a Details button naming its region and id', () => {
    const details = elements(msg).filter((e) => String(e.action_id).startsWith(`${ACTION.details}:`));
    expect(details.map((d) => decodeDetailsValue(d.value))).toEqual(
      jobs.map((j) => ({ region: j.region, jobId: j.jobId, kind: 'backup' })),
    );
  });

  it('has Prev, Next, Share in channel and Export CSV, each naming the cursor and the page it leads to', () => {
    const nav = msg.blocks.at(-1);
    expect(nav?.type).toBe('actions');
    expect(element(msg, ACTION.prev)?.value).toBe('cur_abc123:1');
    expect(element(msg, ACTION.next)?.value).toBe('cur_abc123:3');
    expect(element(msg, ACTION.share)?.value).toBe('cur_abc123:2');
    expect(element(msg, ACTION.exportCsv)?.value).toBe('cur_abc123:2');
    expect(allText(msg)).toContain('*Page 2* · more on the next page');
  });

  it('shows notes and warnings in context', () => {
    const text = textsOf(msg, 'context').join('\n');
    expect(text).toContain(':warning: eu-west-1 could not be searched');
    expect(text).toContain(':information_source: Dates before Oct 11');
  });

  it('is ephemeral and does not replace the original unless asked', () => {
    expect(msg).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(listPage(input, { replaceOriginal: true }).replace_original).toBe(true);
  });
});

describe('listPage navigation', () => {
  it('omits the buttons that would lead nowhere and says when it is the last page', () => {
    const msg = listPage({ ...input, page: 1, hasPrev: false, hasNext: false, isLast: true });
    expect(element(msg, ACTION.prev)).toBeUndefined();
    expect(element(msg, ACTION.next)).toBeUndefined();
    expect(allText(msg)).toContain("that's the last page");
    expect(msg.text).toContain('last page');
  });

  it('offers Share only for ephemeral results, and says who shared', () => {
    const inChannel = listPage({ ...input, visibility: 'in_channel' });
    expect(inChannel.response_type).toBe('in_channel');
    expect(element(inChannel, ACTION.share)).toBeUndefined();
    const shared = listPage({ ...input, visibility: 'in_channel', sharedBy: 'U0123ABCD' });
    expect(allText(shared)).toContain('Shared by <@U0123ABCD>');
    expect(element(shared, ACTION.exportCsv)).toBeDefined();
  });

  it('counts the remarks that do not fit instead of dropping them silently', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Region ${i} could not be searched.`);
    const text = textsOf(listPage({ ...input, warnings: many }), 'context').join('\n');
    expect(text).toContain(':warning: Region 0 could not be searched.');
    expect(text).toMatch(/\+\d+ more remarks not shown/);
  });

  it('says so when a page has no jobs', () => {
    expect(allText(listPage({ ...input, jobs: [] }))).toContain('No backup jobs on this page');
    expect(allText(listPage({ ...input, kind: 'restore', jobs: [] }))).toContain(
      'No restore jobs on this page',
    );
  });
});

describe('listPage, compact layout for large pages', () => {
  const big = worstJobs(50);
  const msg = listPage({ ...input, jobs: big, timeZone: 'Asia/Kolkata' });

  it('lists every job on a numbered line, several per section', () => {
    const text = textsOf(msg, 'section').join('\n');
    for (let i = 1; i <= 50; i += 1) expect(text).toContain(`*${i}.* `);
    expect(textsOf(msg, 'section').length).toBeLessThan(12);
  });

  it('offers details through one select of jobs instead of 50 buttons', () => {
    const select = element(msg, ACTION.detailsSelect);
    expect(select?.type).toBe('static_select');
    const options = select?.options as { value: string }[];
    expect(options).toHaveLength(50);
    expect(options.every((o) => decodeDetailsValue(o.value) !== null)).toBe(true);
    expect(elements(msg).filter((e) => String(e.action_id).startsWith(`${ACTION.details}:`))).toEqual([]);
  });

  it('says the shared account once instead of on every line', () => {
    expect(allText(msg)).toContain('All in account `123456789012`');
  });

  it('keeps escaping hostile names and shows times in the zone', () => {
    // Plain text (the select's options) is never parsed; mrkdwn must be escaped.
    const text = mrkdwnTexts(msg).join('\n');
    expect(text).toContain('&lt;!here&gt;');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('Sun 11 Oct, 05:29');
  });

  it('switches by size: 20 jobs of plain data keep the full layout', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => bareJob({ jobId: `J-${i}` }));
    const full = listPage({ ...input, jobs: twenty });
    expect(element(full, ACTION.detailsSelect)).toBeUndefined();
    expect(element(full, `${ACTION.details}:19`)).toBeDefined();
  });
});

/** The text of the job sections of a full page, one per job. */
function entries(page: ReturnType<typeof listPage>): string[] {
  return textsOf(page, 'section').filter((t) => !t.startsWith('_'));
}

describe('listPage of copy jobs', () => {
  const copies = [
    copyJob(),
    copyJob({
      jobId: 'C-FAIL',
      state: 'FAILED',
      statusMessage: 'Vault dr-vault <!channel> denies the copy.',
      messageCategory: 'AccessDenied',
    }),
    copyJob({ jobId: 'C-SAME', destinationRegion: 'us-east-1', destinationAccountId: '123456789012' }),
    copyJob({ jobId: 'C-ISSUES', messageCategory: 'InvalidParameters' }),
  ];
  const page = listPage({ ...input, title: '', jobs: copies });
  const [done, failed, same, issues] = entries(page);

  it('names the kind in the header, the page line and the fallback text', () => {
    expect(page.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Copy jobs' } });
    expect(textsOf(page, 'context')[0]).toContain('4 copy jobs');
    expect(page.text).toContain('Copy jobs: page 2, 4 copy jobs');
  });

  it('shows where each copy goes, with the destination Region and account when they differ', () => {
    expect(done).toContain('`prod-vault` → `dr-vault` (us-west-2, 222233334444)');
    expect(same).toContain('`prod-vault` → `dr-vault`');
    expect(same).not.toContain('(us-');
  });

  it('names the backup job that made the copy, its duration and size', () => {
    expect(done).toContain('from backup job `A1B2C3D4-0000-4000-8000-000000000001`');
    expect(done).toContain('took 47m');
    expect(done).toContain('12.3 GiB');
  });

  it('quotes the status message of a failure, escaped, and marks completed with issues', () => {
    expect(failed).toContain(':red_circle: *Failed*');
    expect(failed).toContain('> `AccessDenied` Vault dr-vault &lt;!channel&gt; denies the copy.');
    expect(issues).toContain(':large_yellow_circle: *Completed with issues*');
  });

  it('gives each copy a Details button that names its kind', () => {
    const details = elements(page).filter((e) => String(e.action_id).startsWith(`${ACTION.details}:`));
    expect(details.map((d) => decodeDetailsValue(d.value))).toEqual(
      copies.map((c) => ({ region: 'us-east-1', jobId: c.jobId, kind: 'copy' })),
    );
  });

  it('keeps the route on compact lines, where it matters most', () => {
    const fifty = Array.from({ length: 50 }, (_, i) =>
      copyJob({ jobId: `C-${i}`, state: i % 5 ? 'COMPLETED' : 'FAILED', statusMessage: 'Access denied.' }),
    );
    const compact = listPage({ ...input, jobs: fifty });
    const text = textsOf(compact, 'section').join('\n');
    expect(text.match(/`prod-vault` → `dr-vault` \(us-west-2, 222233334444\)/g)?.length).toBe(50);
    expect(text.match(/— Access denied\./g)?.length).toBe(10);
    const options = element(compact, ACTION.detailsSelect)?.options as { value: string }[];
    expect(options.every((o) => decodeDetailsValue(o.value)?.kind === 'copy')).toBe(true);
  });
});

describe('listPage of restore jobs', () => {
  const failedTest = restoreJob({
    jobId: 'R-VFAIL',
    validationStatus: 'FAILED',
    validationMessage: 'Health check on port 5432 failed <@U999>.',
    statusMessage: 'Restore completed.',
  });
  const timedOut = restoreJob({ jobId: 'R-VTIME', validationStatus: 'TIMED_OUT' });
  const manual = restoreJob({ jobId: 'R-MANUAL', completedAt: '2026-11-10T13:20:00Z' });
  delete manual.testingPlanArn;
  delete manual.validationStatus;
  const page = listPage({
    ...input,
    kind: 'restore',
    title: '',
    jobs: [restoreJob(), failedTest, timedOut, manual],
  });
  const [passed, failed, late, started] = entries(page);

  it('names the kind', () => {
    expect(page.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Restore jobs' } });
    expect(textsOf(page, 'context')[0]).toContain('4 restore jobs');
  });

  it('marks restore tests and says how their validation went', () => {
    expect(passed).toContain(
      ':large_green_circle: *Completed* · `orders-db` · RDS · restore test · validation passed',
    );
    expect(failed).toContain(':large_purple_circle: *Validation failed*');
    expect(failed).toContain('restore test');
    expect(failed).toContain('> Health check on port 5432 failed &lt;@U999&gt;.');
    expect(failed).not.toContain('Restore completed.');
    expect(late).toContain(':hourglass: *Validation timed out*');
    expect(started).not.toContain('restore test');
    expect(started).not.toContain('validation');
  });

  it('shows the duration against the expected one, and the vault', () => {
    expect(passed).toContain('took 47m (expected 30m)');
    expect(started).toContain('took 20m (expected 30m)');
    expect(passed).toContain('vault `prod-vault`');
  });

  it('counts validation outcomes apart from completed', () => {
    expect(textsOf(page, 'context')[0]).toContain(
      '1 validation failed · 1 validation timed out · 2 completed',
    );
  });

  it('says the validation outcome on compact lines, where only a glyph shows the state', () => {
    const outcomes = ['SUCCESSFUL', 'FAILED', 'TIMED_OUT', 'VALIDATING', 'SUCCESSFUL'] as const;
    const fifty = Array.from({ length: 50 }, (_, i) =>
      restoreJob({ jobId: `R-${i}`, validationStatus: outcomes[i % 5]!, validationMessage: 'Port closed.' }),
    );
    const lines = textsOf(listPage({ ...input, jobs: fifty }), 'section')
      .join('\n')
      .split('\n');
    expect(
      lines.filter((l) => l.includes('🟣 ') && l.includes('restore test · validation failed')),
    ).toHaveLength(10);
    expect(lines.filter((l) => l.includes('⌛ ') && l.includes('validation timed out'))).toHaveLength(10);
    expect(lines.filter((l) => l.includes('— Port closed.'))).toHaveLength(20);
    expect(lines.filter((l) => l.includes('took 47m (expected 30m)'))).toHaveLength(50);
  });
});
