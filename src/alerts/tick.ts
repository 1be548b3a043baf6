import { describeError } from '../errors.js';
import { type DeliveryDeps, drainEffects } from './deliver.js';
import { type Decision, decide, type Transition } from './evaluate.js';
import { effectsFor } from './render.js';
import { type AlertRule, type CountRule, isStaleRule, ruleKind } from './rules.js';
import type { CountJobs, CountScope, CountStale, WindowCount } from './types.js';

export interface TickDeps extends DeliveryDeps {
  /** Shared by all rules of this worker (see memoizeCount). */
  count: CountJobs;
  /** Counts stale rules; without it they are UNKNOWN, and say why. */
  stale?: CountStale | undefined;
}

/** Why a stale rule cannot be evaluated by a worker given no coverage. */
export const NO_COVERAGE = 'stale rules need coverage, and this worker runs without it';

export interface TickOutcome {
  transition: Transition;
  /** Why the tick decided nothing: another worker is mid-call, or a later tick already ran. */
  skipped?: 'busy' | 'stale';
  total?: number;
}

/** The scope a rule counts in. */
export function ruleScope(rule: CountRule): CountScope {
  return {
    jobKind: ruleKind(rule),
    states: rule.states,
    accounts: rule.accounts,
    resourceTypes: rule.resourceTypes,
    vaults: rule.vaults,
    regions: rule.regions,
  };
}

/**
 * One evaluation of a rule at `tickAt` (the tick's scheduled time, the same on every worker):
 * finish what earlier ticks still owe Slack, count, decide, commit the transition with the calls it
 * owes, then make them. Throws SlackDeliveryError when Slack refuses a call.
 */
export async function runTick(deps: TickDeps, rule: AlertRule, tickAt: number): Promise<TickOutcome> {
  const log = deps.logger.child({ rule: rule.name, tick: tickAt });
  if ((await drainEffects(deps, rule)) === 'busy') return { transition: 'none', skipped: 'busy' };
  let count: WindowCount | 'unknown' = 'unknown';
  let failure: string | undefined;
  try {
    if (!isStaleRule(rule)) {
      const window = { start: new Date(tickAt - rule.window), end: new Date(tickAt) };
      count = await deps.count(ruleScope(rule), window);
    } else if (deps.stale) count = await deps.stale(rule, new Date(tickAt));
    else failure = NO_COVERAGE;
  } catch (err) {
    failure = describeError(err);
    log.warn({ err }, isStaleRule(rule) ? 'counting stale resources failed' : 'counting jobs failed');
  }
  let decision: Decision | undefined;
  await deps.store.update(rule.name, (doc) => {
    decision = undefined;
    if (doc.effects.length > 0) return null;
    if ((doc.state.lastEvaluatedAt ?? Number.NEGATIVE_INFINITY) >= tickAt) return null;
    decision = decide(doc.state, count, rule, tickAt, failure);
    const incident = decision.next.incident;
    const effects = incident ? effectsFor(decision.transition, incident.id, decision.next.seq) : [];
    return { state: decision.next, effects };
  });
  const decided = decision as Decision | undefined;
  if (!decided) return { transition: 'none', skipped: 'stale' };
  const total = count === 'unknown' ? undefined : count.total;
  if (decided.transition !== 'none') {
    log.info(
      { transition: decided.transition, total, incident: decided.next.incident?.id },
      'alert transition',
    );
    await drainEffects(deps, rule);
  }
  return { transition: decided.transition, ...(total !== undefined ? { total } : {}) };
}
