/**
 * Job states and outcomes. Pure and dependency-free. States AWS adds later are kept and shown
 * as AWS sends them: `AnyState` is the documented union widened to any string.
 */

import type { JobKind } from './kinds.js';

/** BackupJobState, as the API documents it. */
export const JOB_STATES = [
  'CREATED',
  'PENDING',
  'RUNNING',
  'ABORTING',
  'ABORTED',
  'COMPLETED',
  'FAILED',
  'EXPIRED',
  'PARTIAL',
] as const;
export type JobState = (typeof JOB_STATES)[number];

/** CopyJobState, as the API documents it. */
export const COPY_JOB_STATES = ['CREATED', 'RUNNING', 'COMPLETED', 'FAILED', 'PARTIAL'] as const;
export type CopyJobState = (typeof COPY_JOB_STATES)[number];

/** RestoreJobStatus, as the API documents it. */
export const RESTORE_JOB_STATES = ['PENDING', 'RUNNING', 'COMPLETED', 'ABORTED', 'FAILED'] as const;
export type RestoreJobState = (typeof RESTORE_JOB_STATES)[number];

/** RestoreValidationStatus: how a restore test's validation ended (or that it still runs). */
export const VALIDATION_STATES = ['VALIDATING', 'SUCCESSFUL', 'FAILED', 'TIMED_OUT'] as const;
export type ValidationState = (typeof VALIDATION_STATES)[number];

/** Every kind's states, in the order lists and summaries show them. */
export const STATES_OF_KIND: Readonly<Record<JobKind, readonly string[]>> = {
  backup: JOB_STATES,
  copy: COPY_JOB_STATES,
  restore: RESTORE_JOB_STATES,
};

/** The states of a job that has not ended yet, per kind: what `now` and `currently` ask for. */
export const ACTIVE_STATES_OF_KIND: Readonly<Record<JobKind, readonly string[]>> = {
  backup: ['CREATED', 'PENDING', 'RUNNING', 'ABORTING'],
  copy: ['CREATED', 'RUNNING'],
  restore: ['PENDING', 'RUNNING'],
};

export function isStateOf(kind: JobKind, value: string): boolean {
  return STATES_OF_KIND[kind].includes(value);
}

/** A documented state, or one AWS added since (kept as sent). */
export type AnyState = JobState | (string & {});

export function isJobState(value: string): value is JobState {
  return (JOB_STATES as readonly string[]).includes(value);
}

/** `SUCCESS` in any spelling: AWS's documents write both `SUCCESS` and `Success`. */
export function isSuccessCategory(category: string | undefined): boolean {
  return category !== undefined && category.toUpperCase() === 'SUCCESS';
}

/** A COMPLETED job whose MessageCategory says something other than success: "completed with issues". */
export function isCompletedWithIssues(job: {
  state: AnyState;
  messageCategory?: string | undefined;
}): boolean {
  return (
    job.state === 'COMPLETED' &&
    job.messageCategory !== undefined &&
    job.messageCategory !== '' &&
    !isSuccessCategory(job.messageCategory)
  );
}

/**
 * Outcomes AWS has no state for: each is one state AWS filters on (`ByState: COMPLETED`), narrowed by
 * a field of each job. Lists ask for them beside states, and alert rules count them.
 */
export const DERIVED_OUTCOMES = {
  COMPLETED_WITH_ISSUES: { kinds: ['backup', 'copy'], state: 'COMPLETED' },
  VALIDATION_FAILED: { kinds: ['restore'], state: 'COMPLETED' },
  VALIDATION_TIMED_OUT: { kinds: ['restore'], state: 'COMPLETED' },
} as const satisfies Record<string, { kinds: readonly JobKind[]; state: string }>;
export type DerivedOutcome = keyof typeof DERIVED_OUTCOMES;

/** Whether a job (in the state its outcome names) is that outcome. */
export function isOutcome(
  outcome: DerivedOutcome,
  job: { state: AnyState; messageCategory?: string | undefined; validationStatus?: string | undefined },
): boolean {
  switch (outcome) {
    case 'COMPLETED_WITH_ISSUES':
      return isCompletedWithIssues(job);
    case 'VALIDATION_FAILED':
      return job.validationStatus === 'FAILED';
    case 'VALIDATION_TIMED_OUT':
      return job.validationStatus === 'TIMED_OUT';
  }
}

/** What alert rules count per kind: ended states that need attention, and the derived outcomes. */
export const COUNTABLE_OF_KIND: Readonly<Record<JobKind, readonly string[]>> = {
  backup: ['FAILED', 'PARTIAL', 'ABORTED', 'EXPIRED', 'COMPLETED_WITH_ISSUES'],
  copy: ['FAILED', 'PARTIAL', 'COMPLETED_WITH_ISSUES'],
  restore: ['FAILED', 'ABORTED', 'VALIDATION_FAILED', 'VALIDATION_TIMED_OUT'],
};

export function isDerivedOutcome(value: string): value is DerivedOutcome {
  return Object.hasOwn(DERIVED_OUTCOMES, value);
}
