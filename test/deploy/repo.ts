import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** The repository root (two levels above this file). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function repoPath(...parts: string[]): string {
  return join(ROOT, ...parts);
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function exists(path: string): boolean {
  return existsSync(path);
}

/**
 * Every YAML document of a file, as plain data. A syntax error or warning throws with the file
 * name. `<<` merge keys are honoured (docker compose uses them).
 */
export function readYamlDocs(path: string): unknown[] {
  const docs = parseAllDocuments(readText(path), { merge: true, prettyErrors: true });
  if (!Array.isArray(docs)) return [];
  const problems = docs.flatMap((doc) => [...doc.errors, ...doc.warnings]);
  if (problems.length > 0) throw new Error(`${path}: ${problems.map((p) => p.message).join('; ')}`);
  return docs.map((doc) => doc.toJS()).filter((doc) => doc !== null && doc !== undefined);
}

export function readYaml(path: string): unknown {
  const docs = readYamlDocs(path);
  if (docs.length !== 1) throw new Error(`${path}: expected one YAML document, found ${docs.length}`);
  return docs[0];
}

/** A `KEY=value` file (.env, kustomize `envs`): its values, and the keys a `# optional: A, B, …` comment names. */
export interface EnvFile {
  values: Record<string, string>;
  optional: Set<string>;
}

const OPTIONAL_COMMENT = /^#\s*optional:\s*(.*)$/;

/** `A, B, then words` → [A, B]: the leading comma-separated upper-case names. */
function leadingKeys(list: string): string[] {
  const keys: string[] = [];
  for (const part of list.split(',')) {
    const key = part.trim();
    if (!/^[A-Z][A-Z0-9_]*$/.test(key)) break;
    keys.push(key);
  }
  return keys;
}

export function parseEnvText(text: string): EnvFile {
  const values: Record<string, string> = {};
  const optional = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const named = OPTIONAL_COMMENT.exec(line);
    if (named) {
      for (const key of leadingKeys(named[1]!)) optional.add(key);
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`not KEY=value: ${line}`);
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { values, optional };
}

export function readEnvFile(path: string): EnvFile {
  return parseEnvText(readText(path));
}

/** The `# optional: …` keys named in the comments of any text file (YAML templates included). */
export function optionalKeysIn(text: string): Set<string> {
  const lines = text.split('\n').filter((line) => OPTIONAL_COMMENT.test(line.trim()));
  return parseEnvText(lines.join('\n')).optional;
}

/** package.json's version: the image tag every deployment file must use. */
export function packageVersion(): string {
  return (JSON.parse(readText(repoPath('package.json'))) as { version: string }).version;
}
