import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SuiteSecrets } from './suite.js';

export interface LogScan {
  files: number;
  lines: number;
  /** Lines at pino's debug level (20) or below: proof that the logs were as verbose as they get. */
  debugLines: number;
  /** `file: secret name (form)` for every secret found. */
  leaks: string[];
}

/** Each secret as it could appear: as is, URL-encoded, and 16 characters of its middle and its end (cut-off copies). */
function forms(secrets: SuiteSecrets): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(secrets)) {
    if (name === 'awsAccessKeyId') continue; // an id, not a secret: it is in every request's credential scope
    out.push([`${name}`, value]);
    if (encodeURIComponent(value) !== value) out.push([`${name} (URL-encoded)`, encodeURIComponent(value)]);
    const middle = Math.floor(value.length / 2) - 8;
    out.push([`${name} (16 characters of its middle)`, value.slice(middle, middle + 16)]);
    out.push([`${name} (last 16 characters)`, value.slice(-16)]);
  }
  return out;
}

/** Reads every log file of the run and looks for every secret in it. */
export async function scanLogs(dir: string, secrets: SuiteSecrets): Promise<LogScan> {
  const scan: LogScan = { files: 0, lines: 0, debugLines: 0, leaks: [] };
  const needles = forms(secrets);
  for (const name of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, name), 'utf8');
    scan.files += 1;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      scan.lines += 1;
      if (/^\{"level":(10|20),/.test(line)) scan.debugLines += 1;
    }
    for (const [what, needle] of needles) if (text.includes(needle)) scan.leaks.push(`${name}: ${what}`);
  }
  return scan;
}
