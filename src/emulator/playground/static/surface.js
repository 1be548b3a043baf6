// What a modal and a Home tab share: their blocks drawn with inputs that keep what the user entered,
// and clicks that go to the app with the view's state.
import { renderBlocks } from './blocks.js';
import { createForm } from './form.js';
import { renderViewElement } from './input-block.js';
import { textContext } from './people.js';
import { keptValues, store } from './state.js';
import { clickInView } from './view-actions.js';

function merge(values, extra) {
  const out = { ...values };
  for (const [blockId, actions] of Object.entries(extra ?? {}))
    out[blockId] = { ...out[blockId], ...actions };
  return out;
}

/**
 * Draws `view`'s blocks; `errors` (by block_id) show under the input blocks, `onProblem(text)` hears
 * what went wrong with a click. Returns the blocks' node and the form that reads the inputs.
 */
export function drawSurface(view, { errors, onProblem, openChannel, openImage }) {
  const form = createForm(view, keptValues(view.id), { conversation: store.channel });
  const ctx = {
    ...textContext(),
    openChannel,
    openImage,
    form,
    errors,
    async act(el, blockId, extra = {}) {
      const values = merge(form.values(), extra.values);
      onProblem(await clickInView(view, el, blockId, values, extra.selectedOption));
    },
  };
  ctx.viewElement = (el, blockId) => renderViewElement(el, blockId, ctx);
  const node = renderBlocks(view.blocks, ctx);
  return { node, form, focusOnLoad: ctx.focusOnLoad };
}
