import { describe, expect, it } from 'vitest';
import type { BotDeps } from '../../src/slack/deps.js';
import { runText } from '../../src/slack/run-text.js';
import { answeringContext } from '../helpers/request-context.js';

function setup(replayChecked: boolean) {
  const deps = {
    zones: { readerOf: async () => ({ timeZone: 'UTC' }) },
    now: () => new Date('2026-11-25T15:00:00Z'),
  } as unknown as BotDeps;
  return { deps, ...answeringContext(replayChecked) };
}

describe('typed commands that change something', () => {
  it.each(['alerts mute prod-failures 2h', 'mute prod-failures for 2 hours', 'alerts pause prod-failures'])(
    'refuses %s while replays cannot be checked, and says what still works',
    async (text) => {
      const { deps, ctx, answers } = setup(false);
      await runText(deps, ctx, text);
      expect(answers).toHaveLength(1);
      expect(JSON.stringify(answers[0])).toMatch(/cannot make sure this request is yours and new/);
    },
  );
});
