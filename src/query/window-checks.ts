import { MAX_DURATION_MS } from '../time/duration.js';
import { formatInstant } from '../time/labels.js';
import type { TimeContext } from './operands.js';
import { quoteWord } from './tokens.js';
import { type QueryError, RETENTION_DAYS, type WindowForm } from './types.js';

/** A range that works on any day, offered when a range is reversed or incomplete. */
export const REVERSED_HINT = 'between 3 days ago and yesterday';

/** A checked time window: start before end, end no later than now. */
export interface Window {
  start: Date;
  end: Date;
  form: WindowForm;
  text: string;
  /** Set when the window reaches back past what AWS Backup keeps. */
  note?: string;
}

/**
 * The refiner every window goes through: a window in the future, empty, reversed, or wholly older
 * than what AWS keeps is an error; the end is clipped to now; reaching past the 30 days AWS keeps
 * adds a note but keeps the bounds as typed.
 */
export function finishWindow(w: Window, t: TimeContext): Window | QueryError {
  const q = quoteWord(w.text);
  const now = t.now.getTime();
  if (w.start.getTime() > now) {
    return {
      error: `${q} lies in the future: there are no jobs there yet.`,
      suggestions: ['today', 'last 24h'],
    };
  }
  const end = new Date(Math.min(w.end.getTime(), now));
  const keptFrom = formatInstant(t.retentionStart, t.timeZone);
  if (end.getTime() <= t.retentionStart.getTime()) {
    return {
      error: `AWS Backup keeps jobs for ${RETENTION_DAYS} days: ${q} ends before ${keptFrom}, so no job can match.`,
      suggestions: [`last ${RETENTION_DAYS} days`],
    };
  }
  if (w.start.getTime() === end.getTime()) {
    return { error: `${q} is an empty window.`, suggestions: ['last 24h'] };
  }
  if (w.start.getTime() > w.end.getTime()) {
    const span = `${formatInstant(w.start, t.timeZone)} to ${formatInstant(w.end, t.timeZone)}`;
    return { error: `${q} starts after it ends (${span}).`, suggestions: [REVERSED_HINT] };
  }
  if (now - w.start.getTime() > MAX_DURATION_MS) {
    return {
      error: `${q} reaches too far back: AWS Backup keeps jobs for ${RETENTION_DAYS} days.`,
      suggestions: [`last ${RETENTION_DAYS} days`],
    };
  }
  const checked: Window = { ...w, end };
  if (w.start.getTime() < t.retentionStart.getTime()) {
    checked.note = `AWS Backup keeps jobs for ${RETENTION_DAYS} days: results start at ${keptFrom}.`;
  }
  return checked;
}
