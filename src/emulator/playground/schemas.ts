import { z } from 'zod';

const Id = z.string().regex(/^[A-Z0-9]{2,32}$/);
const ViewId = z.string().regex(/^V[A-Z0-9]{1,31}$/);
/** block_id and action_id: Slack's 255 characters. */
const Key = z.string().min(1).max(255);

/** What the composer sends: the text as typed, slash command included. */
export const CommandRequest = z.object({
  channel: Id,
  user: Id,
  text: z.string().max(4000),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

/**
 * What the user entered in a view, by block_id then action_id, in the stand-in's `ViewValues` shape:
 * text, an option's value or an id; a list for multi-selects and checkboxes; null for nothing.
 */
const ViewValues = z.record(
  Key,
  z.record(Key, z.union([z.string().max(3000), z.array(z.string().max(3000)).max(100), z.null()])),
);

/** What a click on a Block Kit element sends: on a message (`messageId`) or a view (`viewId`). */
export const ClickRequest = z
  .object({
    user: Id,
    messageId: z.string().min(1).max(40).optional(),
    viewId: ViewId.optional(),
    actionId: Key,
    blockId: Key.optional(),
    selectedOption: z.string().max(2000).optional(),
    /** With `viewId`: what the view's inputs hold at the time of the click (Slack sends the view's state). */
    values: ViewValues.optional(),
  })
  .refine((r) => (r.messageId === undefined) !== (r.viewId === undefined), {
    message: 'give exactly one of messageId and viewId',
  });
export type ClickRequest = z.infer<typeof ClickRequest>;

/** The user presses the submit button of the modal on top of their stack. */
export const ViewSubmitRequest = z.object({ user: Id, viewId: ViewId, values: ViewValues });

/** The user closes the top view (back, close button) or the whole modal (the ×). */
export const ViewCloseRequest = z.object({ user: Id, viewId: ViewId, all: z.boolean().optional() });

/** The user opens a tab of the app (Home or Messages). */
export const HomeOpenRequest = z.object({ user: Id, tab: z.enum(['home', 'messages']) });

/** A slash command as typed: `/name rest…`. */
export function splitCommand(text: string): { command: string; args: string } | undefined {
  const match = /^\s*(\/[^\s/]+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return undefined;
  return { command: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() };
}
