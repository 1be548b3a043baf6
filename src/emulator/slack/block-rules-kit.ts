/**
 * The pieces every Block Kit rule of the stand-in uses: how a broken rule is reported (Slack's
 * sentences with a json-pointer, as `invalid_blocks` answers carry them) and checks of strings, lists
 * and text objects. Limits come from Slack's Block Kit reference (https://docs.slack.dev/reference/
 * block-kit), never from the product: the stand-in must be able to disagree with it.
 */

export type Obj = Record<string, unknown>;

/** Where the rules report what they find; `pointer` is a json-pointer like `/blocks/0/text/text`. */
export interface Findings {
  report(pointer: string, message: string): void;
}

/** What an element check needs besides the element: the action_ids already used in its block. */
export interface BlockScope extends Findings {
  actionIds: Set<string>;
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Slack's sentences, as its `errors` array words them. */
export const say = {
  tooLong: (max: number) => `must be less than ${max + 1} characters`,
  empty: 'must be more than 0 characters',
  tooMany: (max: number) => `no more than ${max} items allowed`,
  tooFew: (min: number) => `must provide at least ${min} items`,
  object: 'must provide an object',
  string: 'must provide a string',
  array: 'must provide an array',
  required: (field: string) => `missing required field: ${field}`,
  oneOf: (values: readonly string[]) => `must be one of ${values.join(', ')}`,
  anyOf: 'failed to match all allowed schemas',
};

/** Reports a missing field where Slack does: at the object holding it. */
function reportMissing(at: string, f: Findings): void {
  const cut = at.lastIndexOf('/');
  f.report(at.slice(0, cut), say.required(at.slice(cut + 1)));
}

/** A string of at most `max` characters (and at least one when `nonEmpty`); returns it when it is one. */
export function checkString(
  value: unknown,
  at: string,
  f: Findings,
  limits: { max: number; nonEmpty?: boolean; required?: boolean },
): string | undefined {
  if (value === undefined) {
    if (limits.required) reportMissing(at, f);
    return undefined;
  }
  if (typeof value !== 'string') {
    f.report(at, say.string);
    return undefined;
  }
  if (limits.nonEmpty && value.length === 0) f.report(at, say.empty);
  if (value.length > limits.max) f.report(at, say.tooLong(limits.max));
  return value;
}

/** A list of min..max items; returns its objects (non-objects are reported). */
export function checkList(value: unknown, at: string, f: Findings, min: number, max: number): Obj[] {
  if (!Array.isArray(value)) {
    f.report(at, say.array);
    return [];
  }
  if (value.length < min) f.report(at, say.tooFew(min));
  if (value.length > max) f.report(at, say.tooMany(max));
  const items: Obj[] = [];
  for (const [i, item] of value.entries()) {
    if (isObj(item)) items.push(item);
    else f.report(`${at}/${i}`, say.object);
  }
  return items;
}

/** A field that must hold one of a few words. */
export function checkChoice(value: unknown, at: string, f: Findings, values: readonly string[]): void {
  if (value !== undefined && !(typeof value === 'string' && values.includes(value))) {
    f.report(at, say.oneOf(values));
  }
}

/**
 * A text object (https://docs.slack.dev/reference/block-kit/composition-objects/text-object): `type`
 * plain_text or mrkdwn, `text` of 1 to `max` characters (3000 unless the field says less). Where a
 * field takes either type, Slack first says the object failed its schemas, then why.
 */
export function checkText(
  value: unknown,
  at: string,
  f: Findings,
  rule: { max: number; plainOnly?: boolean; required?: boolean },
): void {
  if (value === undefined) {
    if (rule.required) reportMissing(at, f);
    return;
  }
  const kinds = rule.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  const inner: string[] = [];
  const local: Findings = { report: (pointer, message) => inner.push(`${pointer}\u0000${message}`) };
  if (!isObj(value)) local.report(at, say.object);
  else {
    checkChoice(value.type, `${at}/type`, local, kinds);
    checkString(value.text, `${at}/text`, local, { nonEmpty: true, max: rule.max, required: true });
  }
  if (inner.length > 0 && !rule.plainOnly) f.report(at, say.anyOf);
  for (const line of inner) {
    const [pointer = at, message = ''] = line.split('\u0000');
    f.report(pointer, message);
  }
}

/** A block_id or action_id: 1..255 characters, unique within `seen`. */
export function checkId(value: unknown, at: string, f: Findings, seen: Set<string>, unique: string): void {
  const id = checkString(value, at, f, { nonEmpty: true, max: 255 });
  if (id === undefined) return;
  if (seen.has(id)) f.report(at, `${JSON.stringify(id)} ${unique}`);
  seen.add(id);
}
