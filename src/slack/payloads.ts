import { z } from 'zod';

/** The fields of a slash command this app reads (Slack sends more). */
const Command = z.object({
  command: z.string().min(1),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  user_id: z.string().min(1),
  response_url: z.url(),
});

/** The fields of a block_actions click this app reads. */
const Click = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  response_url: z.url(),
  actions: z.array(z.object({ action_id: z.string().min(1) })).min(1),
});

export type PayloadKind = 'command' | 'click' | 'other' | 'invalid';

/**
 * What a signed body is: a command or a click this app can answer, another kind of interaction it
 * does not use (acknowledged and ignored), or one missing what it needs (refused with a 400).
 */
export function payloadKind(body: Record<string, unknown>): PayloadKind {
  if (typeof body.command === 'string') return Command.safeParse(body).success ? 'command' : 'invalid';
  if (body.type === 'block_actions') return Click.safeParse(body).success ? 'click' : 'invalid';
  return typeof body.type === 'string' ? 'other' : 'invalid';
}
