// Input blocks and the stateful elements of actions blocks and section accessories, in a modal or a
// Home tab. An input block reports nothing until the view is submitted, unless `dispatch_action`
// is set: then a change (Enter, for text) goes to the app as block_actions, as in Slack.
import { h } from './dom.js';
import { textObject } from './elements.js';
import { controlId, createControl } from './inputs.js';

function dispatchesOnTyping(b) {
  return (b.dispatch_action_config ?? b.element?.dispatch_action_config)?.trigger_actions_on?.includes(
    'on_character_entered',
  );
}

/** How a change reaches the app: right away, on Enter, or (typing) after a short pause. */
function wiring(b, el, ctx, dispatch) {
  const blockId = b.block_id;
  const isText = /_input$/.test(el.type);
  let timer;
  const send = (value) => ctx.act(el, blockId, { values: { [blockId]: { [el.action_id]: value } } });
  return {
    onChange(value) {
      ctx.form.remember(blockId, el.action_id, value);
      if (!dispatch) return;
      if (!isText) send(value);
      else if (dispatchesOnTyping(b)) {
        clearTimeout(timer);
        timer = setTimeout(() => send(value), 400);
      }
    },
    onEnter: dispatch && isText && !dispatchesOnTyping(b) ? send : undefined,
  };
}

/** An input block: label (and "(optional)"), the element, the error under it in red, and the hint. */
export function renderInputBlock(b, ctx) {
  const el = b.element ?? {};
  const id = controlId();
  const labelId = `${id}-label`;
  const control = createControl(
    el,
    ctx.form.start(b.block_id, el),
    { id, labelId, ...wiring(b, el, ctx, b.dispatch_action === true) },
    ctx,
  );
  const error = ctx.errors?.[b.block_id];
  const label = h(
    'label',
    {
      class: 'bk-input-label',
      id: labelId,
      for: control && /input|select|textarea/i.test(control.node.tagName) ? id : undefined,
    },
    ...textObject(b.label, ctx),
    b.optional ? h('span', { class: 'bk-optional' }, ' (optional)') : null,
  );
  if (control) ctx.form.add(b.block_id, el.action_id, control, true);
  if (control && el.focus_on_load) ctx.focusOnLoad = b.block_id;
  return h(
    'div',
    { class: `bk-input${error ? ' has-error' : ''}`, dataset: { actionId: el.action_id ?? '' } },
    label,
    control?.node ??
      h('div', { class: 'bk-unsupported' }, `This input (${el.type ?? 'unknown'}) is not shown here.`),
    error ? h('div', { class: 'bk-input-error', role: 'alert' }, error) : null,
    b.hint ? h('div', { class: 'bk-input-hint' }, ...textObject(b.hint, ctx)) : null,
  );
}

/**
 * A select, checkbox group, radio group or date picker in an actions block or section accessory of
 * a view: every change goes to the app at once, with the view's state.
 */
export function renderViewElement(el, blockId, ctx) {
  const control = createControl(
    el,
    ctx.form.start(blockId, el),
    {
      id: controlId(),
      onChange(value) {
        ctx.form.remember(blockId, el.action_id, value);
        ctx.act(el, blockId, { values: { [blockId]: { [el.action_id]: value } } });
      },
    },
    ctx,
  );
  if (!control) return undefined;
  ctx.form.add(blockId, el.action_id, control, false);
  return h('span', { class: 'bk-view-element' }, control.node);
}
