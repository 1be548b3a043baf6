import { type AnyState, type JobKind, type JobState, KIND_NOUN } from '../domain/index.js';
import { orList } from './suggest.js';
import type { ListQuery, ValidationOutcome } from './types.js';

/** What a heading says a query lists: `Failed or partial RDS jobs`, `Restore tests whose validation timed out`. */

const STATE_LABELS: Record<JobState, string> = {
  CREATED: 'created',
  PENDING: 'pending',
  RUNNING: 'running',
  ABORTING: 'aborting',
  ABORTED: 'aborted',
  COMPLETED: 'completed',
  FAILED: 'failed',
  EXPIRED: 'expired',
  PARTIAL: 'partial',
};

export function subjectOf(
  states: readonly AnyState[],
  withIssues: boolean,
  type: string | undefined,
  noun: string,
): string {
  const labels = states.map((s) => STATE_LABELS[s as JobState] ?? s.toLowerCase());
  if (withIssues) labels.push('completed-with-issues');
  const head = labels.length === 0 ? 'all' : orList(labels);
  return capitalise(`${head}${type === undefined ? '' : ` ${type}`} ${noun}`);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Backup jobs are "jobs", as every heading has always said; the other kinds are named. */
export function nounOf(kind: JobKind, testsOnly: boolean): string {
  if (testsOnly) return 'restore tests';
  return kind === 'backup' ? 'jobs' : KIND_NOUN[kind].many;
}

const VALIDATION_LABELS: Record<ValidationOutcome, string> = { FAILED: 'failed', TIMED_OUT: 'timed out' };

/** `Restore tests that failed or whose validation failed`, `Restore jobs whose validation timed out`. */
export function validatedSubject(query: ListQuery, noun: string): string {
  const type = query.filters.resourceType;
  const whose = `whose validation ${orList(query.validation.map((v) => VALIDATION_LABELS[v]))}`;
  const that = query.states.length === 0 ? '' : `that ${orList(query.states.map(predicateOf))} or `;
  return capitalise(`${type === undefined ? '' : `${type} `}${noun} ${that}${whose}`);
}

function predicateOf(state: AnyState): string {
  if (state === 'ABORTED') return 'were aborted';
  if (state === 'FAILED' || state === 'COMPLETED') return state.toLowerCase();
  return `are ${(STATE_LABELS[state as JobState] ?? state).toLowerCase()}`;
}
