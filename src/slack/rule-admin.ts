import { z } from 'zod';
import { inputOfRule } from '../alerts/rule-input.js';
import type { RuleSource } from '../alerts/rule-source.js';
import type { RuleEntry, SaveResult } from '../alerts/rule-store.js';
import type { RuleKeeping } from '../blocks/alert-status.js';
import { errorMessage } from '../blocks/index.js';
import type { SlackMessage } from '../blocks/limits.js';
import { MAX_PRIVATE_METADATA } from '../blocks/query-modal.js';
import { RULE_FORM_FIELDS, type RuleModalInput, ruleBlockId, ruleModal } from '../blocks/rule-modal.js';
import { UsageError } from '../errors.js';
import type { BotDeps } from './deps.js';
import { ResponseUrl } from './requests.js';
import { formErrors } from './rule-form.js';

/** What the rule modal carries in its private_metadata: what it saves, and where to say so. */
export const RuleModalMeta = z.object({
  mode: z.enum(['create', 'edit']),
  name: z.string().optional(),
  version: z.number().int().optional(),
  responseUrl: ResponseUrl.optional(),
  channelId: z.string().optional(),
});
export type RuleModalMeta = z.infer<typeof RuleModalMeta>;

export function readRuleMeta(metadata: string | undefined): RuleModalMeta | null {
  try {
    const parsed = RuleModalMeta.safeParse(JSON.parse(metadata ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The rules of this app, or the sentence that says why there are none to manage. */
export function ruleSourceOf(deps: BotDeps): RuleSource {
  if (!deps.rules)
    throw new UsageError(
      'Alert rules are not set up for this app.',
      'An admin can enable them by running the worker beside the bot on the same Redis.',
    );
  return deps.rules;
}

/** Who may make and change rules: ALERT_ADMIN_USER_IDS. A refusal names them, or the setting. */
export function ruleAdminRefusal(deps: BotDeps, userId: string): string | null {
  const admins = deps.config.alerts.adminUserIds;
  if (admins.includes(userId)) return null;
  if (admins.length === 0)
    return 'Nobody may change alert rules from Slack yet: an admin can list who may in ALERT_ADMIN_USER_IDS.';
  const names = admins.slice(0, 5).map((id) => `<@${id}>`);
  return `Only alert admins can make or change rules: ask ${names.join(', ')}${admins.length > 5 ? ' or another admin' : ''}.`;
}

/** A refusal that names people: their mentions are ours, so not escaped as AWS text would be. */
export function refusedMessage(sentence: string): SlackMessage {
  const text = `:no_entry: ${sentence}\nYou can still list the rules with \`/backup-jobs alerts\`.`;
  return { text: sentence, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** How the list shows where each rule is kept. */
export function keepingOf(entries: readonly RuleEntry[]): Map<string, RuleKeeping> {
  return new Map(
    entries.map((e) => [e.rule.name, { origin: e.origin, paused: e.paused, version: e.version }]),
  );
}

/** A rule made in Slack by name, or the UsageError that says why it cannot be changed. */
export function editableRule(source: RuleSource, name: string): RuleEntry {
  const entry = source.find(name);
  if (!entry)
    throw new UsageError(
      `There is no alert rule named "${name}".`,
      'Run /backup-jobs alerts to list the rules.',
    );
  if (entry.origin === 'file')
    throw new UsageError(
      `${name} comes from the rules file, so it is changed there, not in Slack.`,
      'Edit ALERT_RULES_FILE on the server: the bot and the worker reload it by themselves.',
    );
  return entry;
}

/** Opens the rule modal, empty or with a rule made in Slack, from a command's or a click's trigger_id. */
export async function openRuleModal(
  deps: BotDeps,
  open: { triggerId: string | undefined; responseUrl?: string | undefined; channelId?: string | undefined },
  entry?: RuleEntry,
): Promise<SlackMessage | null> {
  const meta: RuleModalMeta = entry
    ? { mode: 'edit', name: entry.rule.name, version: entry.version }
    : { mode: 'create' };
  if (open.responseUrl) meta.responseUrl = open.responseUrl;
  if (open.channelId) meta.channelId = open.channelId;
  const metadata = JSON.stringify(meta);
  if (!open.triggerId || metadata.length > MAX_PRIVATE_METADATA)
    return errorMessage({
      message: 'I could not open the rule form from here.',
      remedy: 'Type `/backup-jobs alerts new` (or `alerts edit <rule>`) in a channel instead.',
    });
  const values: RuleModalInput['values'] = entry
    ? (inputOfRule(entry.rule) as RuleModalInput['values'])
    : {
        kind: 'backup',
        channel: open.channelId,
        states: ['FAILED'],
        threshold: 1,
        window: '1h',
        every: '5m',
      };
  await deps.slack.views.open({
    trigger_id: open.triggerId,
    view: ruleModal({ mode: entry ? 'edit' : 'create', values, regions: deps.config.aws.regions, metadata }),
  });
  return null;
}

/** The fields the modal shows as inputs: every field, but the name of a rule being edited. */
export function shownFields(meta: RuleModalMeta): Set<string> {
  return new Set(RULE_FORM_FIELDS.filter((f) => meta.mode === 'create' || f !== 'name'));
}

/** A refused save as Slack shows it: each problem under its field, the rest under the kind. */
export function saveErrors(result: Exclude<SaveResult, { ok: true }>, meta: RuleModalMeta) {
  const kind = ruleBlockId('kind');
  switch (result.reason) {
    case 'invalid':
      return formErrors(result.errors, shownFields(meta));
    case 'conflict': {
      const by = result.current.updatedBy ? `<@${result.current.updatedBy}>` : 'Someone';
      return {
        [kind]: `${by} saved this rule while your form was open (now version ${result.current.version}). Close this form and choose Edit again to start from their version.`,
      };
    }
    case 'exists':
      return {
        [ruleBlockId('name')]:
          `A rule named ${result.current.rule.name} exists already${result.current.origin === 'file' ? ' in the rules file' : ''}: pick another name, like ${result.current.rule.name}-2.`,
      };
    case 'missing':
      return {
        [kind]:
          'This rule was deleted while your form was open. Close it; `/backup-jobs alerts new` makes a new one.',
      };
    case 'read_only':
      return {
        [kind]: `${result.current.rule.name} comes from the rules file: edit the file on the server, it reloads by itself.`,
      };
  }
}
