/**
 * A JSON-schema (draft-07) subset, enough for Slack's app manifest schema. A keyword it does not
 * know throws, so a richer schema can never pass unchecked.
 */
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', 'title', 'description', '_note', 'default', 'examples', 'requires']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part.replace(/~1/g, '/')];
  if (typeof node !== 'object' || node === null) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

function checkObject(root: Schema, schema: Schema, value: Record<string, unknown>, path: string): string[] {
  const errors: string[] = [];
  const keys = Object.keys(value);
  for (const key of (schema.required as string[] | undefined) ?? []) {
    if (!(key in value)) errors.push(`${path}: missing required "${key}"`);
  }
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
    errors.push(`${path}: fewer than ${schema.minProperties} properties`);
  }
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) {
    errors.push(`${path}: more than ${schema.maxProperties} properties`);
  }
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>);
  for (const key of keys) {
    const at = `${path}.${key}`;
    let matched = false;
    if (key in properties) {
      matched = true;
      errors.push(...check(root, properties[key]!, value[key], at));
    }
    for (const [pattern, sub] of patterns) {
      if (!new RegExp(pattern).test(key)) continue;
      matched = true;
      errors.push(...check(root, sub, value[key], at));
    }
    if (matched || schema.additionalProperties === undefined || schema.additionalProperties === true)
      continue;
    if (schema.additionalProperties === false) errors.push(`${at}: not allowed here`);
    else errors.push(...check(root, schema.additionalProperties as Schema, value[key], at));
  }
  return errors;
}

function checkArray(root: Schema, schema: Schema, value: unknown[], path: string): string[] {
  const errors: string[] = [];
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
    errors.push(`${path}: fewer than ${schema.minItems} items`);
  }
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
    errors.push(`${path}: more than ${schema.maxItems} items`);
  }
  if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
    errors.push(`${path}: items are not unique`);
  }
  if (schema.items !== undefined) {
    value.forEach((item, i) => {
      errors.push(...check(root, schema.items as Schema, item, `${path}[${i}]`));
    });
  }
  return errors;
}

function checkString(schema: Schema, value: string, path: string): string[] {
  const errors: string[] = [];
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) {
    errors.push(`${path}: shorter than ${schema.minLength}`);
  }
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
    errors.push(`${path}: longer than ${schema.maxLength}`);
  }
  // Slack's schema spells one pattern "regex"; it is checked as a pattern.
  for (const pattern of [schema.pattern, schema.regex]) {
    if (typeof pattern === 'string' && !new RegExp(pattern).test(value)) {
      errors.push(`${path}: does not match ${pattern}`);
    }
  }
  if (schema.format === 'uri' && !URL.canParse(value)) errors.push(`${path}: not a URI`);
  return errors;
}

const KNOWN = new Set([
  ...ANNOTATIONS,
  ...['$ref', 'definitions', 'type', 'enum', 'anyOf', 'format', 'pattern', 'regex'],
  ...['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties'],
  ...['maxProperties', 'items', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength'],
]);

/** Validates `value` against `schema` (resolving `$ref`s within `root`); returns every problem with its path. */
export function check(root: Schema, schema: Schema, value: unknown, path = '$'): string[] {
  const unknown = Object.keys(schema).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) throw new Error(`unsupported schema keywords at ${path}: ${unknown.join(', ')}`);
  if (typeof schema.$ref === 'string') return check(root, resolve(root, schema.$ref), value, path);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t))) return [`${path}: expected ${types.join(' or ')}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    return [`${path}: not one of ${schema.enum.join(', ')}`];
  }
  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf as Schema[];
    if (!options.some((option) => check(root, option, value, path).length === 0)) {
      return [`${path}: matches none of anyOf`];
    }
  }
  const kind = typeOf(value);
  if (kind === 'object') return checkObject(root, schema, value as Record<string, unknown>, path);
  if (kind === 'array') return checkArray(root, schema, value as unknown[], path);
  if (kind === 'string') return checkString(schema, value as string, path);
  return [];
}
