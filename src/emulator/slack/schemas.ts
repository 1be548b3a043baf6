import { z } from 'zod';

/** Form bodies carry every value as a string; JSON bodies carry real types. Accept both. */
const flag = z.union([z.boolean(), z.string().transform((v) => v === 'true' || v === '1')]);
const ts = z.union([z.string().min(1), z.number()]).transform(String);
const id = z.string().min(1);
const blocks = z.array(z.record(z.string(), z.unknown()));

export const PostMessageArgs = z.object({
  channel: id,
  text: z.string().optional(),
  blocks: blocks.optional(),
  thread_ts: ts.optional(),
  mrkdwn: flag.optional(),
});

export const PostEphemeralArgs = PostMessageArgs.extend({ user: id });

export const UpdateArgs = z.object({
  channel: id,
  ts,
  text: z.string().optional(),
  blocks: blocks.optional(),
});

export const DeleteArgs = z.object({ channel: id, ts });

export const PermalinkArgs = z.object({ channel: id, message_ts: ts });

/** users.info: `include_locale` adds the person's `locale` to the answer. */
export const UserArgs = z.object({ user: id, include_locale: flag.optional() });

export const ChannelArgs = z.object({ channel: id });

export const OpenArgs = z.object({ users: id });

/** conversations.members: `limit` and `cursor` stay raw here, so their own errors can be answered. */
export const MembersArgs = z.object({
  channel: id,
  cursor: z.string().optional(),
  limit: z.union([z.string(), z.number()]).optional(),
});

export const UploadUrlArgs = z.object({
  filename: id,
  length: z.coerce.number().int().positive(),
  alt_text: z.string().optional(),
});

export const CompleteUploadArgs = z.object({
  files: z.array(z.object({ id, title: z.string().optional() })).min(1),
  channel_id: id.optional(),
  channels: id.optional(),
  initial_comment: z.string().optional(),
  thread_ts: ts.optional(),
  blocks: blocks.optional(),
});

/** What a response_url accepts (JSON). */
export const ResponseUrlBody = z.object({
  text: z.string().optional(),
  blocks: blocks.optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  replace_original: flag.optional(),
  delete_original: flag.optional(),
  thread_ts: ts.optional(),
  mrkdwn: flag.optional(),
});
export type ResponseUrlBody = z.infer<typeof ResponseUrlBody>;

/** A view object: a JSON string in form bodies (how Slack's clients send it), an object in JSON bodies. */
const view = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  },
  z.record(z.string(), z.unknown()),
);

export const ViewsOpenArgs = z.object({ trigger_id: id, view });

export const ViewsUpdateArgs = z.object({
  view,
  view_id: id.optional(),
  external_id: id.optional(),
  hash: z.string().optional(),
});

export const ViewsPublishArgs = z.object({ user_id: id, view, hash: z.string().optional() });

/**
 * What an app may answer a view_submission with (modals guide, "Responding to view submissions").
 * Anything else that parses as an object closes the view, like an empty answer.
 */
export const ViewResponseAction = z.discriminatedUnion('response_action', [
  z.object({ response_action: z.literal('errors'), errors: z.record(z.string(), z.string()) }),
  z.object({ response_action: z.literal('update'), view }),
  z.object({ response_action: z.literal('push'), view }),
  z.object({ response_action: z.literal('clear') }),
]);
export type ViewResponseAction = z.infer<typeof ViewResponseAction>;
