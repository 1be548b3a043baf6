import type { BackupJob } from '../backup/types.js';
import { type AnyState, isCompletedWithIssues, isJobState, type JobState } from '../domain/index.js';

/** What a job's outcome is shown as: AWS states plus "completed with issues". */
export type DisplayState = JobState | 'COMPLETED_WITH_ISSUES';

export interface StateLook {
  /** Slack emoji shortcode, for mrkdwn. */
  emoji: string;
  /** The same emoji as a character: two string units instead of twenty, for tight places. */
  glyph: string;
  label: string;
}

/** One look per state; "completed with issues" is distinct from completed. */
export const STATE_LOOK: Readonly<Record<DisplayState, StateLook>> = {
  CREATED: { emoji: ':white_circle:', glyph: '⚪', label: 'Created' },
  PENDING: { emoji: ':hourglass_flowing_sand:', glyph: '⏳', label: 'Pending' },
  RUNNING: { emoji: ':large_blue_circle:', glyph: '🔵', label: 'Running' },
  ABORTING: { emoji: ':black_circle:', glyph: '⚫', label: 'Aborting' },
  ABORTED: { emoji: ':black_circle:', glyph: '⚫', label: 'Aborted' },
  COMPLETED: { emoji: ':large_green_circle:', glyph: '🟢', label: 'Completed' },
  COMPLETED_WITH_ISSUES: { emoji: ':large_yellow_circle:', glyph: '🟡', label: 'Completed with issues' },
  FAILED: { emoji: ':red_circle:', glyph: '🔴', label: 'Failed' },
  EXPIRED: { emoji: ':brown_circle:', glyph: '🟤', label: 'Expired' },
  PARTIAL: { emoji: ':large_orange_circle:', glyph: '🟠', label: 'Partial' },
};

/** Display order, worst first: what needs attention leads. */
export const DISPLAY_ORDER: readonly DisplayState[] = [
  'FAILED',
  'PARTIAL',
  'COMPLETED_WITH_ISSUES',
  'EXPIRED',
  'ABORTED',
  'ABORTING',
  'RUNNING',
  'PENDING',
  'CREATED',
  'COMPLETED',
];

/** The state a job is shown in: a state AWS added since is shown by its own name. */
export function displayState(job: Pick<BackupJob, 'state' | 'messageCategory'>): DisplayState | AnyState {
  return isCompletedWithIssues(job) ? 'COMPLETED_WITH_ISSUES' : job.state;
}

/** The look of any state string, including ones AWS may add later (shown by name, with a neutral icon). */
export function lookOf(state: string): StateLook {
  if (state === 'COMPLETED_WITH_ISSUES' || isJobState(state)) return STATE_LOOK[state];
  const label = state.charAt(0) + state.slice(1).toLowerCase().replace(/_/g, ' ');
  return { emoji: ':grey_question:', glyph: '❔', label };
}

/** True when the job's status message is worth showing in a list (something went wrong). */
export function needsStatusMessage(job: Pick<BackupJob, 'state' | 'messageCategory'>): boolean {
  const state = displayState(job);
  return (
    state === 'FAILED' ||
    state === 'PARTIAL' ||
    state === 'COMPLETED_WITH_ISSUES' ||
    state === 'ABORTED' ||
    state === 'EXPIRED'
  );
}
