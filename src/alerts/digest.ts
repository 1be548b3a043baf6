import { digestMessage } from '../blocks/alert-digest.js';
import type { SlackMessage } from '../blocks/limits.js';
import { addDays, dayKey, localParts, startOfDay } from '../time/zone.js';
import type { DigestRule } from './rules.js';
import type { AlertStateName, CountJobs, WindowCount } from './types.js';

export const DIGEST_STATES: AlertStateName[] = [
  'FAILED',
  'PARTIAL',
  'ABORTED',
  'EXPIRED',
  'COMPLETED_WITH_ISSUES',
];

/** The scheduler id of a digest: one per channel, time and zone. */
export function digestId(digest: DigestRule): string {
  return `digest:${digest.channel}:${digest.at}:${digest.tz}`;
}

/** The cron pattern of a digest's local time (BullMQ applies the zone). */
export function digestPattern(digest: DigestRule): string {
  const [hour, minute] = digest.at.split(':').map(Number);
  return `0 ${minute} ${hour} * * *`;
}

/** Yesterday and the day before, as local days of the digest's zone, seen from `now`. */
export function digestDays(now: number, tz: string) {
  const today = localParts(new Date(now), tz);
  const window = (offset: number) => ({
    start: startOfDay(addDays(today, offset), tz),
    end: startOfDay(addDays(today, offset + 1), tz),
  });
  return { day: dayKey(addDays(today, -1)), yesterday: window(-1), dayBefore: window(-2) };
}

/**
 * The daily digest for `now`: yesterday's counts by state (completed with issues included), top
 * failing resources and reasons, and the change against the day before. Counting goes through the
 * same CountJobs as the rules, with one-day windows.
 */
export async function buildDigest(
  count: CountJobs,
  digest: DigestRule,
  now: number,
): Promise<SlackMessage & { day: string }> {
  const days = digestDays(now, digest.tz);
  const scope = {
    states: DIGEST_STATES,
    accounts: digest.accounts,
    resourceTypes: [],
    vaults: [],
    regions: digest.regions,
  };
  const [yesterday, dayBefore]: WindowCount[] = await Promise.all([
    count(scope, days.yesterday),
    count(scope, days.dayBefore),
  ]);
  const message = digestMessage({
    day: days.day,
    tz: digest.tz,
    states: DIGEST_STATES,
    yesterday: yesterday!,
    dayBefore: dayBefore!,
  });
  return { ...message, day: days.day };
}
