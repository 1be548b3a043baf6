import type { z } from 'zod';
import { CodedError } from '../errors.js';

/** The rules file is invalid: `problems` names each rule (by name and index) and field. */
export class RulesError extends CodedError {
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[]) {
    super(
      'RULES_INVALID',
      `Alert rules in ${source} are invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      {
        remedy: 'Fix the rules file (see alert-rules.example.yaml) and start the worker again.',
      },
    );
    this.problems = problems;
  }
}

type Obj = Record<string, unknown>;

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Obj)[key as string];
  }
  return current;
}

/** `rules[2] "prod-failures"` or `digests[0] (C0123OPS)`: how people find the entry in the file. */
function entryLabel(doc: unknown, list: string, index: number): string {
  const entry = at(doc, [list, index]);
  const label = list === 'rules' ? (entry as Obj | undefined)?.name : (entry as Obj | undefined)?.channel;
  if (typeof label !== 'string' || label === '') return `${list}[${index}]`;
  return list === 'rules' ? `${list}[${index}] "${label}"` : `${list}[${index}] (${label})`;
}

function fieldLabel(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function shown(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'object' && value !== null) return '';
  return ` (got ${JSON.stringify(value).slice(0, 60)})`;
}

function describe(doc: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  const [list, index, ...field] = path;
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : `expected ${issue.message}${shown(at(doc, path))}`;
  if ((list === 'rules' || list === 'digests') && typeof index === 'number') {
    const where = field.length > 0 ? ` ${fieldLabel(field)}` : '';
    return `${entryLabel(doc, list, index)}${where}: ${message}`;
  }
  const where = path.length > 0 ? fieldLabel(path) : 'the file';
  return `${where}: ${message}`;
}

function duplicateNames(doc: unknown): string[] {
  const rules = at(doc, ['rules']);
  if (!Array.isArray(rules)) return [];
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  rules.forEach((rule, index) => {
    const name = (rule as Obj | null)?.name;
    if (typeof name !== 'string') return;
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, index);
    else
      problems.push(`${entryLabel(doc, 'rules', index)} name: "${name}" is already used by rules[${first}]`);
  });
  return problems;
}

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' ? Object.keys(value) : [];
}

/**
 * Where an issue sits in the file: its list, its entry, then its field among the entry's keys as
 * written. A required field that is missing comes first; a problem of the whole entry comes last.
 */
function place(doc: unknown, path: readonly PropertyKey[]): number[] {
  const [list, index, field, ...rest] = path;
  if ((list !== 'rules' && list !== 'digests') || typeof index !== 'number') return [-1];
  const keys = keysOf(at(doc, [list, index]));
  const position = field === undefined ? keys.length : keys.indexOf(String(field));
  const within = rest.map((key) => (typeof key === 'number' ? key : 0));
  return [keysOf(doc).indexOf(list), index, position, ...within];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? -1) - (b[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Every problem in the document, in file order, duplicates included. */
export function rulesProblems(doc: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  if (doc !== null && doc !== undefined && (typeof doc !== 'object' || Array.isArray(doc))) {
    return ['the file: expected a mapping with "rules" and optional "digests"'];
  }
  // zod reports checks that span fields (a rule's kind against its states) after the field checks.
  const ordered = issues
    .map((issue) => ({ issue, at: place(doc, issue.path) }))
    .sort((a, b) => compare(a.at, b.at));
  return [...ordered.map(({ issue }) => describe(doc, issue)), ...duplicateNames(doc)];
}
