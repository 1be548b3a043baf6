import type { JobState } from '../domain/index.js';
import type { AggregationPeriod, QueryError } from './types.js';
import type { Window } from './window-checks.js';

/** Filters with one value per query, by the word people type. */
export type SingleFilter = 'vault' | 'type' | 'account' | 'resource' | 'parent' | 'category';

/** What one list-query parser understood from one or more tokens. */
export type Item =
  | { kind: 'states'; states: readonly JobState[]; text: string }
  | { kind: 'with-issues'; text: string }
  | { kind: 'filter'; filter: SingleFilter; value: string; text: string }
  | { kind: 'regions'; regions: string[]; text: string }
  | { kind: 'page-size'; size: number; text: string }
  | { kind: 'public'; text: string }
  | {
      kind: 'window';
      window: Window;
      field: 'created' | 'completed';
      /** `completed <window>`: the state the marker names, and whether a state list joins it (`failed or completed …`). */
      impliedState?: { state: JobState; joined: boolean };
      text: string;
    }
  | { kind: 'period'; period: AggregationPeriod; text: string }
  | { kind: 'filler'; text: string }
  | { kind: 'unknown'; text: string }
  | { kind: 'error'; error: QueryError };

/** A parser's answer: how many tokens it used and what they meant. */
export interface ItemMatch {
  consumed: number;
  item: Item;
}
