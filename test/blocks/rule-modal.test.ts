import { describe, expect, it } from 'vitest';
import { RULE_FORM_FIELDS, RULE_MODAL, ruleBlockId, ruleModal } from '../../src/blocks/rule-modal.js';

const REGIONS = ['us-east-1', 'eu-west-1'];

function inputs(view: ReturnType<typeof ruleModal>) {
  return view.blocks.filter((b) => b.type === 'input') as unknown as {
    block_id: string;
    optional: boolean;
    element: Record<string, unknown>;
  }[];
}

describe('the rule modal', () => {
  it('asks for every field of a rule, each input under its field’s block id, within Slack’s limits', () => {
    const view = ruleModal({ mode: 'create', values: {}, regions: REGIONS, metadata: '{}' });
    expect(view.callback_id).toBe(RULE_MODAL.callbackId);
    for (const title of [view.title, view.submit, view.close])
      expect(title?.text.length).toBeLessThanOrEqual(24);
    const ids = inputs(view).map((b) => b.block_id);
    expect(ids).toEqual(RULE_FORM_FIELDS.map(ruleBlockId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const required = inputs(view)
      .filter((b) => !b.optional)
      .map((b) => b.block_id);
    expect(required).toEqual(['bj_rule_name', 'bj_rule_kind', 'bj_rule_channel']);
    const channel = inputs(view).find((b) => b.block_id === 'bj_rule_channel')!.element;
    expect(channel.type).toBe('conversations_select');
    const regions = inputs(view).find((b) => b.block_id === 'bj_rule_regions')!.element;
    expect((regions.options as { value: string }[]).map((o) => o.value)).toEqual(REGIONS);
  });

  it('shows a rule being edited with its values and its name fixed', () => {
    const view = ruleModal({
      mode: 'edit',
      values: {
        name: 'prod-failures',
        kind: 'stale',
        channel: 'C0ALERTS',
        maxAge: '26h',
        copies: true,
        regions: ['eu-west-1', 'ap-south-1'],
        accounts: ['111122223333', '*'],
        threshold: 2,
      },
      regions: REGIONS,
      metadata: '{}',
    });
    expect(view.title?.text).toBe('Edit alert rule');
    const byId = new Map(inputs(view).map((b) => [b.block_id, b.element]));
    expect(byId.has('bj_rule_name')).toBe(false);
    expect(JSON.stringify(view.blocks)).toContain('*Rule* `prod-failures`');
    expect(byId.get('bj_rule_kind')).toMatchObject({ initial_option: { value: 'stale' } });
    expect(byId.get('bj_rule_channel')).toMatchObject({ initial_conversation: 'C0ALERTS' });
    expect(byId.get('bj_rule_maxAge')).toMatchObject({ initial_value: '26h' });
    expect(byId.get('bj_rule_copies')).toMatchObject({ initial_options: [{ value: 'true' }] });
    expect(byId.get('bj_rule_accounts')).toMatchObject({ initial_value: '111122223333, *' });
    expect(byId.get('bj_rule_threshold')).toMatchObject({ initial_value: '2' });
    // A Region the app does not read yet stays chosen rather than silently dropped.
    const chosen = (byId.get('bj_rule_regions')!.initial_options as { value: string }[]).map((o) => o.value);
    expect(chosen).toEqual(['eu-west-1', 'ap-south-1']);
  });

  it('refuses private_metadata over Slack’s 3,000 characters', () => {
    expect(() => ruleModal({ mode: 'create', values: {}, regions: [], metadata: 'm'.repeat(3001) })).toThrow(
      RangeError,
    );
  });
});
