import { pino } from 'pino';
import type { RequestContext } from '../../src/slack/deps.js';

/**
 * A request's context for running a command or click without Slack: its answers are kept in
 * `answers`, and the replay check says `replayChecked`.
 */
export function answeringContext(replayChecked = true): {
  ctx: RequestContext;
  answers: Record<string, unknown>[];
} {
  const answers: Record<string, unknown>[] = [];
  const ctx = {
    teamId: 'T1',
    channelId: 'C1',
    userId: 'U1',
    checkReplay: async () => replayChecked,
    respond: async (message: Record<string, unknown>) => {
      answers.push(message);
    },
    log: pino({ level: 'silent' }),
  } as unknown as RequestContext;
  return { ctx, answers };
}
