import { describe, expect, it } from 'vitest';
import { ACTION, indexedActionId } from '../../src/blocks/actions.js';
import { emptyResult } from '../../src/blocks/empty-result.js';
import { cursorExpiredMessage, errorMessage, notAllowedMessage } from '../../src/blocks/error-messages.js';
import { helpMessage } from '../../src/blocks/help.js';
import { sharedListNote } from '../../src/blocks/list-parts.js';
import {
  csvDoneMessage,
  csvProgressMessage,
  progressBar,
  workingMessage,
} from '../../src/blocks/progress.js';
import { allText, element, elements, textsOf } from './inspect.js';

const examples = [
  { text: 'failed last 3 days', description: 'failures in the last three days' },
  { text: 'vault:prod partial', description: 'partial jobs in vault prod' },
  { text: 'summary 7d', description: 'totals for a week' },
  { text: 'job 0D2F6E29-2D55-4E1A', description: 'one job' },
  { text: 'alerts', description: 'alert rules and what fires' },
  { text: 'running', description: 'what runs now' },
];

describe('helpMessage', () => {
  const msg = helpMessage(examples);

  it('has a section per part of the language', () => {
    const text = textsOf(msg, 'section').join('\n');
    for (const title of ['Lists', 'Time windows', 'Filters', 'Summaries', 'Job details', 'Alerts']) {
      expect(text).toContain(`${title}*`);
    }
  });

  it('makes every example a button that runs it, and shows it in code to copy', () => {
    const buttons = elements(msg).filter((e) => String(e.action_id).startsWith(`${ACTION.helpExample}:`));
    expect(buttons.map((b) => b.value).sort()).toEqual(examples.map((e) => e.text).sort());
    const text = allText(msg);
    for (const e of examples) expect(text).toContain(`\`/backup-jobs ${e.text}\` — ${e.description}`);
  });

  it('files examples under their topic', () => {
    const sections = textsOf(msg, 'section');
    expect(sections.find((s) => s.includes('Summaries*'))).toContain('summary 7d');
    expect(sections.find((s) => s.includes('Filters*'))).toContain('vault:prod partial');
    expect(sections.find((s) => s.includes('Time windows*'))).toContain('failed last 3 days');
  });

  it('shows one topic when asked', () => {
    const text = allText(helpMessage(examples, { topic: 'dates' }));
    expect(text).toContain('Time windows*');
    expect(text).not.toContain('Summaries*');
  });
});

describe('error messages', () => {
  it('say what happened and what to do, with Run again when the query is known', () => {
    const msg = errorMessage({
      message: 'AWS Backup refused access in eu-west-1.',
      remedy: 'Allow backup:ListBackupJobs for the bot role.',
      retryText: 'failed today',
    });
    expect(allText(msg)).toContain('*AWS Backup refused access in eu-west-1.*\nAllow backup:ListBackupJobs');
    expect(element(msg, indexedActionId(ACTION.runAgain, 0))?.value).toBe('failed today');
    expect(msg.text).toBe(
      'AWS Backup refused access in eu-west-1. Allow backup:ListBackupJobs for the bot role.',
    );
    expect(msg).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(elements(errorMessage({ message: 'x', remedy: 'y' }))).toEqual([]);
  });

  it('explain expired results and offer to run the query again', () => {
    const msg = cursorExpiredMessage({ queryText: 'partial this week' }, { replaceOriginal: true });
    expect(allText(msg)).toContain('expired');
    expect(element(msg, indexedActionId(ACTION.runAgain, 0))?.value).toBe('partial this week');
    expect(msg.replace_original).toBe(true);
    const unknown = cursorExpiredMessage({
      queryText: undefined,
      message: 'These results belong to someone else.',
    });
    expect(allText(unknown)).toContain('These results belong to someone else.');
    expect(elements(unknown)).toEqual([]);
  });

  it('refuse politely', () => {
    expect(allText(notAllowedMessage())).toContain('allowed list');
  });
});

describe('progress', () => {
  it('shows the query being looked up', () => {
    expect(allText(workingMessage('failed <today>'))).toContain('Looking up `failed &lt;today&gt;`');
  });

  it('counts exported jobs and pages, with a bar when the total is known', () => {
    const msg = csvProgressMessage({ rows: 2500, pages: 3, total: 10_000, requestedBy: 'U0123ABCD' });
    const text = allText(msg);
    expect(text).toContain('2,500 jobs so far');
    expect(text).toContain('▰▰▰▰▰▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱ 25% of 10,000');
    expect(text).toContain('3 pages');
    expect(text).toContain('for <@U0123ABCD>');
    expect(progressBar(20, 10)).toContain('100%');
    expect(
      allText(csvProgressMessage({ rows: 0, note: 'Your previous export is still running.' })),
    ).toContain('previous export is still running');
  });

  it('says when the CSV is ready', () => {
    const msg = csvDoneMessage({ rows: 100_000, fileName: 'backup-jobs-2026-11-10.csv' });
    expect(allText(msg)).toContain('*CSV ready:* `backup-jobs-2026-11-10.csv` with 100,000 jobs');
  });
});

describe('emptyResult and sharing', () => {
  it('says what was searched and offers wider queries that run on click', () => {
    const msg = emptyResult({
      title: 'Failed jobs in vault prod today',
      suggestions: ['failed vault:prod last 7 days', 'failed today', 'failed today'],
      notes: ['Searched 3 regions.'],
    });
    const text = allText(msg);
    expect(text).toContain('Searched: Failed jobs in vault prod today');
    expect(text).toContain('• `failed vault:prod last 7 days`');
    expect(text).toContain('Searched 3 regions.');
    const runs = elements(msg).filter((e) => String(e.action_id).startsWith(`${ACTION.runAgain}:`));
    expect(runs.map((r) => r.value)).toEqual(['failed vault:prod last 7 days', 'failed today']);
    expect(text).toContain('*No backup jobs match.*');
  });

  it.each([
    ['copy', 'No copy jobs match'],
    ['restore', 'No restore jobs match'],
  ] as const)('names the kind of job searched for (%s)', (kind, words) => {
    const msg = emptyResult({ title: 'Failed <!here> today', kind, suggestions: [], notes: [] });
    expect(allText(msg)).toContain(`*${words}.*\nSearched: Failed &lt;!here&gt; today`);
    expect(msg.text).toBe(`${words} Failed &lt;!here&gt; today`);
  });

  it('credits the person who shared a result', () => {
    expect(sharedListNote('U0123ABCD')).toMatchObject({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: ':busts_in_silhouette: Shared by <@U0123ABCD>' }],
    });
    expect(JSON.stringify(sharedListNote('<!here>'))).not.toContain('<!here>');
  });
});

describe('slackRefusedMessage', () => {
  it('says what Slack refused and what to do, with Send it to me only when the channel was the problem', async () => {
    const { slackRefusedMessage } = await import('../../src/blocks/error-messages.js');
    const direct = { actionId: 'bj_export_csv_dm', value: 'abc:1' };
    for (const code of ['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']) {
      const message = slackRefusedMessage(code, direct)!;
      expect(message.text).not.toMatch(/went wrong on our side/);
      expect(JSON.stringify(message.blocks)).toContain('"action_id":"bj_export_csv_dm"');
    }
    for (const code of ['missing_scope', 'ratelimited', 'invalid_blocks', 'msg_too_long']) {
      const message = slackRefusedMessage(code, direct)!;
      expect(message.text.length).toBeGreaterThan(20);
      expect(JSON.stringify(message.blocks)).not.toContain('bj_export_csv_dm');
    }
    expect(slackRefusedMessage('not_in_channel', direct)!.text).toContain('/invite @backup-jobs');
    expect(slackRefusedMessage('some_new_error')).toBeUndefined();
  });
});
