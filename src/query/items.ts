import type { FilterName, JobKind, JobState } from '../domain/index.js';
import type {
  AggregationPeriod,
  QueryError,
  ResourceFilters,
  SummaryGrouping,
  ValidationOutcome,
} from './types.js';
import type { Window } from './window-checks.js';

/** Filters with one value per query (the time window is an item of its own). */
export type ValueFilter = Exclude<
  FilterName,
  'createdAfter' | 'createdBefore' | 'completedAfter' | 'completedBefore'
>;

/** What one list-query parser understood from one or more tokens. */
export type Item =
  | { kind: 'job-kind'; jobKind: JobKind; testsOnly: boolean; text: string }
  | { kind: 'states'; states: readonly JobState[]; text: string }
  | { kind: 'with-issues'; text: string }
  | { kind: 'validation'; outcome: ValidationOutcome; text: string }
  /** `spoken`: a vault side said in words (`from the prod vault`), the vault itself for kinds without sides. */
  | { kind: 'filter'; filter: ValueFilter; value: string; text: string; spoken?: true }
  | { kind: 'regions'; regions: string[]; text: string }
  | { kind: 'page-size'; size: number; text: string }
  | { kind: 'public'; text: string }
  /** `now`, `right now`, `currently`: jobs still running or waiting, whenever they were created. */
  | { kind: 'now'; text: string }
  | {
      kind: 'window';
      window: Window;
      field: 'created' | 'completed';
      /** `completed <window>`: the state the marker names, and whether a state list joins it (`failed or completed …`). */
      impliedState?: { state: JobState; joined: boolean };
      text: string;
    }
  | { kind: 'period'; period: AggregationPeriod; text: string }
  /** `by account`, `by resource type`: how a summary groups its counts. */
  | { kind: 'grouping'; groupBy: SummaryGrouping; text: string }
  /** `stale 24h`, `coverage in the last 2 days`: how old a last good backup may be. */
  | { kind: 'age'; ms: number; text: string }
  /** `type:rds,ebs`, `account:111122223333`: the values of a filter of resource questions. */
  | { kind: 'values'; filter: keyof ResourceFilters; values: string[]; text: string }
  | { kind: 'filler'; text: string }
  | { kind: 'unknown'; text: string }
  | { kind: 'error'; error: QueryError };

/** A parser's answer: how many tokens it used and what they meant. */
export interface ItemMatch {
  consumed: number;
  item: Item;
}
