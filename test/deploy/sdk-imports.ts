import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readText } from './repo.js';

export const SDK = '@aws-sdk/client-backup';

const STATIC_IMPORT = /\b(?:import|export)\s+(type\s+)?([^;'"]*?)\s+from\s+['"]@aws-sdk\/client-backup['"]/g;
const OTHER_USE = /\b(?:import|require)\s*\(\s*['"]@aws-sdk\/client-backup['"]/;

/**
 * The AWS Backup operations a source text can send: `XCommand` and `paginateX` imported as values
 * from the SDK. An import the scan cannot follow (namespace, default, dynamic, the aggregated
 * `Backup` client whose methods reach every operation) throws, so it cannot slip past the policy check.
 */
export function operationsIn(source: string, file = 'source'): string[] {
  const operations: string[] = [];
  if (OTHER_USE.test(source)) throw new Error(`${file}: dynamic import or require of ${SDK}`);
  for (const match of source.matchAll(STATIC_IMPORT)) {
    if (match[1]) continue;
    const clause = match[2]!.trim();
    const named = /^\{([^}]*)\}$/.exec(clause);
    if (!named) throw new Error(`${file}: import ${clause} from ${SDK} cannot be followed; import names`);
    for (const raw of named[1]!.split(',')) {
      const spec = raw.trim();
      if (spec === '' || spec.startsWith('type ')) continue;
      const name = spec.split(/\s+as\s+/)[0]!.trim();
      if (name === 'Backup') throw new Error(`${file}: the aggregated Backup client reaches every operation`);
      const operation = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
      if (operation) operations.push(operation);
    }
  }
  return operations;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Scans the production sources (`src/**` outside `src/emulator/`): operation → files that send it. */
export function productionOperations(root: string): {
  operations: Map<string, string[]>;
  importers: string[];
} {
  const operations = new Map<string, string[]>();
  const importers: string[] = [];
  const emulator = join(root, 'src', 'emulator');
  for (const file of tsFiles(join(root, 'src'))) {
    if (file.startsWith(`${emulator}/`)) continue;
    const source = readText(file);
    const name = relative(root, file);
    if (source.includes(SDK)) importers.push(name);
    for (const op of operationsIn(source, name)) operations.set(op, [...(operations.get(op) ?? []), name]);
  }
  return { operations, importers };
}
