import { type AlertMessageView, alertMessage } from '../blocks/alert-message.js';
import { renotifyReply, resolvedReply } from '../blocks/alert-replies.js';
import type { SlackMessage } from '../blocks/limits.js';
import type { Incident } from './alert-state.js';
import type { Transition } from './evaluate.js';
import { staleQueryText } from './list-query.js';
import type { PosterMessage } from './poster.js';
import { type AlertRule, isStaleRule, ruleKind } from './rules.js';
import type { Effect, StoredAlert } from './state.js';

/** What a message says a rule counted: its kind and states, and for a stale rule whether copies. */
function counted(rule: AlertRule) {
  return {
    kind: ruleKind(rule),
    states: rule.states,
    ...(isStaleRule(rule) ? { copies: rule.copies } : {}),
  };
}

/** The view of an incident's main message, from the rule and the stored state. */
export function messageView(rule: AlertRule, doc: StoredAlert, incident: Incident): AlertMessageView {
  return {
    rule: {
      name: rule.name,
      ...counted(rule),
      threshold: rule.threshold,
      window: rule.window,
      mention: rule.mention,
    },
    ...(isStaleRule(rule) ? { staleQuery: staleQueryText(rule) } : {}),
    incidentId: incident.id,
    since: incident.since,
    resolvedAt: incident.resolvedAt,
    peak: incident.peak,
    count: incident.count,
    ack: incident.ack,
    mute: incident.resolvedAt === undefined ? doc.state.mute : undefined,
  };
}

/** The block_id that marks a message with its effect key, so a lost post can be found in history. */
export function keyBlockId(key: string): string {
  return `bj_k:${key}`;
}

/** Marks the message's last block with the key (besides the message metadata the poster sets). */
function marked(message: SlackMessage, key: string): PosterMessage {
  const blocks = [...(message.blocks ?? [])];
  const last = blocks.at(-1);
  if (last) blocks[blocks.length - 1] = { ...last, block_id: keyBlockId(key) };
  return { ...message, blocks, key };
}

/** The message an effect sends, rendered from the state at the time it is sent. */
export function effectMessage(
  rule: AlertRule,
  doc: StoredAlert,
  incident: Incident,
  effect: Effect,
): PosterMessage {
  const key = `${rule.name}.${effect.id}`;
  if (effect.op !== 'post-reply') return marked(alertMessage(messageView(rule, doc, incident)), key);
  if (effect.reply === 'resolved') {
    const end = incident.resolvedAt ?? incident.since;
    const reply = resolvedReply({
      firedMs: end - incident.since,
      total: incident.count.total,
      threshold: rule.threshold,
      rule: { ...counted(rule), window: rule.window },
    });
    return marked(reply, key);
  }
  const firingMs = (doc.state.lastEvaluatedAt ?? incident.since) - incident.since;
  const reply = renotifyReply({
    ...counted(rule),
    total: incident.count.total,
    firingMs,
    mention: rule.mention,
  });
  return marked(reply, key);
}

/** The Slack calls a transition owes, in the order they are made. */
export function effectsFor(transition: Transition, incidentId: string, seq: number): Effect[] {
  const id = (step: number) => `${incidentId}.${seq}.${step}`;
  switch (transition) {
    case 'fire':
      return [{ id: id(0), op: 'post-main', incidentId }];
    case 'update':
      return [{ id: id(0), op: 'update-main', incidentId }];
    case 'renotify':
      return [
        { id: id(0), op: 'update-main', incidentId },
        { id: id(1), op: 'post-reply', reply: 'renotify', incidentId },
      ];
    case 'resolve':
      return [
        { id: id(0), op: 'update-main', incidentId },
        { id: id(1), op: 'post-reply', reply: 'resolved', incidentId },
      ];
    case 'none':
      return [];
  }
}
