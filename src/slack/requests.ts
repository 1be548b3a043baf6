import { z } from 'zod';

/**
 * What a request asks for, as it is kept on the work queue between the ack and the answer: plain
 * JSON, enough to answer from any bot process (no Bolt objects, no tokens).
 */
/** Where Slack takes answers: https (or http, for a stand-in on this machine). */
export const ResponseUrl = z.url({ protocol: /^https?$/ });

const Common = {
  /** Derived from the verified signature or the Socket Mode envelope: the work's job id. */
  id: z.string().min(1),
  receivedAt: z.number(),
  teamId: z.string(),
  channelId: z.string(),
  userId: z.string().min(1),
  /** Absent for a click on the App Home, which Slack gives no response_url. */
  responseUrl: ResponseUrl.optional(),
  triggerId: z.string().optional(),
};

export const CommandRequest = z.object({ type: z.literal('command'), text: z.string(), ...Common });
export type CommandRequest = z.infer<typeof CommandRequest>;

export const ClickRequest = z.object({
  type: z.literal('click'),
  actionId: z.string().min(1),
  /** A button's value or a select's chosen option. */
  value: z.string().optional(),
  /** The clicked message's ts, when Slack sent the message (not for every ephemeral one). */
  messageTs: z.string().optional(),
  /** A click on the App Home: answers go to the app's Messages tab, and the Home is published again. */
  home: z.boolean().optional(),
  ...Common,
});
export type ClickRequest = z.infer<typeof ClickRequest>;

export const SlackRequest = z.discriminatedUnion('type', [CommandRequest, ClickRequest]);
export type SlackRequest = z.infer<typeof SlackRequest>;

/** The fields of a slash command this app reads (Slack sends more). */
export const CommandPayload = z.object({
  command: z.string().min(1),
  text: z.string().optional(),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  user_id: z.string().min(1),
  response_url: ResponseUrl,
  trigger_id: z.string().optional(),
});

export type CommandPayload = z.infer<typeof CommandPayload>;

/** The fields of a block_actions click this app reads. */
export const ClickPayload = z
  .object({
    type: z.literal('block_actions'),
    user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
    team: z.object({ id: z.string() }).nullish(),
    channel: z.object({ id: z.string() }).nullish(),
    container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).nullish(),
    message: z.object({ ts: z.string().optional() }).nullish(),
    response_url: ResponseUrl.optional(),
    /** The view a click on the App Home or in a modal came from. */
    view: z.object({ id: z.string(), type: z.string() }).nullish(),
    trigger_id: z.string().optional(),
    actions: z
      .array(
        z.object({
          action_id: z.string().min(1),
          value: z.string().optional(),
          selected_option: z.object({ value: z.string() }).nullish(),
        }),
      )
      .min(1),
  })
  // Slack sends a response_url with every click on a message, and none on the App Home.
  .refine((p) => p.response_url !== undefined || p.view?.type === 'home', 'a response_url');

export type ClickPayload = z.infer<typeof ClickPayload>;

/** Where a request came from: set by the receivers, checked by the middleware. */
export interface RequestMeta {
  /** The verified (timestamp, HMAC) pair or the Socket Mode envelope id, hashed. */
  key: string;
  receivedAt: number;
}

export function commandRequest(payload: CommandPayload, meta: RequestMeta): CommandRequest {
  return {
    type: 'command',
    id: meta.key,
    receivedAt: meta.receivedAt,
    teamId: payload.team_id,
    channelId: payload.channel_id,
    userId: payload.user_id,
    responseUrl: payload.response_url,
    ...(payload.trigger_id ? { triggerId: payload.trigger_id } : {}),
    text: payload.text ?? '',
  };
}

export function clickRequest(payload: ClickPayload, meta: RequestMeta): ClickRequest {
  const action = payload.actions[0]!;
  const value = action.value ?? action.selected_option?.value;
  const messageTs = payload.message?.ts ?? payload.container?.message_ts;
  return {
    type: 'click',
    id: meta.key,
    receivedAt: meta.receivedAt,
    teamId: payload.team?.id ?? payload.user.team_id ?? '',
    channelId: payload.channel?.id ?? payload.container?.channel_id ?? '',
    userId: payload.user.id,
    ...(payload.response_url ? { responseUrl: payload.response_url } : {}),
    ...(payload.view?.type === 'home' ? { home: true } : {}),
    ...(payload.trigger_id ? { triggerId: payload.trigger_id } : {}),
    actionId: action.action_id,
    ...(value !== undefined ? { value } : {}),
    ...(messageTs ? { messageTs } : {}),
  };
}
