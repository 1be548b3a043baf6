import { describe, expect, it } from 'vitest';
import { type AlertState, INITIAL_STATE } from '../../src/alerts/alert-state.js';
import { decide, type Transition } from '../../src/alerts/evaluate.js';
import type { WindowCount } from '../../src/alerts/types.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const MIN = 60_000;
const rule = { threshold: 3, renotify: 60 * MIN };

function count(total: number, failedRegions: WindowCount['failedRegions'] = []): WindowCount {
  return {
    total,
    byState: { FAILED: total },
    byAccount: { '111111111111': total },
    byRegion: { 'eu-west-1': total },
    byResourceType: { RDS: total },
    topReasons: [],
    topResources: [],
    failedRegions,
    calls: 1,
  };
}

type Step =
  | { at: number; count: number | 'unknown' | 'partial'; expect: Transition; status?: AlertState['status'] }
  | { at: number; ack: string }
  | { at: number; mute: number }
  | { at: number; posted: string };

/** Runs a history of ticks and people's actions; returns the transitions seen. */
function run(steps: Step[], start: AlertState = INITIAL_STATE) {
  let state = start;
  const seen: Transition[] = [];
  for (const step of steps) {
    const now = T0 + step.at * MIN;
    if ('ack' in step) state = { ...state, incident: { ...state.incident!, ack: { by: step.ack, at: now } } };
    else if ('mute' in step) state = { ...state, mute: { until: now + step.mute * MIN, by: 'U1' } };
    else if ('posted' in step) state = { ...state, incident: { ...state.incident!, ts: step.posted } };
    else {
      const c =
        step.count === 'unknown'
          ? 'unknown'
          : step.count === 'partial'
            ? count(5, [{ region: 'us-east-1', reason: 'throttled' }])
            : count(step.count);
      const decision = decide(state, c, rule, now);
      expect(decision.transition, `tick at +${step.at}m`).toBe(step.expect);
      if (step.status) expect(decision.next.status, `status at +${step.at}m`).toBe(step.status);
      seen.push(decision.transition);
      state = decision.next;
      // A post that fires is delivered at once in these histories.
      if (decision.transition === 'fire')
        state = { ...state, incident: { ...state.incident!, ts: `ts-${step.at}` } };
    }
  }
  return { state, seen };
}

describe('decide', () => {
  const table: { name: string; steps: Step[] }[] = [
    { name: 'stays quiet under the threshold', steps: [{ at: 0, count: 2, expect: 'none', status: 'OK' }] },
    { name: 'fires at the threshold', steps: [{ at: 0, count: 3, expect: 'fire', status: 'FIRING' }] },
    {
      name: 'grows: updates in place when counts change, nothing when they do not',
      steps: [
        { at: 0, count: 3, expect: 'fire' },
        { at: 5, count: 5, expect: 'update' },
        { at: 10, count: 5, expect: 'none', status: 'FIRING' },
      ],
    },
    {
      name: 'renotifies after the interval, then waits another interval',
      steps: [
        { at: 0, count: 3, expect: 'fire' },
        { at: 59, count: 3, expect: 'none' },
        { at: 60, count: 3, expect: 'renotify' },
        { at: 90, count: 3, expect: 'none' },
        { at: 120, count: 4, expect: 'renotify' },
      ],
    },
    {
      name: 'acknowledged: no renotify, still updates and resolves',
      steps: [
        { at: 0, count: 3, expect: 'fire' },
        { at: 1, ack: 'U123' },
        { at: 61, count: 3, expect: 'none' },
        { at: 65, count: 6, expect: 'update' },
        { at: 70, count: 0, expect: 'resolve', status: 'OK' },
      ],
    },
    {
      name: 'muted: a new incident is tracked but not posted until the mute ends',
      steps: [
        { at: 0, mute: 60 },
        { at: 5, count: 4, expect: 'none', status: 'FIRING' },
        { at: 30, count: 6, expect: 'none', status: 'FIRING' },
        { at: 60, count: 6, expect: 'fire', status: 'FIRING' },
      ],
    },
    {
      name: 'muted: an incident that ends during the mute is never posted',
      steps: [
        { at: 0, mute: 60 },
        { at: 5, count: 4, expect: 'none', status: 'FIRING' },
        { at: 10, count: 1, expect: 'none', status: 'OK' },
        { at: 70, count: 1, expect: 'none', status: 'OK' },
      ],
    },
    {
      name: 'muted while firing: no renotify, updates continue, mute end refreshes the message',
      steps: [
        { at: 0, count: 3, expect: 'fire' },
        { at: 1, mute: 120 },
        { at: 61, count: 3, expect: 'none' },
        { at: 62, count: 4, expect: 'update' },
        { at: 121, count: 4, expect: 'renotify' },
      ],
    },
    {
      name: 'resolves when the count falls under the threshold, and fires a new incident later',
      steps: [
        { at: 0, count: 3, expect: 'fire' },
        { at: 5, count: 2, expect: 'resolve', status: 'OK' },
        { at: 10, count: 2, expect: 'none', status: 'OK' },
        { at: 15, count: 3, expect: 'fire', status: 'FIRING' },
      ],
    },
    {
      name: 'AWS unknown: never resolves a firing alert, keeps firing state',
      steps: [
        { at: 0, count: 4, expect: 'fire' },
        { at: 5, count: 'unknown', expect: 'none', status: 'FIRING' },
        { at: 10, count: 'unknown', expect: 'none', status: 'FIRING' },
        { at: 15, count: 0, expect: 'resolve', status: 'OK' },
      ],
    },
    {
      name: 'AWS partly unknown: an incomplete count above the threshold fires, one below never resolves',
      steps: [
        { at: 0, count: 'partial', expect: 'fire', status: 'FIRING' },
        { at: 5, count: 'partial', expect: 'none', status: 'FIRING' },
        { at: 10, count: 'unknown', expect: 'none', status: 'FIRING' },
      ],
    },
  ];

  for (const { name, steps } of table) {
    it(name, () => {
      run(steps);
    });
  }

  it('records UNKNOWN since the first failed tick and clears it on a complete count', () => {
    const { state } = run([
      { at: 0, count: 'unknown', expect: 'none' },
      { at: 5, count: 'unknown', expect: 'none' },
    ]);
    expect(state.unknown).toEqual({ since: T0, reason: 'AWS Backup could not be reached' });
    const after = decide(state, count(1), rule, T0 + 10 * MIN).next;
    expect(after.unknown).toBeUndefined();
    expect(after.lastTotal).toBe(1);
  });

  it('names the failed regions as the reason of a partial count', () => {
    const next = decide(
      INITIAL_STATE,
      count(1, [{ region: 'us-east-1', reason: 'throttled' }]),
      rule,
      T0,
    ).next;
    expect(next.unknown?.reason).toBe('us-east-1: throttled');
  });

  it('gives the incident a stable id from the tick time and bumps seq once per transition', () => {
    const { state } = run([
      { at: 0, count: 3, expect: 'fire' },
      { at: 5, count: 4, expect: 'update' },
      { at: 10, count: 4, expect: 'none' },
    ]);
    expect(state.incident?.id).toBe(T0.toString(36));
    expect(state.incident?.peak).toBe(4);
    expect(state.seq).toBe(2);
  });

  it('does not resolve in Slack an incident that was never posted (channel error)', () => {
    const fired = decide(INITIAL_STATE, count(3), rule, T0).next;
    const retry = decide(fired, count(3), rule, T0 + MIN);
    expect(retry.transition).toBe('fire');
    const gone = decide(fired, count(0), rule, T0 + 2 * MIN);
    expect(gone).toMatchObject({ transition: 'none', next: { status: 'OK' } });
  });

  it('updates in place when other resources are named with the same numbers, as stale ones come and go', () => {
    const named = (...names: string[]) => ({
      ...count(3),
      topResources: names.map((name) => ({ name, count: 1 })),
    });
    const fired = decide(INITIAL_STATE, named('orders-db (3 days)', 'users-db (27 hours)'), rule, T0).next;
    const posted = { ...fired, incident: { ...fired.incident!, ts: 'ts-1' } };
    const same = decide(posted, named('orders-db (3 days)', 'users-db (27 hours)'), rule, T0 + MIN);
    expect(same.transition).toBe('none');
    const swapped = decide(posted, named('orders-db (3 days)', 'billing-db (26 hours)'), rule, T0 + MIN);
    expect(swapped.transition).toBe('update');
    expect(swapped.next.incident?.count.topResources.map((r) => r.name)).toEqual([
      'orders-db (3 days)',
      'billing-db (26 hours)',
    ]);
  });
});
