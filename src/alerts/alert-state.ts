import type { WindowCount } from './types.js';

/** A count as kept in the alert state and shown in the message (calls are not kept). */
export type CountSnapshot = Omit<WindowCount, 'calls'>;

/** One firing period of a rule, from fire to resolve. */
export interface Incident {
  /** Stable id derived from the tick that fired it (base-36 epoch ms): the same on every worker. */
  id: string;
  since: number;
  count: CountSnapshot;
  peak: number;
  /** When people were last told (fire or renotify), epoch ms. */
  notifiedAt: number;
  /** Slack ts of the alert message; undefined until the post is known to have happened. */
  ts?: string;
  ack?: { by: string; at: number };
  resolvedAt?: number;
}

/** Everything a rule remembers between ticks. Times are epoch ms. */
export interface AlertState {
  status: 'OK' | 'FIRING';
  /** The firing incident, or the last resolved one (kept to render its message). */
  incident?: Incident;
  mute?: { until: number; by: string };
  /** The last count was incomplete or failed: shown as UNKNOWN, never a reason to resolve. */
  unknown?: { since: number; reason: string };
  /** The last Slack delivery failed for good (channel gone, bot removed, token revoked). */
  error?: { reason: string; at: number };
  lastEvaluatedAt?: number;
  lastTotal?: number;
  /** Bumped on every transition that owes Slack a call. */
  seq: number;
}

export const INITIAL_STATE: AlertState = { status: 'OK', seq: 0 };

export function snapshot(count: WindowCount): CountSnapshot {
  const { calls: _calls, ...rest } = count;
  return rest;
}
