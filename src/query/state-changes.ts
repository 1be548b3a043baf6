import { formatDuration } from '../time/duration.js';
import type { JobQuery } from './types.js';

/** What a command changes for everyone, said before it runs from a button. */
export interface StateChange {
  /** Completes "This …": `mutes the alert rule prod-failures for 2 hours, for everyone`. */
  sentence: string;
  /** The button that does it, ≤ 30 characters with the longest rule name cut: `Mute for 2 hours`. */
  action: string;
  /** The confirm dialog's title: `Mute prod-failures?`. */
  question: string;
}

/**
 * The change a query makes, when it makes one that others see: a muted or paused rule, a sample
 * alert in a channel. Lists, details and the commands that open a form or ask first themselves
 * (`alerts new`, `alerts edit`, `alerts delete`) change nothing when they run.
 */
export function stateChangeOf(query: JobQuery): StateChange | undefined {
  if (query.kind !== 'alerts') return undefined;
  switch (query.action) {
    case 'mute': {
      const time = formatDuration(query.durationMs, 'words');
      return {
        sentence: `mutes the alert rule ${query.rule} for ${time}, for everyone`,
        action: `Mute for ${time}`,
        question: `Mute ${query.rule}?`,
      };
    }
    case 'unmute':
      return {
        sentence: `unmutes the alert rule ${query.rule}, for everyone`,
        action: 'Unmute',
        question: `Unmute ${query.rule}?`,
      };
    case 'pause':
      return {
        sentence: `pauses the alert rule ${query.rule}: it stops checking until it is resumed`,
        action: 'Pause',
        question: `Pause ${query.rule}?`,
      };
    case 'resume':
      return {
        sentence: `resumes the alert rule ${query.rule}: it checks again on its schedule`,
        action: 'Resume',
        question: `Resume ${query.rule}?`,
      };
    case 'test':
      return {
        sentence: `posts a sample alert of ${query.rule} into its channel`,
        action: 'Post a sample',
        question: `Post a sample of ${query.rule}?`,
      };
    default:
      return undefined;
  }
}
