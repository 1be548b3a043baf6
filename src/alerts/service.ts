import type { Redis } from 'ioredis';
import { alertMessage } from '../blocks/alert-message.js';
import { type AlertControlChange, controlReply } from '../blocks/alert-replies.js';
import { UsageError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ListQuery } from '../query/types.js';
import { formatDuration } from '../time/duration.js';
import type { AlertState } from './alert-state.js';
import { ruleToListQuery, staleQueryText } from './list-query.js';
import type { AlertPoster } from './poster.js';
import { messageView } from './render.js';
import type { RuleSource } from './rule-source.js';
import type { RuleEntry } from './rule-store.js';
import { type AlertRule, isStaleRule } from './rules.js';
import { createAlertStore, type StoredAlert } from './state.js';
import { type RuleStatus, ruleStatus } from './status.js';
import { sampleCount } from './test-sample.js';

export interface AlertServiceOptions {
  redis: Redis;
  /** The REDIS_PREFIX, e.g. `{bjb}`; state lives under `${prefix}:alert:${rule}`. */
  prefix: string;
  /** Every rule, file and Slack, as it is now (started and stopped by the caller). */
  rules: RuleSource;
  poster: AlertPoster;
  /** @defaultValue Date.now */
  now?: () => number;
  logger?: Logger;
  /**
   * The longest mute this deployment allows (`config.alerts.maxMuteMs`): a rule muted and
   * forgotten protects nobody, so a longer one is refused with the maximum named.
   */
  maxMuteMs: number;
}

/** What the Slack listeners (buttons and `/backup-jobs alerts …`) call. Errors are CodedErrors. */
export interface AlertService {
  /** Every rule as it is now, paused ones included. */
  rules(): readonly AlertRule[];
  /** Every rule with where it is kept, its version and whether it is paused. */
  entries(): readonly RuleEntry[];
  /** The rule by name; a UsageError that says how to list the rules when there is none. */
  rule(name: string): AlertRule;
  /** Every rule (read afresh) with its state: OK, FIRING since, MUTED until, UNKNOWN or ERROR and why. */
  listStatuses(): Promise<RuleStatus[]>;
  /** Records who acknowledged the incident (stops renotify) and shows it on the alert message. */
  acknowledge(rule: string, incidentId: string, userId: string): Promise<RuleStatus>;
  /** Nothing new is posted for the rule until `untilMs`; its state is still tracked. */
  mute(rule: string, untilMs: number, userId: string): Promise<RuleStatus>;
  unmute(rule: string, userId: string): Promise<RuleStatus>;
  /** Posts a clearly marked sample alert to the rule's channel; resolves to its ts. */
  sendTest(rule: string): Promise<string>;
  /** The list query for the Show jobs button; a stale rule lists resources, not jobs (UsageError). */
  ruleToListQuery(rule: string, now: Date): ListQuery;
}

/** The refusal of a mute beyond the maximum: it names the maximum and how to stay within it. */
function tooLong(forMs: number, maxMs: number): UsageError {
  const longest = formatDuration(maxMs, 'words');
  return new UsageError(
    `A mute can last ${longest} at most, and ${formatDuration(forMs, 'words')} is longer.`,
    `Mute for ${longest} or less, and mute again then if you still need to.`,
  );
}

export function createAlertService(options: AlertServiceOptions): AlertService {
  const store = createAlertStore(options.redis, options.prefix);
  const now = options.now ?? Date.now;
  function find(name: string): AlertRule {
    const rule = options.rules.find(name)?.rule;
    if (!rule)
      throw new UsageError(
        `There is no alert rule named "${name}".`,
        'Run /backup-jobs alerts to list the rules.',
      );
    return rule;
  }
  /** Re-renders the alert message after a person changed its state; the change is kept even if Slack fails. */
  async function refresh(rule: AlertRule, doc: StoredAlert) {
    const incident = doc.state.incident;
    if (!incident?.ts) return;
    try {
      await options.poster.update(rule.channel, incident.ts, alertMessage(messageView(rule, doc, incident)));
    } catch (err) {
      options.logger?.warn({ err, rule: rule.name }, 'alert message refresh failed');
    }
  }
  /** Records a person's change in the alert's thread, so the whole channel sees who did what. */
  async function announce(rule: AlertRule, doc: StoredAlert, what: AlertControlChange) {
    const ts = doc.state.incident?.ts;
    if (!ts || doc.state.status !== 'FIRING') return;
    try {
      await options.poster.post(rule.channel, controlReply(what), ts);
    } catch (err) {
      options.logger?.warn({ err, rule: rule.name }, 'alert thread note failed');
    }
  }
  async function change(
    name: string,
    fn: (state: AlertState) => AlertState | null,
    what: AlertControlChange,
  ): Promise<RuleStatus> {
    const rule = find(name);
    let changed = false;
    const doc = await store.update(name, (d) => {
      const next = fn(d.state);
      changed = next !== null;
      return next ? { ...d, state: next } : null;
    });
    if (changed) {
      await refresh(rule, doc);
      await announce(rule, doc, what);
    }
    return ruleStatus(rule, doc.state, now());
  }
  return {
    rules: () => options.rules.current().map((e) => e.rule),
    entries: () => options.rules.current(),
    rule: find,
    async listStatuses() {
      // Fresh, not as of the last poll: the list's menus carry the versions a change is made at.
      await options.rules.refresh();
      const rules = options.rules.current().map((e) => e.rule);
      const docs = await Promise.all(rules.map((r) => store.read(r.name)));
      return rules.map((rule, i) => ruleStatus(rule, docs[i]!.doc.state, now()));
    },
    acknowledge(name, incidentId, userId) {
      return change(
        name,
        (state) => {
          const incident = state.incident;
          if (state.status !== 'FIRING' || incident?.id !== incidentId) {
            throw new UsageError(
              'This alert is no longer firing.',
              'Nothing to acknowledge: a new alert will be posted if it fires again.',
            );
          }
          if (incident.ack) return null;
          return { ...state, incident: { ...incident, ack: { by: userId, at: now() } } };
        },
        { kind: 'ack', by: userId },
      );
    },
    async mute(name, untilMs, userId) {
      const forMs = untilMs - now();
      if (!(forMs > 0))
        throw new UsageError('A mute must end in the future.', 'Give a duration like 1h or 8h.');
      if (forMs > options.maxMuteMs) throw tooLong(forMs, options.maxMuteMs);
      return change(name, (state) => ({ ...state, mute: { until: untilMs, by: userId } }), {
        kind: 'mute',
        by: userId,
        until: untilMs,
      });
    },
    unmute(name, userId) {
      return change(
        name,
        (state) => {
          if (!state.mute) return null;
          const { mute: _mute, ...rest } = state;
          return rest;
        },
        { kind: 'unmute', by: userId },
      );
    },
    async sendTest(name) {
      const rule = find(name);
      const at = now();
      const view = messageView(
        rule,
        { state: { status: 'FIRING', seq: 0 }, effects: [] },
        {
          id: 'test',
          since: at - 25 * 60_000,
          count: sampleCount(rule),
          peak: rule.threshold + 2,
          notifiedAt: at,
        },
      );
      return options.poster.post(rule.channel, alertMessage({ ...view, test: true }));
    },
    ruleToListQuery(name, at) {
      const rule = find(name);
      if (!isStaleRule(rule)) return ruleToListQuery(rule, at);
      throw new UsageError(
        `The rule ${rule.name} watches resources, not jobs.`,
        `Type /backup-jobs ${staleQueryText(rule)} to list them.`,
      );
    },
  };
}
