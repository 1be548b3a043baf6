import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { toParseJson } from '../query/json.js';
import { parseQuery } from '../query/parse.js';
import { isTimeZone } from '../time/zone.js';

export async function runParse(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { now: { type: 'string' }, tz: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) {
    throw new UsageError('parse needs the text to parse.', 'Try: backup-jobs parse "failed last 3 days"');
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) {
    throw new UsageError(
      `--now "${values.now}" is not a date.`,
      'Give an ISO-8601 time like 2026-11-23T10:00:00Z.',
    );
  }
  const timeZone = values.tz ?? process.env.DEFAULT_TIMEZONE ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    throw new UsageError(
      `--tz "${timeZone}" is not a time zone.`,
      'Give an IANA zone like Europe/Berlin or UTC.',
    );
  }
  const result = parseQuery(positionals.join(' '), { now, timeZone });
  process.stdout.write(`${JSON.stringify(result.ok ? toParseJson(result.query) : result.error, null, 2)}\n`);
  return result.ok ? 0 : 2;
}
