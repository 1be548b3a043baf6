import type { ModalView } from '@slack/types';
import { plain, section } from './kit.js';
import { plainText } from './text.js';

/** The callback_id of the Edit query modal, and the block and action of its one input. */
export const QUERY_MODAL = {
  callbackId: 'bj_edit_query',
  block: 'bj_query',
  action: 'bj_query_text',
} as const;

/** Slack's cap on a modal's private_metadata. */
export const MAX_PRIVATE_METADATA = 3000;
/** Slack's cap on a plain_text_input's value. */
const MAX_INPUT = 3000;

/**
 * "Edit query": the query as typed, in a text field, with a line on what can be asked. Its
 * validation runs when it is submitted: a query that does not parse keeps the modal open with the
 * reason under the field. `metadata` says where the answer goes (at most 3,000 characters).
 */
export function editQueryModal(input: { text: string; metadata: string }): ModalView {
  if (input.metadata.length > MAX_PRIVATE_METADATA)
    throw new RangeError('private_metadata over 3,000 characters');
  return {
    type: 'modal',
    callback_id: QUERY_MODAL.callbackId,
    private_metadata: input.metadata,
    title: plain('Edit query', 24),
    submit: plain('Run', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'input',
        block_id: QUERY_MODAL.block,
        label: plain('What to look up', 2000),
        element: {
          type: 'plain_text_input',
          action_id: QUERY_MODAL.action,
          multiline: false,
          max_length: MAX_INPUT,
          initial_value: plainText(input.text, MAX_INPUT),
          placeholder: plain('failed last 3 days vault:prod', 150),
        },
        hint: plain('States, a time window and filters, as after /backup-jobs. `help` lists them all.', 2000),
      },
      section(
        'Examples: `failed last 24h` · `partial since monday type:rds` · `summary 7d`',
        'bj_query_examples',
      ),
    ],
  };
}
