import {
  type AnyState,
  DERIVED_OUTCOMES,
  type DerivedOutcome,
  isOutcome,
  type JobKind,
  type JobState,
} from '../domain/index.js';
import { cutValue } from './text.js';

/** What a job's outcome is shown as: AWS states plus the outcomes derived from them. */
export type DisplayState = JobState | DerivedOutcome;

export interface StateLook {
  /** Slack emoji shortcode, for mrkdwn. */
  emoji: string;
  /** The same emoji as a character: two string units instead of twenty, for tight places. */
  glyph: string;
  label: string;
}

/** One look per state; each derived outcome is distinct from the state it narrows. */
export const STATE_LOOK: Readonly<Record<DisplayState, StateLook>> = {
  CREATED: { emoji: ':white_circle:', glyph: '⚪', label: 'Created' },
  PENDING: { emoji: ':hourglass_flowing_sand:', glyph: '⏳', label: 'Pending' },
  RUNNING: { emoji: ':large_blue_circle:', glyph: '🔵', label: 'Running' },
  ABORTING: { emoji: ':black_circle:', glyph: '⚫', label: 'Aborting' },
  ABORTED: { emoji: ':black_circle:', glyph: '⚫', label: 'Aborted' },
  COMPLETED: { emoji: ':large_green_circle:', glyph: '🟢', label: 'Completed' },
  COMPLETED_WITH_ISSUES: { emoji: ':large_yellow_circle:', glyph: '🟡', label: 'Completed with issues' },
  VALIDATION_FAILED: { emoji: ':large_purple_circle:', glyph: '🟣', label: 'Validation failed' },
  VALIDATION_TIMED_OUT: { emoji: ':hourglass:', glyph: '⌛', label: 'Validation timed out' },
  FAILED: { emoji: ':red_circle:', glyph: '🔴', label: 'Failed' },
  EXPIRED: { emoji: ':brown_circle:', glyph: '🟤', label: 'Expired' },
  PARTIAL: { emoji: ':large_orange_circle:', glyph: '🟠', label: 'Partial' },
};

/** Display order, worst first: what needs attention leads. */
export const DISPLAY_ORDER: readonly DisplayState[] = [
  'FAILED',
  'VALIDATION_FAILED',
  'PARTIAL',
  'VALIDATION_TIMED_OUT',
  'COMPLETED_WITH_ISSUES',
  'EXPIRED',
  'ABORTED',
  'ABORTING',
  'RUNNING',
  'PENDING',
  'CREATED',
  'COMPLETED',
];

/** What the display state of a job is read from. */
export interface StateOf {
  kind: JobKind;
  state: AnyState;
  messageCategory?: string | undefined;
  validationStatus?: string | undefined;
}

const OUTCOMES = Object.keys(DERIVED_OUTCOMES) as DerivedOutcome[];

/** Whether jobs of a kind can have an outcome: restore jobs are never "completed with issues". */
export function kindHasOutcome(kind: JobKind, outcome: DerivedOutcome): boolean {
  return (DERIVED_OUTCOMES[outcome].kinds as readonly JobKind[]).includes(kind);
}

/**
 * The state a job is shown in: the derived outcome of its kind that it is (completed with issues, a
 * restore test whose validation failed), else its state; a state AWS added since is shown by its name.
 */
export function displayState(job: StateOf): DisplayState | AnyState {
  for (const outcome of OUTCOMES) {
    const rule = DERIVED_OUTCOMES[outcome];
    if (kindHasOutcome(job.kind, outcome) && job.state === rule.state && isOutcome(outcome, job))
      return outcome;
  }
  return job.state;
}

/**
 * The look of any state string, including ones AWS may add later: shown by name, with a neutral icon.
 * Such a name keeps only letters, digits, spaces and hyphens, so it reads the same in plain text and
 * in mrkdwn and can never form a link or mention.
 */
export function lookOf(state: string): StateLook {
  if (Object.hasOwn(STATE_LOOK, state)) return STATE_LOOK[state as DisplayState];
  const name = state
    .replace(/_/g, ' ')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = cutValue(name, 40);
  const label = cut === '' ? 'Unknown' : cut.charAt(0) + cut.slice(1).toLowerCase();
  return { emoji: ':grey_question:', glyph: '❔', label };
}

const ATTENTION: ReadonlySet<string> = new Set<DisplayState>([
  'FAILED',
  'PARTIAL',
  'COMPLETED_WITH_ISSUES',
  'VALIDATION_FAILED',
  'VALIDATION_TIMED_OUT',
  'ABORTED',
  'EXPIRED',
]);

/** True when the job's status message is worth showing in a list (something went wrong). */
export function needsStatusMessage(job: StateOf): boolean {
  return ATTENTION.has(displayState(job));
}

/** True for the outcomes of a restore test's validation, whose message is the validation's. */
export function isValidationOutcome(state: string): boolean {
  return state === 'VALIDATION_FAILED' || state === 'VALIDATION_TIMED_OUT';
}
