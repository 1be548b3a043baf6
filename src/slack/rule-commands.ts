import type { RuleSource } from '../alerts/rule-source.js';
import type { RuleChange } from '../alerts/rule-store.js';
import { encodeRuleValue } from '../blocks/alert-status.js';
import { confirmDeleteMessage, type RuleChangeView, ruleHistoryMessage } from '../blocks/rule-history.js';
import { UsageError } from '../errors.js';
import type { AlertsQuery } from '../query/types.js';
import { confirmation } from './alert-commands.js';
import type { BotDeps, RequestContext } from './deps.js';
import { editableRule, openRuleModal, refusedMessage, ruleAdminRefusal, ruleSourceOf } from './rule-admin.js';

type RuleCommand = Extract<
  AlertsQuery,
  { action: 'new' | 'edit' | 'pause' | 'resume' | 'delete' | 'history' }
>;

export function historyView(changes: readonly RuleChange[]): RuleChangeView[] {
  return changes.map((c) => ({ ...c }));
}

/** A refused save outside a form: the sentence that says why, as a UsageError. */
function refusedSave(name: string, reason: string): UsageError {
  if (reason === 'missing')
    return new UsageError(
      `There is no alert rule named "${name}" any more.`,
      'Run /backup-jobs alerts to list the rules.',
    );
  if (reason === 'read_only')
    return new UsageError(
      `${name} comes from the rules file, so it is changed there, not in Slack.`,
      'Edit ALERT_RULES_FILE on the server: it reloads by itself.',
    );
  return new UsageError(`${name} changed while this was asked.`, 'Run /backup-jobs alerts and try again.');
}

/** Pauses or resumes a rule made in Slack; the sentence that says so, for the whole channel to read. */
export async function setRulePaused(source: RuleSource, name: string, paused: boolean, userId: string) {
  editableRule(source, name);
  const result = await source.store.setPaused(name, paused, userId);
  if (!result.ok) throw refusedSave(name, result.reason);
  await source.refresh();
  return paused
    ? `:double_vertical_bar: *${name}* is paused by <@${userId}>: it is not evaluated until it is resumed.`
    : `:arrow_forward: *${name}* is resumed by <@${userId}>: it is evaluated again within seconds.`;
}

/** Deletes a rule made in Slack at the version the person saw. */
export async function deleteRule(source: RuleSource, name: string, version: number, userId: string) {
  editableRule(source, name);
  const result = await source.store.remove(name, version, userId);
  if (!result.ok) {
    if (result.reason === 'conflict')
      throw new UsageError(
        `${name} was changed after you asked to delete it (now version ${result.current.version}).`,
        `Look at it with /backup-jobs alerts history ${name}, then delete it again if you still mean to.`,
      );
    throw refusedSave(name, result.reason);
  }
  await source.refresh();
  return `:wastebasket: *${name}* is deleted by <@${userId}>. Its history stays: \`/backup-jobs alerts history ${name}\`.`;
}

/** `alerts new|edit|pause|resume|delete <rule>` and `alerts history [rule]`. */
export async function runRuleCommand(deps: BotDeps, ctx: RequestContext, query: RuleCommand) {
  const source = ruleSourceOf(deps);
  if (query.action === 'history') {
    const changes = await source.store.history(query.rule, 100);
    return ruleHistoryMessage(historyView(changes), query.rule);
  }
  const refusal = ruleAdminRefusal(deps, ctx.userId);
  if (refusal) return refusedMessage(refusal);
  const open = { triggerId: ctx.triggerId, responseUrl: ctx.responseUrl, channelId: ctx.channelId };
  switch (query.action) {
    case 'new':
      return openRuleModal(deps, open);
    case 'edit':
      return openRuleModal(deps, open, editableRule(source, query.rule));
    case 'pause':
    case 'resume':
      return confirmation(await setRulePaused(source, query.rule, query.action === 'pause', ctx.userId));
    case 'delete': {
      const entry = editableRule(source, query.rule);
      return confirmDeleteMessage(
        entry.rule.name,
        entry.version,
        encodeRuleValue('delete', entry.rule.name, entry.version),
      );
    }
  }
}
