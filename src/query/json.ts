import type { JobState } from '../domain/index.js';
import type { AlertsAction, JobQuery, ListFilters, SummaryInput, Visibility } from './types.js';

/** `filters` of the parse JSON: ListBackupJobs input names, as documented in the README. */
export interface ParseFilters {
  ByCreatedAfter?: string;
  ByCreatedBefore?: string;
  ByCompleteAfter?: string;
  ByCompleteBefore?: string;
  ByBackupVaultName?: string;
  ByResourceType?: string;
  ByAccountId?: string;
  ByResourceArn?: string;
  ByParentJobId?: string;
  ByMessageCategory?: string;
}

/** `summary` of the parse JSON: ListBackupJobSummaries input names. */
export interface ParseSummary {
  AggregationPeriod: SummaryInput['period'];
  AccountId?: string;
  ResourceType?: string;
  State?: string;
  MessageCategory?: string;
}

/**
 * The JSON `backup-jobs parse` prints (DESIGN.md): AWS input names in `filters` and `summary`,
 * ISO-8601 UTC times, and only the keys that apply to the kind of query. An interface others
 * rely on: the product's own names are mapped here, at the output, and nowhere else.
 */
export interface ParseJson {
  kind: JobQuery['kind'];
  states?: JobState[];
  withIssues?: boolean;
  filters?: ParseFilters;
  summary?: ParseSummary;
  jobId?: string;
  alerts?: AlertsAction;
  topic?: string;
  regions?: string[];
  pageSize?: number;
  visibility: Visibility;
  notes?: string[];
}

/** The product's filter names and their ListBackupJobs input names, in the documented order. */
const FILTER_NAMES: readonly [keyof ListFilters, keyof ParseFilters][] = [
  ['createdAfter', 'ByCreatedAfter'],
  ['createdBefore', 'ByCreatedBefore'],
  ['completedAfter', 'ByCompleteAfter'],
  ['completedBefore', 'ByCompleteBefore'],
  ['vault', 'ByBackupVaultName'],
  ['resourceType', 'ByResourceType'],
  ['account', 'ByAccountId'],
  ['resourceArn', 'ByResourceArn'],
  ['parentJobId', 'ByParentJobId'],
  ['messageCategory', 'ByMessageCategory'],
];

function parseFilters(filters: ListFilters): ParseFilters {
  const out: ParseFilters = {};
  for (const [ours, aws] of FILTER_NAMES) {
    const value = filters[ours];
    if (value !== undefined) out[aws] = value;
  }
  return out;
}

function parseSummary(summary: SummaryInput): ParseSummary {
  const out: ParseSummary = { AggregationPeriod: summary.period };
  if (summary.account !== undefined) out.AccountId = summary.account === '*' ? 'ANY' : summary.account;
  if (summary.resourceType !== undefined) out.ResourceType = summary.resourceType;
  if (summary.state !== undefined) out.State = summary.state;
  if (summary.messageCategory !== undefined) out.MessageCategory = summary.messageCategory;
  return out;
}

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
          filters: parseFilters(query.filters),
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
          summary: parseSummary(query.summary),
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

function finish(json: ParseJson, notes: readonly string[]): ParseJson {
  if (notes.length > 0) json.notes = [...notes];
  return json;
}
