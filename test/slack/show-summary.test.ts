import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../../src/backup/types.js';
import { ACTION } from '../../src/blocks/index.js';
import { messageError } from '../../src/emulator/slack/answers.js';
import { parseQuery } from '../../src/query/parse.js';
import type { SummaryQuery } from '../../src/query/types.js';
import { findClickAction } from '../../src/slack/actions/index.js';
import type { BotDeps, RequestContext } from '../../src/slack/deps.js';
import { ResponseRefusedError } from '../../src/slack/respond.js';
import { showSummary } from '../../src/slack/show-summary.js';
import { dailyRows, NOW, summary } from '../blocks/fixtures.js';

const timeZone = 'Europe/Berlin';
const SAVED = 'AAAAAAAAAAAAAAAAAAAAAA';

function query(text: string): SummaryQuery {
  const parsed = parseQuery(text, { now: NOW, timeZone });
  if (!parsed.ok || parsed.query.kind !== 'summary') throw new Error(`not a summary: ${text}`);
  return parsed.query;
}

/** The bot's summaries and saved queries, answering what a test says. */
function deps(answer: (q: SummaryQuery) => JobSummary) {
  const asked: SummaryQuery[] = [];
  const saved: SummaryQuery[] = [];
  const fake = {
    backup: {
      summary: async (q: SummaryQuery) => {
        asked.push(q);
        return answer(q);
      },
    },
    savedQueries: {
      save: async (_binding: unknown, q: SummaryQuery) => {
        saved.push(q);
        return SAVED;
      },
      load: async () => ({
        binding: { teamId: 'T1', channelId: 'C1', userId: 'U1', visibility: 'in_channel' },
        query: saved.at(-1),
        timeZone,
      }),
    },
  };
  return { deps: fake as unknown as BotDeps, asked, saved };
}

/**
 * A response_url as Slack answers it: refused with the stand-in's rules (written from Slack's docs,
 * not from the bot's), and by a workspace whose Slack does not have the block types given.
 */
function responseUrl(without: string[] = []) {
  const taken: Record<string, unknown>[] = [];
  const tries: Record<string, unknown>[] = [];
  const respond = async (message: Record<string, unknown>) => {
    tries.push(message);
    const blocks = (message.blocks ?? []) as { type: string }[];
    const error =
      messageError({ text: message.text as string, blocks }) ??
      (blocks.some((b) => without.includes(b.type)) ? { ok: false, error: 'invalid_blocks' } : undefined);
    if (error) throw new ResponseRefusedError(400, JSON.stringify(error));
    taken.push(message);
  };
  const ctx = {
    teamId: 'T1',
    channelId: 'C1',
    userId: 'U1',
    checkReplay: async () => true,
    respond,
    log: pino({ level: 'silent' }),
  } as unknown as RequestContext;
  return { ctx, taken, tries };
}

const types = (m: Record<string, unknown> | undefined) =>
  ((m?.blocks ?? []) as { type: string }[]).map((b) => b.type);
const daily = (q: SummaryQuery) => summary(q.summary.period, dailyRows(14, 3), [], q.jobKind);

describe('showSummary', () => {
  it('answers daily counts with the chart in the message, and saves nothing for a button', async () => {
    const bot = deps(daily);
    const slack = responseUrl();
    await expect(showSummary(bot.deps, slack.ctx, query('summary daily'), timeZone)).resolves.toBeNull();
    expect(slack.taken).toHaveLength(1);
    expect(types(slack.taken[0])).toContain('data_visualization');
    expect(types(slack.taken[0])).toContain('data_table');
    expect(slack.taken[0]).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(bot.saved).toEqual([]);
  });

  it('answers with the table version when Slack refuses the chart, not with an error', async () => {
    const slack = responseUrl(['data_visualization']);
    await expect(
      showSummary(deps(daily).deps, slack.ctx, query('summary daily'), timeZone),
    ).resolves.toBeNull();
    expect(slack.tries.map((m) => types(m).includes('data_visualization'))).toEqual([true, false]);
    expect(types(slack.taken[0])).toContain('data_table');
    expect(slack.taken[0]!.text).toMatch(/: [\d,]+ backup jobs, .*Per UTC day: /);
  });

  it('answers in sections of text when Slack has neither chart nor data table, and leaves that one to send', async () => {
    const slack = responseUrl(['data_visualization', 'data_table']);
    const last = await showSummary(deps(daily).deps, slack.ctx, query('summary daily'), timeZone);
    expect(slack.taken).toEqual([]);
    expect(new Set(types(last as Record<string, unknown>))).toEqual(
      new Set(['header', 'context', 'section']),
    );
  });

  it('offers totals a Chart by day that turns the message into the daily chart of the same scope', async () => {
    const bot = deps(daily);
    const slack = responseUrl();
    await showSummary(bot.deps, slack.ctx, query('summary 7d type:rds public'), timeZone);
    expect(types(slack.taken[0])).not.toContain('data_visualization');
    expect(bot.saved.map((q) => q.summary)).toEqual([{ period: 'SEVEN_DAYS', resourceType: 'RDS' }]);
    const click = findClickAction(ACTION.chart)!;
    const request = { actionId: ACTION.chart, value: SAVED } as never;
    await expect(click.run(bot.deps, slack.ctx, SAVED, request)).resolves.toBeNull();
    expect(bot.asked.at(-1)?.summary).toEqual({ period: 'ONE_DAY', resourceType: 'RDS' });
    expect(types(slack.taken[1])).toContain('data_visualization');
    expect(slack.taken[1]).toMatchObject({ replace_original: true, response_type: 'in_channel' });
  });

  it('answers summary by Region with that grouping alone, saving nothing for a chart button', async () => {
    const regions = ['us-east-1', 'eu-west-1'];
    const bot = deps((q) => summary(q.summary.period, dailyRows(7, 2, regions), [], q.jobKind));
    const slack = responseUrl();
    await showSummary(bot.deps, slack.ctx, query('weekly summary by region'), timeZone);
    expect(bot.saved).toEqual([]);
    const tables = ((slack.taken[0]?.blocks ?? []) as { type: string; caption?: string }[]).filter(
      (b) => b.type === 'data_table',
    );
    expect(tables.map((t) => t.caption)).toEqual(['Backup jobs by Region']);
    expect(JSON.stringify(slack.taken[0])).not.toContain(ACTION.chart);
    const plain = responseUrl(['data_table']);
    const text = (await showSummary(bot.deps, plain.ctx, query('summary by region'), timeZone)) as {
      blocks: { block_id?: string; text?: { text: string } }[];
    };
    expect(plain.tries).toHaveLength(1);
    const lines = text.blocks.find((b) => b.block_id === 'bj_summary_regions')?.text?.text ?? '';
    for (const region of regions) expect(lines).toContain(`\`${region}\``);
    expect(text.blocks.some((b) => b.block_id === 'bj_summary_accounts')).toBe(false);
  });

  it('refuses a Chart by day click that carries no saved query', async () => {
    const click = findClickAction(ACTION.chart)!;
    const slack = responseUrl();
    await expect(click.run(deps(daily).deps, slack.ctx, 'not a saved query', {} as never)).rejects.toThrow();
    expect(slack.tries).toEqual([]);
  });
});
