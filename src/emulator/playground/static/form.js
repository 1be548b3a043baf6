// The inputs of one drawn view: where each starts, what each holds now, and what the browser finds
// wrong with it. `kept` (a Map the page keeps per view id) outlives redraws of the same view.
import { isBlank, startValue, toValues, valueKey } from './view-values.js';

/** `current.conversation`: where the user is, for `default_to_current_conversation`. */
export function createForm(view, kept, current) {
  const controls = [];
  return {
    start: (blockId, el) => startValue(view, blockId, el, kept, current),
    /** `input`: the control is an input block's element (sent even when empty, as Slack does). */
    add(blockId, actionId, control, input) {
      controls.push({ blockId, actionId, control, input });
    },
    remember(blockId, actionId, value) {
      kept.set(valueKey(blockId, actionId), value);
    },
    /** What the user entered, by block_id then action_id: the stand-in's `ViewValues`. */
    values() {
      const entries = controls
        .map((c) => [c.blockId, c.actionId, c.control.read(), c.input])
        .filter(([, , value, input]) => input || !isBlank(value));
      return toValues(entries);
    },
    /** What the browser refuses (too short, out of range, not an email), by block_id. */
    problems() {
      const found = {};
      for (const c of controls) {
        const problem = c.input ? c.control.problem?.() : undefined;
        if (problem && !found[c.blockId]) found[c.blockId] = problem;
      }
      return found;
    },
    focus(blockId) {
      controls.find((c) => blockId === undefined || c.blockId === blockId)?.control.focus?.();
    },
    dispose() {
      for (const c of controls) c.control.dispose?.();
    },
  };
}
