import {
  ACCESSORY_ELEMENTS,
  ACTIONS_ELEMENTS,
  checkElement,
  checkImageElement,
} from './block-rules-elements.js';
import {
  type BlockScope,
  checkList,
  checkString,
  checkText,
  isObj,
  type Obj,
  say,
} from './block-rules-kit.js';

/**
 * The layout blocks of Slack's reference (https://docs.slack.dev/reference/block-kit/blocks/…):
 * section, header, context, actions, divider, image, markdown and input.
 */

/** Section: `text` (≤ 3000) or `fields` (1..10 of ≤ 2000), and an optional accessory. */
export function checkSection(block: Obj, at: string, scope: BlockScope): void {
  if (block.text === undefined && block.fields === undefined) scope.report(at, say.required('text'));
  checkText(block.text, `${at}/text`, scope, { max: 3000 });
  if (block.fields !== undefined) {
    for (const [i, field] of checkList(block.fields, `${at}/fields`, scope, 1, 10).entries()) {
      checkText(field, `${at}/fields/${i}`, scope, { max: 2000 });
    }
  }
  if (block.accessory === undefined) return;
  if (!isObj(block.accessory)) scope.report(`${at}/accessory`, say.object);
  else checkElement(block.accessory, `${at}/accessory`, scope, ACCESSORY_ELEMENTS);
}

/** Header: a plain_text `text` of at most 150 characters. */
export function checkHeader(block: Obj, at: string, scope: BlockScope): void {
  checkText(block.text, `${at}/text`, scope, { max: 150, plainOnly: true, required: true });
}

/** Context: 1..10 elements, each an image element or a text object. */
export function checkContext(block: Obj, at: string, scope: BlockScope): void {
  for (const [i, el] of checkList(block.elements, `${at}/elements`, scope, 1, 10).entries()) {
    const where = `${at}/elements/${i}`;
    if (el.type === 'image') checkImageElement(el, where, scope);
    else checkText(el, where, scope, { max: 3000 });
  }
}

/** Actions: 1..25 interactive elements. */
export function checkActions(block: Obj, at: string, scope: BlockScope): void {
  for (const [i, el] of checkList(block.elements, `${at}/elements`, scope, 1, 25).entries()) {
    checkElement(el, `${at}/elements/${i}`, scope, ACTIONS_ELEMENTS);
  }
}

/** Image block: image_url (≤ 3000) or slack_file, alt_text ≤ 2000, an optional plain_text title ≤ 2000. */
export function checkImageBlock(block: Obj, at: string, scope: BlockScope): void {
  checkImageElement(block, at, scope);
  checkText(block.title, `${at}/title`, scope, { max: 2000, plainOnly: true });
}

/** Markdown block: standard markdown `text`; the block page gives 12,000 characters. */
export function checkMarkdown(block: Obj, at: string, scope: BlockScope): void {
  checkString(block.text, `${at}/text`, scope, { max: 12_000, nonEmpty: true, required: true });
}

const INPUT_ELEMENTS = [
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'file_input',
  'number_input',
  'plain_text_input',
  'radio_buttons',
  'rich_text_input',
  'timepicker',
  'url_text_input',
  ...ACCESSORY_ELEMENTS.filter((t) => t.endsWith('select')),
];

/** Input: a plain_text label ≤ 2000, one input element, an optional plain_text hint ≤ 2000. */
export function checkInput(block: Obj, at: string, scope: BlockScope): void {
  checkText(block.label, `${at}/label`, scope, { max: 2000, plainOnly: true, required: true });
  checkText(block.hint, `${at}/hint`, scope, { max: 2000, plainOnly: true });
  if (!isObj(block.element)) scope.report(at, say.required('element'));
  else checkElement(block.element, `${at}/element`, scope, INPUT_ELEMENTS);
}
