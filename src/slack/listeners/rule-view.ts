import type { App } from '@slack/bolt';
import { RULE_MODAL, ruleBlockId } from '../../blocks/rule-modal.js';
import { CodedError } from '../../errors.js';
import type { BotDeps } from '../deps.js';
import { askHomeRefresh } from '../handle.js';
import { metaOf } from '../middleware/meta.js';
import { postToResponseUrl } from '../respond.js';
import { readRuleMeta, ruleAdminRefusal, saveErrors } from '../rule-admin.js';
import { ruleInputOf } from '../rule-form.js';
import { observeAck } from './observe.js';

/**
 * The rule modal, submitted: checked and saved in the ack, so a wrong value keeps the modal open
 * with the reason under its field, and an edit that lost a race says who saved first. A saved rule
 * closes the modal and is confirmed where the modal was opened from.
 */
export function registerRuleView(app: App, deps: BotDeps) {
  app.view(RULE_MODAL.callbackId, async ({ ack, body, view, context }) => {
    const meta = readRuleMeta(view.private_metadata);
    const general = (message: string) =>
      ack({ response_action: 'errors', errors: { [ruleBlockId('kind')]: message.slice(0, 300) } });
    if (!meta) return general('This form has lost what it edits: close it and open it again.');
    const refusal = ruleAdminRefusal(deps, body.user.id);
    if (refusal) return general(refusal);
    if (!deps.rules) return general('Alert rules are not set up for this app.');
    const input = ruleInputOf(view.state.values, meta.mode === 'edit' ? meta.name : undefined);
    let result: Awaited<ReturnType<typeof deps.rules.store.create>>;
    try {
      result =
        meta.mode === 'create'
          ? await deps.rules.store.create(input, body.user.id)
          : await deps.rules.store.update(meta.name ?? '', input, meta.version ?? -1, body.user.id);
    } catch (err) {
      deps.logger.warn({ err }, 'rule save failed');
      return general(
        err instanceof CodedError
          ? err.message
          : 'The rule could not be saved right now (its storage did not answer): try again in a minute.',
      );
    }
    if (!result.ok) return ack({ response_action: 'errors', errors: saveErrors(result, meta) });
    await ack();
    observeAck(deps, 'view', metaOf(context));
    await deps.rules.refresh().catch(() => undefined);
    await askHomeRefresh(deps, deps.logger);
    const { rule, version } = result.entry;
    const said = `:white_check_mark: <@${body.user.id}> ${meta.mode === 'create' ? 'made' : 'changed'} the alert rule *${rule.name}* (version ${version}): it posts in <#${rule.channel}> and applies within seconds.`;
    if (meta.responseUrl)
      await postToResponseUrl(
        meta.responseUrl,
        { text: said, response_type: 'ephemeral', replace_original: false },
        deps.answerFooter,
      ).catch((err: unknown) => deps.logger.info({ err }, 'rule saved, confirmation not posted'));
  });
}
