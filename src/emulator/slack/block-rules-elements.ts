import {
  type BlockScope,
  checkChoice,
  checkId,
  checkList,
  checkString,
  checkText,
  type Findings,
  isObj,
  type Obj,
  say,
} from './block-rules-kit.js';

/**
 * Block elements as Slack's reference describes them (https://docs.slack.dev/reference/block-kit/
 * block-elements): button, select menus, overflow menu, checkboxes, radio buttons and image, with the
 * option, option group and confirmation dialog objects they hold.
 */

const PLACEHOLDER = 150;
const SELECTS_WITH_OPTIONS = new Set(['static_select', 'multi_static_select']);

/** Option object: text ≤ 75, value ≤ 150, description ≤ 75; `url` (≤ 3000) only in overflow menus. */
function checkOption(o: Obj, at: string, f: Findings, where: { overflow?: boolean; mrkdwn?: boolean }) {
  checkText(o.text, `${at}/text`, f, { max: 75, plainOnly: !where.mrkdwn, required: true });
  checkString(o.value, `${at}/value`, f, { max: 150, required: true });
  checkText(o.description, `${at}/description`, f, { max: 75, plainOnly: !where.mrkdwn });
  if (o.url !== undefined && !where.overflow) f.report(`${at}/url`, 'url is only allowed in overflow menus');
  else checkString(o.url, `${at}/url`, f, { max: 3000 });
}

function checkOptions(value: unknown, at: string, f: Findings, range: [number, number], where = {}): void {
  for (const [i, o] of checkList(value, at, f, range[0], range[1]).entries()) {
    checkOption(o, `${at}/${i}`, f, where);
  }
}

/** Confirmation dialog: title ≤ 100, text ≤ 300, confirm and deny ≤ 30, style primary or danger. */
function checkConfirm(value: unknown, at: string, f: Findings): void {
  if (value === undefined) return;
  if (!isObj(value)) {
    f.report(at, say.object);
    return;
  }
  checkText(value.title, `${at}/title`, f, { max: 100, plainOnly: true });
  checkText(value.text, `${at}/text`, f, { max: 300, required: true });
  checkText(value.confirm, `${at}/confirm`, f, { max: 30, plainOnly: true });
  checkText(value.deny, `${at}/deny`, f, { max: 30, plainOnly: true });
  checkChoice(value.style, `${at}/style`, f, ['primary', 'danger']);
}

function checkButton(el: Obj, at: string, f: Findings): void {
  checkText(el.text, `${at}/text`, f, { max: 75, plainOnly: true, required: true });
  checkString(el.url, `${at}/url`, f, { max: 3000 });
  checkString(el.value, `${at}/value`, f, { max: 2000 });
  checkChoice(el.style, `${at}/style`, f, ['primary', 'danger']);
  checkString(el.accessibility_label, `${at}/accessibility_label`, f, { max: 75 });
}

/** Static selects take `options` (≤ 100) or `option_groups` (≤ 100 groups of ≤ 100), not both. */
function checkStaticSelect(el: Obj, at: string, f: Findings): void {
  if ((el.options === undefined) === (el.option_groups === undefined)) {
    f.report(at, 'must provide exactly one of options or option_groups');
  }
  if (el.options !== undefined) checkOptions(el.options, `${at}/options`, f, [1, 100]);
  if (el.option_groups !== undefined) {
    for (const [i, g] of checkList(el.option_groups, `${at}/option_groups`, f, 1, 100).entries()) {
      checkText(g.label, `${at}/option_groups/${i}/label`, f, { max: 75, plainOnly: true, required: true });
      checkOptions(g.options, `${at}/option_groups/${i}/options`, f, [1, 100]);
    }
  }
  if (isObj(el.initial_option)) checkOption(el.initial_option, `${at}/initial_option`, f, {});
}

/** Image element (also a context block element): image_url (≤ 3000) or slack_file, and alt_text. */
export function checkImageElement(el: Obj, at: string, f: Findings): void {
  if (el.image_url === undefined && el.slack_file === undefined) f.report(at, say.required('image_url'));
  checkString(el.image_url, `${at}/image_url`, f, { max: 3000, nonEmpty: true });
  checkString(el.alt_text, `${at}/alt_text`, f, { max: 2000, required: true, nonEmpty: true });
}

function checkInteractive(el: Obj, at: string, f: Findings): void {
  const type = String(el.type);
  if (type === 'button') checkButton(el, at, f);
  else if (SELECTS_WITH_OPTIONS.has(type)) checkStaticSelect(el, at, f);
  else if (type === 'overflow') checkOptions(el.options, `${at}/options`, f, [2, 5], { overflow: true });
  else if (type === 'checkboxes' || type === 'radio_buttons') {
    checkOptions(el.options, `${at}/options`, f, [1, 10], { mrkdwn: true });
  } else if (type === 'workflow_button') {
    checkText(el.text, `${at}/text`, f, { max: 75, plainOnly: true, required: true });
  }
  checkText(el.placeholder, `${at}/placeholder`, f, { max: PLACEHOLDER, plainOnly: true });
  checkConfirm(el.confirm, `${at}/confirm`, f);
}

/** What a section accessory may be (section block page): no inputs, images allowed. */
export const ACCESSORY_ELEMENTS: readonly string[] = [
  'button',
  'checkboxes',
  'datepicker',
  'image',
  'overflow',
  'radio_buttons',
  'timepicker',
  'workflow_button',
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
];

/** What an actions block may hold (actions block page): interactive elements, no images. */
export const ACTIONS_ELEMENTS: readonly string[] = [
  ...ACCESSORY_ELEMENTS.filter((t) => t !== 'image'),
  'datetimepicker',
  'rich_text_input',
];

/**
 * One block element at `at`, which must be one of `allowed`. Interactive elements' action_ids are
 * 1..255 characters and, as each element page says, unique among the action_ids of their block.
 */
export function checkElement(el: Obj, at: string, scope: BlockScope, allowed: readonly string[]): void {
  const type = el.type;
  if (typeof type !== 'string' || !allowed.includes(type)) {
    scope.report(at, say.anyOf);
    scope.report(`${at}/type`, `unsupported element type ${JSON.stringify(type)} here`);
    return;
  }
  if (type === 'image') {
    checkImageElement(el, at, scope);
    return;
  }
  checkId(el.action_id, `${at}/action_id`, scope, scope.actionIds, 'is already an action_id in this block');
  checkInteractive(el, at, scope);
}
