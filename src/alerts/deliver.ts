import type { Logger } from '../logger.js';
import type { Incident } from './alert-state.js';
import type { AlertPoster } from './poster.js';
import { effectMessage } from './render.js';
import type { AlertRule } from './rules.js';
import { classifySlackError, SlackDeliveryError, type SlackFailure } from './slack-errors.js';
import type { AlertStore, Effect, StoredAlert } from './state.js';

export interface DeliveryDeps {
  store: AlertStore;
  poster: AlertPoster;
  /** This worker's id, recorded on the calls it makes. */
  owner: string;
  /** How long a claimed call may take before others treat its outcome as unknown; above the Slack timeout. */
  leaseMs: number;
  clock: () => number;
  logger: Logger;
}

/** Effects that Slack calls depend on: once a main post failed for good, the rest cannot be made. */
function dropIncidentEffects(doc: StoredAlert, incidentId: string): Effect[] {
  return doc.effects.filter((e) => e.incidentId !== incidentId);
}

function deliverable(doc: StoredAlert, effect: Effect): Incident | undefined {
  const incident = doc.state.incident;
  if (!incident || incident.id !== effect.incidentId) return undefined;
  if (effect.op !== 'post-main' && incident.ts === undefined) return undefined;
  return incident;
}

async function perform(
  deps: DeliveryDeps,
  rule: AlertRule,
  doc: StoredAlert,
  incident: Incident,
  effect: Effect,
) {
  const message = effectMessage(rule, doc, incident, effect);
  if (effect.op === 'update-main') {
    await deps.poster.update(rule.channel, incident.ts!, message);
    return undefined;
  }
  const thread = effect.op === 'post-reply' ? incident.ts : undefined;
  if (effect.uncertainSince !== undefined) {
    const found = deps.poster.find
      ? await deps.poster.find(rule.channel, message.key!, effect.uncertainSince, thread)
      : null;
    const log = deps.logger.child({ rule: rule.name, effect: effect.id });
    if (found) {
      log.info({ ts: found }, 'interrupted post found in Slack');
      return found;
    }
    // A reply that may be in Slack already is not sent twice: the main message shows the same news.
    if (found === null && effect.op === 'post-reply') {
      log.warn('interrupted reply skipped: Slack history cannot be checked');
      return undefined;
    }
    // A main post with unknown outcome and no history to check is sent again: better twice than never.
  }
  return deps.poster.post(rule.channel, message, thread);
}

function afterFailure(doc: StoredAlert, effect: Effect, failure: SlackFailure, now: number): StoredAlert {
  const index = doc.effects.findIndex((e) => e.id === effect.id);
  if (index < 0) return doc;
  if (failure.kind === 'permanent') {
    const gone =
      effect.op === 'update-main' &&
      /message_not_found|cant_update_message|edit_window_closed/.test(failure.reason);
    if (gone) return { ...doc, effects: doc.effects.filter((e) => e.id !== effect.id) };
    return {
      state: { ...doc.state, error: { reason: failure.reason, at: now } },
      effects: dropIncidentEffects(doc, effect.incidentId),
    };
  }
  const { inflight, ...rest } = doc.effects[index]!;
  const uncertain = failure.kind === 'transient' && failure.uncertain;
  const since = Math.min(rest.uncertainSince ?? Number.POSITIVE_INFINITY, inflight?.since ?? now);
  const released: Effect = uncertain ? { ...rest, uncertainSince: since } : rest;
  return { ...doc, effects: doc.effects.map((e, i) => (i === index ? released : e)) };
}

function afterSuccess(doc: StoredAlert, effect: Effect, ts: string | undefined): StoredAlert {
  const effects = doc.effects.filter((e) => e.id !== effect.id);
  const { error: _error, ...state } = doc.state;
  const incident = state.incident;
  if (effect.op === 'post-main' && ts && incident?.id === effect.incidentId) {
    return { state: { ...state, incident: { ...incident, ts } }, effects };
  }
  return { state, effects };
}

/**
 * Makes the Slack calls the rule's committed transitions owe, one at a time, each claimed in Redis
 * before the call and removed after it: across workers and restarts every call is made once.
 * Resolves 'busy' when another worker holds a call; throws SlackDeliveryError when Slack refuses.
 */
export async function drainEffects(deps: DeliveryDeps, rule: AlertRule): Promise<'done' | 'busy'> {
  for (;;) {
    const { version, doc } = await deps.store.read(rule.name);
    const first = doc.effects[0];
    if (!first) return 'done';
    const now = deps.clock();
    if (first.inflight && first.inflight.until > now) return 'busy';
    const incident = deliverable(doc, first);
    if (!incident) {
      await deps.store.write(rule.name, version, { ...doc, effects: doc.effects.slice(1) });
      continue;
    }
    // A claim found expired means its worker died or hung mid-call: the outcome is unknown.
    const uncertainSince = first.inflight
      ? Math.min(first.inflight.since, first.uncertainSince ?? now)
      : first.uncertainSince;
    const claimed: Effect = {
      ...first,
      ...(uncertainSince !== undefined ? { uncertainSince } : {}),
      inflight: { owner: deps.owner, since: now, until: now + deps.leaseMs },
    };
    const claimedDoc = { ...doc, effects: [claimed, ...doc.effects.slice(1)] };
    if (!(await deps.store.write(rule.name, version, claimedDoc))) continue;
    let ts: string | undefined;
    try {
      ts = await perform(deps, rule, claimedDoc, incident, claimed);
    } catch (err) {
      const failure = classifySlackError(err);
      await deps.store.update(rule.name, (d) => afterFailure(d, claimed, failure, deps.clock()));
      throw err instanceof SlackDeliveryError ? err : new SlackDeliveryError(failure, err);
    }
    await deps.store.update(rule.name, (d) => afterSuccess(d, claimed, ts));
  }
}
