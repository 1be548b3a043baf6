import { describe, expect, it } from 'vitest';
import { ALERT_ACTIONS } from '../../src/blocks/alert-actions.js';
import { ACTION } from '../../src/blocks/index.js';
import { CLICK_ACTIONS, findClickAction, runClick } from '../../src/slack/actions/index.js';
import type { BotDeps } from '../../src/slack/deps.js';
import type { ClickRequest } from '../../src/slack/requests.js';
import { answeringContext } from '../helpers/request-context.js';

const context = answeringContext;

const click = (actionId: string): ClickRequest => ({
  type: 'click',
  id: 'r1',
  receivedAt: Date.now(),
  teamId: 'T1',
  channelId: 'C1',
  userId: 'U1',
  responseUrl: 'https://hooks.slack.com/actions/T1/1/x',
  actionId,
  value: 'AAAAAAAAAAAAAAAAAAAAAA:1',
});

describe('click actions', () => {
  it('knows every button the builders make, and nothing else', () => {
    for (const id of [
      ACTION.next,
      ACTION.prev,
      ACTION.share,
      ACTION.exportCsv,
      ACTION.editQuery,
      ACTION.chart,
      `${ACTION.details}:3`,
    ])
      expect(findClickAction(id)).toBeDefined();
    expect(findClickAction('bj_does_not_exist')).toBeUndefined();
    expect(new Set(CLICK_ACTIONS.map((a) => a.name)).size).toBeGreaterThan(8);
  });

  it.each([
    ACTION.share,
    ACTION.exportCsv,
    ALERT_ACTIONS.acknowledge,
    ALERT_ACTIONS.mute1h,
    ALERT_ACTIONS.unmute,
  ])('refuses %s while replays cannot be checked, saying what still works', async (actionId) => {
    const { ctx, answers } = context(false);
    // Nothing of the bot is touched before the refusal: an empty deps would throw if it were.
    await runClick({} as BotDeps, ctx, click(actionId));
    expect(answers).toHaveLength(1);
    expect(String(answers[0]!.text)).toMatch(/cannot do that right now/i);
    expect(String(answers[0]!.text)).toMatch(/Lists, details and summaries still work/);
  });
});
