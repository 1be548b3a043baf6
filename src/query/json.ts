import type { AnyState, JobKind } from '../domain/index.js';
import { jobChecks, type ParseFilters, type ParseJobChecks, parseFilters } from './json-filters.js';
import { coverageJson, resourceJson, staleJson } from './json-gaps.js';
import type {
  AlertsAction,
  JobQuery,
  ListQuery,
  ResourceFilters,
  SummaryGrouping,
  SummaryInput,
  ValidationOutcome,
  Visibility,
} from './types.js';

/** `summary` of the parse JSON: the input names of the kind's List…JobSummaries operation. */
export interface ParseSummary {
  AggregationPeriod: SummaryInput['period'];
  AccountId?: string;
  ResourceType?: string;
  State?: string;
  MessageCategory?: string;
}

/**
 * The JSON `backup-jobs parse` prints (DESIGN.md): AWS input names in `filters` and `summary`,
 * ISO-8601 UTC times, and only the keys that apply to the kind of query. `jobKind` names the kind
 * of AWS Backup job (on `job` queries only when typed: without it the id is looked up as every
 * kind); `validation` (restore jobs whose validation ended so) and `testsOnly` (restore jobs a
 * restore testing plan started) appear when set. The questions about protection gaps (`stale`,
 * `resource`, `coverage`) keep the product's words: json-gaps.ts documents their keys. `count`
 * (`how many …`) and `top` (`top failing resources …`) carry the keys of the list they count or rank. An
 * interface others rely on: the product's own names are mapped here, at the output, and nowhere else.
 */
export interface ParseJson {
  kind: JobQuery['kind'];
  jobKind?: JobKind;
  states?: AnyState[];
  withIssues?: boolean;
  validation?: ValidationOutcome[];
  testsOnly?: boolean;
  /** List queries: AWS input names; `stale` and `coverage`: the resource filters. */
  filters?: ParseFilters | ResourceFilters;
  checkedOnEachJob?: ParseJobChecks;
  summary?: ParseSummary;
  jobId?: string;
  alerts?: AlertsAction;
  topic?: string;
  /** `stale` and `coverage`: how old, in seconds, a last good backup (or copy) may be. */
  maxAgeSeconds?: number;
  /** `stale`: copies instead of backups. */
  copies?: boolean;
  /** `resource`: the ARN or name asked about. */
  target?: string;
  regions?: string[];
  pageSize?: number;
  /** `summary by …`: what the counts are grouped by. */
  groupBy?: SummaryGrouping;
  /** `top`: how many resources are ranked. */
  limit?: number;
  visibility: Visibility;
  notes?: string[];
}

/** The list query's parse JSON: the kind's inputs, and the keys only copy or restore jobs have. */
function listJson(query: ListQuery): ParseJson {
  const checks = query.jobKind === 'copy' ? jobChecks(query.filters) : {};
  return {
    kind: 'list',
    jobKind: query.jobKind,
    states: [...query.states],
    withIssues: query.withIssues,
    ...(query.validation.length > 0 ? { validation: [...query.validation] } : {}),
    ...(query.testsOnly ? { testsOnly: true } : {}),
    filters: parseFilters(query.jobKind, query.filters),
    ...(Object.keys(checks).length > 0 ? { checkedOnEachJob: checks } : {}),
    regions: [...query.regions],
    pageSize: query.pageSize,
    visibility: query.visibility,
  };
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
      return finish(listJson(query), query.notes);
    case 'summary':
      return finish(
        {
          kind: 'summary',
          jobKind: query.jobKind,
          summary: parseSummary(query.summary),
          regions: [...query.regions],
          ...(query.groupBy === undefined ? {} : { groupBy: query.groupBy }),
          visibility: query.visibility,
        },
        query.notes,
      );
    case 'job':
      return {
        kind: 'job',
        ...(query.jobKind === undefined ? {} : { jobKind: query.jobKind }),
        jobId: query.jobId,
        regions: [...query.regions],
        visibility: query.visibility,
      };
    case 'alerts':
      return { kind: 'alerts', alerts: alertsAction(query), visibility: query.visibility };
    case 'help':
      if (query.topic !== undefined)
        return { kind: 'help', topic: query.topic, visibility: query.visibility };
      return out;
    case 'stale':
      return finish(staleJson(query), query.notes);
    case 'resource':
      return finish(resourceJson(query), query.notes);
    case 'coverage':
      return finish(coverageJson(query), query.notes);
    case 'count':
      return finish({ ...listJson(query.list), kind: 'count', visibility: query.visibility }, query.notes);
    case 'top':
      return finish(
        { ...listJson(query.list), kind: 'top', limit: query.limit, visibility: query.visibility },
        query.notes,
      );
  }
}

function alertsAction(query: AlertsAction): AlertsAction {
  switch (query.action) {
    case 'list':
      return { action: 'list' };
    case 'mute':
      return { action: 'mute', rule: query.rule, durationMs: query.durationMs };
    case 'new':
      return { action: 'new' };
    case 'history':
      return query.rule === undefined ? { action: 'history' } : { action: 'history', rule: query.rule };
    case 'unmute':
    case 'test':
    case 'edit':
    case 'pause':
    case 'resume':
    case 'delete':
      return { action: query.action, rule: query.rule };
  }
}

function finish(json: ParseJson, notes: readonly string[]): ParseJson {
  if (notes.length > 0) json.notes = [...notes];
  return json;
}
