import { describe, expect, it } from 'vitest';
import { formErrors, ruleInputOf } from '../../src/slack/rule-form.js';

/** view.state.values as Slack sends them in a view_submission, one element type per field. */
const VALUES = {
  bj_rule_name: { v: { type: 'plain_text_input', value: '  prod-failures ' } },
  bj_rule_kind: { v: { type: 'radio_buttons', selected_option: { value: 'backup' } } },
  bj_rule_channel: { v: { type: 'conversations_select', selected_conversation: 'C0ALERTS' } },
  bj_rule_states: {
    v: { type: 'multi_static_select', selected_options: [{ value: 'FAILED' }, { value: 'PARTIAL' }] },
  },
  bj_rule_threshold: { v: { type: 'number_input', value: '3' } },
  bj_rule_window: { v: { type: 'plain_text_input', value: '1h' } },
  bj_rule_maxAge: { v: { type: 'plain_text_input', value: null } },
  bj_rule_copies: { v: { type: 'checkboxes', selected_options: [] } },
  bj_rule_accounts: { v: { type: 'plain_text_input', value: '111122223333, 444455556666' } },
  bj_rule_regions: { v: { type: 'multi_static_select', selected_options: [] } },
  bj_rule_vaults: { v: { type: 'plain_text_input', value: 'prod' } },
  bj_rule_mention: { v: { type: 'plain_text_input', value: '' } },
};

describe('what a person entered in the rule modal', () => {
  it('reads as a rules-file rule: lists split, numbers as numbers, empty fields left out', () => {
    expect(ruleInputOf(VALUES)).toEqual({
      name: 'prod-failures',
      kind: 'backup',
      channel: 'C0ALERTS',
      states: ['FAILED', 'PARTIAL'],
      threshold: 3,
      window: '1h',
      accounts: ['111122223333', '444455556666'],
      vaults: ['prod'],
    });
  });

  it('keeps the name of a rule being edited, and reads copies as a switch', () => {
    const values = {
      ...VALUES,
      bj_rule_name: undefined,
      bj_rule_copies: { v: { type: 'checkboxes', selected_options: [{ value: 'true' }] } },
    };
    expect(ruleInputOf(values, 'kept-name')).toMatchObject({ name: 'kept-name', copies: true });
  });

  it('keeps a threshold that is not a number as typed, for the check to name', () => {
    const values = { ...VALUES, bj_rule_threshold: { v: { type: 'number_input', value: 'many' } } };
    expect(ruleInputOf(values).threshold).toBe('many');
  });

  it('puts each error under its field, and one about a field not shown under the kind', () => {
    expect(
      formErrors({ window: 'a duration like 1h', name: 'taken', bogus: 'odd' }, new Set(['window', 'kind'])),
    ).toEqual({ bj_rule_window: 'a duration like 1h', bj_rule_kind: 'taken odd' });
  });
});
