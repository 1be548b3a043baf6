import type { JobState } from '../domain/index.js';
import type { AlertsAction, JobQuery, ListFilters, SummaryInput, Visibility } from './types.js';

/**
 * The JSON `backup-jobs parse` prints (DESIGN.md): AWS input names in `filters` and `summary`,
 * ISO-8601 UTC times, and only the keys that apply to the kind of query.
 */
export interface ParseJson {
  kind: JobQuery['kind'];
  states?: JobState[];
  withIssues?: boolean;
  filters?: ListFilters;
  summary?: SummaryInput;
  jobId?: string;
  alerts?: AlertsAction;
  topic?: string;
  regions?: string[];
  pageSize?: number;
  visibility: Visibility;
  notes?: string[];
}

const FILTER_ORDER: readonly (keyof ListFilters)[] = [
  'ByCreatedAfter',
  'ByCreatedBefore',
  'ByCompleteAfter',
  'ByCompleteBefore',
  'ByBackupVaultName',
  'ByResourceType',
  'ByAccountId',
  'ByResourceArn',
  'ByParentJobId',
  'ByMessageCategory',
];
const SUMMARY_ORDER: readonly (keyof SummaryInput)[] = [
  'AggregationPeriod',
  'AccountId',
  'ResourceType',
  'State',
  'MessageCategory',
];

/** The parse JSON of a query, with keys in a fixed order and only present filters. */
export function toParseJson(query: JobQuery): ParseJson {
  const out: ParseJson = { kind: query.kind, visibility: query.visibility };
  switch (query.kind) {
    case 'list':
      return finish(
        {
          kind: 'list',
          states: [...query.states],
          withIssues: query.withIssues,
          filters: pick(query.filters, FILTER_ORDER),
          regions: [...query.regions],
          pageSize: query.pageSize,
          visibility: query.visibility,
        },
        query.notes,
      );
    case 'summary':
      return finish(
        {
          kind: 'summary',
          summary: pick(query.summary, SUMMARY_ORDER),
          regions: [...query.regions],
          visibility: query.visibility,
        },
        query.notes,
      );
    case 'job':
      return { kind: 'job', jobId: query.jobId, regions: [...query.regions], visibility: query.visibility };
    case 'alerts':
      return { kind: 'alerts', alerts: alertsAction(query), visibility: query.visibility };
    case 'help':
      if (query.topic !== undefined)
        return { kind: 'help', topic: query.topic, visibility: query.visibility };
      return out;
  }
}

function alertsAction(query: AlertsAction): AlertsAction {
  switch (query.action) {
    case 'list':
      return { action: 'list' };
    case 'mute':
      return { action: 'mute', rule: query.rule, durationMs: query.durationMs };
    case 'unmute':
    case 'test':
      return { action: query.action, rule: query.rule };
  }
}

/** The keys of `order` that `source` has, in that order; `order` names every key of T. */
function pick<T extends object>(source: T, order: readonly (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const key of order) if (source[key] !== undefined) out[key] = source[key];
  // Every key of T is in `order`, so the copy has every required key of the source.
  return out as T;
}

function finish(json: ParseJson, notes: readonly string[]): ParseJson {
  if (notes.length > 0) json.notes = [...notes];
  return json;
}
