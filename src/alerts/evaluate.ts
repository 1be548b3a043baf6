import type { AlertState, CountSnapshot, Incident } from './alert-state.js';
import { snapshot } from './alert-state.js';
import type { AlertRule } from './rules.js';
import type { WindowCount } from './types.js';

export type Transition = 'fire' | 'update' | 'renotify' | 'resolve' | 'none';

export interface Decision {
  next: AlertState;
  transition: Transition;
}

type RuleLimits = Pick<AlertRule, 'threshold' | 'renotify'>;

function stable(record: Record<string, number>): string {
  return JSON.stringify(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function names(count: CountSnapshot): string {
  return JSON.stringify(count.topResources.map((r) => r.name));
}

/**
 * True when the message would show different numbers, or name other resources: a stale rule's
 * resources come and go while its counts may stay the same.
 */
export function countChanged(a: CountSnapshot, b: CountSnapshot): boolean {
  if (a.total !== b.total || names(a) !== names(b)) return true;
  const keys = ['byState', 'byAccount', 'byRegion', 'byResourceType'] as const;
  return keys.some((key) => stable(a[key]) !== stable(b[key]));
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

function unknownReason(count: WindowCount | 'unknown', fallback: string): string | undefined {
  if (count === 'unknown') return fallback;
  if (count.failedRegions.length === 0) return undefined;
  return count.failedRegions.map((f) => `${f.region}: ${f.reason}`).join('; ');
}

/**
 * The pure heart of alerting: from the previous state, this tick's count, the rule and the time,
 * what the rule's state becomes and what Slack must be told. An incomplete count (a region failed)
 * may fire or grow an alert, since it is a lower bound, but never resolves one. While muted nothing
 * new is posted (fire, renotify); a message already posted is still kept up to date and resolved.
 */
export function decide(
  prev: AlertState,
  count: WindowCount | 'unknown',
  rule: RuleLimits,
  now: number,
  failure = 'AWS Backup could not be reached',
): Decision {
  const muted = prev.mute !== undefined && prev.mute.until > now;
  const muteEnded = prev.mute !== undefined && !muted;
  let base: AlertState = { ...prev, lastEvaluatedAt: now };
  if (muteEnded) base = withoutKey(base, 'mute');
  const reason = unknownReason(count, failure);
  base = reason
    ? { ...base, unknown: { since: prev.unknown?.since ?? now, reason } }
    : withoutKey(base, 'unknown');
  const none = (next: AlertState): Decision => ({ next, transition: 'none' });
  const owe = (next: AlertState, transition: Transition): Decision => ({
    next: { ...next, seq: prev.seq + 1 },
    transition,
  });
  if (count === 'unknown') return none(base);
  base.lastTotal = count.total;
  const over = count.total >= rule.threshold;
  const incomplete = reason !== undefined;
  const current = prev.status === 'FIRING' ? prev.incident : undefined;
  if (!current) {
    if (!over) return none(base);
    const incident: Incident = {
      id: now.toString(36),
      since: now,
      count: snapshot(count),
      peak: count.total,
      notifiedAt: now,
    };
    const next: AlertState = { ...base, status: 'FIRING', incident };
    return muted ? none(next) : owe(next, 'fire');
  }
  if (!over) {
    if (incomplete) return none(base);
    const resolved: Incident = { ...current, count: snapshot(count), resolvedAt: now };
    const next: AlertState = { ...base, status: 'OK', incident: resolved };
    return current.ts === undefined ? none(next) : owe(next, 'resolve');
  }
  const grew = incomplete ? count.total > current.count.total : countChanged(current.count, count);
  const incident: Incident = {
    ...current,
    count: grew ? snapshot(count) : current.count,
    peak: Math.max(current.peak, count.total),
  };
  if (current.ts === undefined) {
    return muted
      ? none({ ...base, incident })
      : owe({ ...base, incident: { ...incident, notifiedAt: now } }, 'fire');
  }
  const renotifyDue =
    rule.renotify !== undefined && !current.ack && !muted && now - current.notifiedAt >= rule.renotify;
  if (renotifyDue) return owe({ ...base, incident: { ...incident, notifiedAt: now } }, 'renotify');
  if (grew || muteEnded) return owe({ ...base, incident }, 'update');
  return none({ ...base, incident });
}
