import { z } from 'zod';

const Id = z.string().regex(/^[A-Z0-9]{2,32}$/);

/** What the composer sends: the text as typed, slash command included. */
export const CommandRequest = z.object({
  channel: Id,
  user: Id,
  text: z.string().max(4000),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

/** What a click on a Block Kit element sends. */
export const ClickRequest = z.object({
  user: Id,
  messageId: z.string().min(1).max(40),
  actionId: z.string().min(1).max(255),
  blockId: z.string().min(1).max(255).optional(),
  selectedOption: z.string().max(2000).optional(),
});
export type ClickRequest = z.infer<typeof ClickRequest>;

/** A slash command as typed: `/name rest…`. */
export function splitCommand(text: string): { command: string; args: string } | undefined {
  const match = /^\s*(\/[^\s/]+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return undefined;
  return { command: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() };
}
