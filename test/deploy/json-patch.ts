/** RFC 6902 `add`, `replace` and `remove` over plain data, strict about paths that do not exist. */
export interface PatchOp {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

function tokens(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function child(node: unknown, token: string, pointer: string): unknown {
  if (Array.isArray(node) && /^\d+$/.test(token) && Number(token) < node.length) return node[Number(token)];
  if (node && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, token)) {
    return (node as Record<string, unknown>)[token];
  }
  throw new Error(`path ${pointer} does not exist`);
}

/** Applies the operations in order to `doc` (mutated). Throws when a path does not exist. */
export function applyJsonPatch(doc: unknown, ops: readonly PatchOp[]): void {
  for (const { op, path, value } of ops) {
    const parts = tokens(path);
    const last = parts.pop()!;
    let parent = doc;
    for (const token of parts) parent = child(parent, token, path);
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      const inRange = op === 'add' ? index <= parent.length : index < parent.length;
      if (!Number.isInteger(index) || !inRange) throw new Error(`path ${path} does not exist`);
      if (op === 'add') parent.splice(index, 0, structuredClone(value));
      else if (op === 'replace') parent[index] = structuredClone(value);
      else parent.splice(index, 1);
      continue;
    }
    if (!parent || typeof parent !== 'object') throw new Error(`path ${path} does not exist`);
    const map = parent as Record<string, unknown>;
    if (op !== 'add' && !Object.hasOwn(map, last)) throw new Error(`path ${path} does not exist`);
    if (op === 'remove') delete map[last];
    else map[last] = structuredClone(value);
  }
}
