import { UsageError } from '../errors.js';
import { toParseJson } from '../query/json.js';
import { parseQuery } from '../query/parse.js';
import { isTimeZone } from '../time/zone.js';
import type { PARSE_FLAGS } from './commands.js';
import type { ReadArgs } from './flags.js';

/** `backup-jobs parse "<text>" [--now ISO] [--tz Zone]`: the Query as JSON; exit 2 when not understood. */
export async function runParse({ flags, positionals }: ReadArgs<typeof PARSE_FLAGS>): Promise<number> {
  const now = flags.now ?? new Date();
  const timeZone = flags.tz ?? process.env.DEFAULT_TIMEZONE ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    throw new UsageError(
      `DEFAULT_TIMEZONE "${timeZone}" is not a time zone.`,
      'Give an IANA zone like Europe/Berlin or UTC, in DEFAULT_TIMEZONE or with --tz.',
    );
  }
  const result = parseQuery(positionals.join(' '), { now, timeZone });
  process.stdout.write(`${JSON.stringify(result.ok ? toParseJson(result.query) : result.error, null, 2)}\n`);
  return result.ok ? 0 : 2;
}
