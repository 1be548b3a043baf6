import { describe, expect, it } from 'vitest';
import { editQueryModal, QUERY_MODAL } from '../../src/blocks/index.js';

describe('editQueryModal', () => {
  it('is a modal with the query in its one input, titles within 24 characters', () => {
    const view = editQueryModal({ text: 'failed last 3 days vault:prod', metadata: '{"a":1}' });
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: QUERY_MODAL.callbackId,
      private_metadata: '{"a":1}',
    });
    for (const title of [view.title, view.submit, view.close])
      expect(title?.text.length).toBeLessThanOrEqual(24);
    const input = view.blocks.find((b) => b.type === 'input');
    expect(input).toMatchObject({
      block_id: QUERY_MODAL.block,
      element: {
        type: 'plain_text_input',
        action_id: QUERY_MODAL.action,
        initial_value: 'failed last 3 days vault:prod',
      },
    });
  });

  it('keeps a long query on one line within the input’s 3,000 characters', () => {
    const view = editQueryModal({ text: `failed\n${'x'.repeat(5000)}`, metadata: '' });
    const input = view.blocks.find((b) => b.type === 'input') as { element: { initial_value: string } };
    expect(input.element.initial_value.length).toBeLessThanOrEqual(3000);
    expect(input.element.initial_value).not.toContain('\n');
  });

  it('refuses private_metadata over Slack’s 3,000 characters', () => {
    expect(() => editQueryModal({ text: 'x', metadata: 'm'.repeat(3001) })).toThrow(RangeError);
  });
});
