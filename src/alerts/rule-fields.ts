import type { z } from 'zod';
import type { AlertRuleKind } from '../blocks/alert-format.js';
import { durationHint } from './rule-values.js';

/**
 * What each field that depends on the rule's kind holds, as a problem names it when the field is
 * missing or of the wrong type.
 */
export const KIND_FIELD_HINTS = {
  states: 'a list of states like [FAILED, PARTIAL]',
  threshold: 'a whole number of at least 1, like 3',
  window: durationHint('1h or 24h'),
  maxAge: durationHint('26h'),
  copies: 'true or false',
} as const;

type KindField = keyof typeof KIND_FIELD_HINTS;

/**
 * The fields a rule must have and those it must not, by what it watches: jobs that ended in a
 * window, or resources whose last good backup is older than `maxAge` (threshold 1 when left out).
 */
const KIND_FIELDS: Readonly<Record<'jobs' | 'stale', { required: KindField[]; refused: KindField[] }>> = {
  jobs: { required: ['states', 'threshold', 'window'], refused: ['maxAge', 'copies'] },
  stale: { required: ['maxAge'], refused: ['states', 'window'] },
};

function refusal(kind: AlertRuleKind, field: KindField): string {
  if (kind !== 'stale') {
    return `no ${field}: ${field} is for stale rules (kind: stale); a ${kind} rule counts the jobs that ended in its window`;
  }
  return field === 'window'
    ? 'no window: a stale rule takes maxAge, not window'
    : 'no states: a stale rule counts resources whose last good backup is older than maxAge, whatever their jobs';
}

/** Adds a problem for each field the kind needs and lacks, and for each it does not take. */
export function checkKindFields(
  kind: AlertRuleKind,
  rule: Record<string, unknown>,
  ctx: z.RefinementCtx,
): void {
  const fields = KIND_FIELDS[kind === 'stale' ? 'stale' : 'jobs'];
  for (const field of fields.required) {
    if (rule[field] === undefined)
      ctx.addIssue({ code: 'custom', path: [field], message: KIND_FIELD_HINTS[field] });
  }
  for (const field of fields.refused) {
    if (rule[field] !== undefined)
      ctx.addIssue({ code: 'custom', path: [field], message: refusal(kind, field) });
  }
}
