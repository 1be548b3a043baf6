/**
 * Job states and outcomes. Pure and dependency-free. States AWS adds later are kept and shown
 * as AWS sends them: `AnyState` is the documented union widened to any string.
 */

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
