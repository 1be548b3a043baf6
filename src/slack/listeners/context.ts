import type {
  AllMiddlewareArgs,
  BlockAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
} from '@slack/bolt';
import type { BotDeps, RequestContext } from '../deps.js';

export type ClickArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** The value of the clicked element: a button's value or a select's chosen option. */
export function clickedValue(args: ClickArgs): string | undefined {
  const action = args.action as { value?: string; selected_option?: { value?: string } };
  return action.value ?? action.selected_option?.value;
}

export function clickContext(deps: BotDeps, args: ClickArgs, name: string): RequestContext {
  const body = args.body;
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    channelId: body.channel?.id ?? body.container?.channel_id ?? '',
    userId: body.user.id,
    respond: (message) => args.respond(message as RespondArguments),
    client: args.client,
    log: deps.logger.child({ action: name, user: body.user.id, channel: body.channel?.id }),
  };
}

export function commandContext(deps: BotDeps, args: CommandArgs): RequestContext {
  const c = args.command;
  return {
    teamId: c.team_id,
    channelId: c.channel_id,
    userId: c.user_id,
    respond: (message) => args.respond(message as RespondArguments),
    client: args.client,
    log: deps.logger.child({ command: c.command, user: c.user_id, channel: c.channel_id }),
  };
}
