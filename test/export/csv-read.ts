import { readFileSync } from 'node:fs';
import type { JobKind } from '../../src/domain/index.js';

/** Reads RFC 4180 text back into rows of cells, as a spreadsheet would (quotes, doubled quotes, CRLF). */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A header and one row, as a map from column name to cell. */
export function cellsByName(text: string): Map<string, string> {
  const [header, row] = readCsv(text);
  if (!header || !row || header.length !== row.length) throw new Error('not a header and a row of its width');
  return new Map(header.map((name, i) => [name, row[i]!]));
}

/** The columns docs/csv.md documents for a kind, in order: the table under that kind's heading. */
export function documentedColumns(kind: JobKind): string[] {
  const doc = readFileSync(new URL('../../docs/csv.md', import.meta.url), 'utf8');
  const title = `## ${kind.charAt(0).toUpperCase()}${kind.slice(1)} jobs`;
  const start = doc.indexOf(`\n${title}\n`);
  if (start < 0) return [];
  const end = doc.indexOf('\n## ', start + title.length + 1);
  const part = doc.slice(start, end < 0 ? undefined : end);
  return [...part.matchAll(/^\| (\w+) \|/gm)].map((m) => m[1]!).filter((n) => n !== 'Column');
}
