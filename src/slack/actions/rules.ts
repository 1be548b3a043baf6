import {
  alertStatusList,
  decodeRuleValue,
  encodeRuleValue,
  RULE_ACTIONS,
  RULE_MENU_PATTERN,
} from '../../blocks/alert-status.js';
import { confirmDeleteMessage, ruleHistoryMessage } from '../../blocks/rule-history.js';
import type { BotDeps, RequestContext } from '../deps.js';
import type { ClickRequest } from '../requests.js';
import {
  editableRule,
  keepingOf,
  openRuleModal,
  refusedMessage,
  ruleAdminRefusal,
  ruleSourceOf,
} from '../rule-admin.js';
import { deleteRule, historyView, setRulePaused } from '../rule-commands.js';
import type { ClickAction } from './types.js';

const ephemeral = { response_type: 'ephemeral', replace_original: false } as const;

/** The alerts list again, in place of the one clicked, with a line on what changed. */
async function listAgain(deps: BotDeps, said: string) {
  const list = alertStatusList(
    (await deps.alerts?.listStatuses()) ?? [],
    keepingOf(ruleSourceOf(deps).current()),
  );
  const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: said } }, ...(list.blocks ?? [])];
  return { text: said, blocks, replace_original: true };
}

function openFrom(ctx: RequestContext, request: ClickRequest) {
  return { triggerId: request.triggerId, responseUrl: ctx.responseUrl, channelId: ctx.channelId };
}

/** A rule's menu on the alerts list: Edit, Pause or Resume, Delete…, History. */
const menu: ClickAction = {
  match: RULE_MENU_PATTERN,
  name: 'rule_menu',
  changesState: true,
  async run(deps, ctx, value, request) {
    const choice = decodeRuleValue(value);
    if (!choice) return { text: 'That rule menu is not valid any more.', ...ephemeral };
    const source = ruleSourceOf(deps);
    if (choice.what === 'history')
      return {
        ...ruleHistoryMessage(historyView(await source.store.history(choice.rule, 100)), choice.rule),
        ...ephemeral,
      };
    const refusal = ruleAdminRefusal(deps, ctx.userId);
    if (refusal) return { ...refusedMessage(refusal), ...ephemeral };
    const entry = editableRule(source, choice.rule);
    switch (choice.what) {
      case 'edit':
        return openRuleModal(deps, openFrom(ctx, request), entry);
      case 'delete':
        return {
          ...confirmDeleteMessage(
            entry.rule.name,
            entry.version,
            encodeRuleValue('delete', entry.rule.name, entry.version),
          ),
          ...ephemeral,
        };
      default:
        return listAgain(deps, await setRulePaused(source, choice.rule, choice.what === 'pause', ctx.userId));
    }
  },
};

/** Delete, after its confirm dialog: at the version the person saw. */
const remove: ClickAction = {
  match: RULE_ACTIONS.remove,
  name: 'rule_delete',
  changesState: true,
  async run(deps, ctx, value) {
    const choice = decodeRuleValue(value);
    if (choice?.what !== 'delete' || choice.version === undefined)
      return { text: 'That Delete button is not valid any more.', ...ephemeral };
    const refusal = ruleAdminRefusal(deps, ctx.userId);
    if (refusal) return { ...refusedMessage(refusal), ...ephemeral };
    const said = await deleteRule(ruleSourceOf(deps), choice.rule, choice.version, ctx.userId);
    return {
      text: said,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: said } }],
      replace_original: true,
    };
  },
};

/** New rule, on the alerts list. */
const create: ClickAction = {
  match: RULE_ACTIONS.create,
  name: 'rule_new',
  async run(deps, ctx, _value, request) {
    const refusal = ruleAdminRefusal(deps, ctx.userId);
    if (refusal) return { ...refusedMessage(refusal), ...ephemeral };
    ruleSourceOf(deps);
    return openRuleModal(deps, openFrom(ctx, request));
  },
};

/** History, on the alerts list: every rule's changes. */
const history: ClickAction = {
  match: RULE_ACTIONS.history,
  name: 'rule_history',
  async run(deps) {
    const changes = await ruleSourceOf(deps).store.history(undefined, 100);
    return { ...ruleHistoryMessage(historyView(changes)), ...ephemeral };
  },
};

export const RULE_CLICKS: readonly ClickAction[] = [menu, remove, create, history];
