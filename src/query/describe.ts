import { KIND_NOUN } from '../domain/index.js';
import { describeAmount, formatDuration } from '../time/duration.js';
import { formatDay, formatInstant, formatMonth } from '../time/labels.js';
import { localParts } from '../time/zone.js';
import { describeCoverage, describeStale } from './describe-gaps.js';
import { capitalise, nounOf, subjectOf, validatedSubject } from './subjects.js';
import { orList } from './suggest.js';
import type {
  AlertsAction,
  CalendarPeriod,
  JobQuery,
  ListFilters,
  ListQuery,
  QueryWindow,
  SummaryQuery,
} from './types.js';
import { RETENTION_DAYS } from './types.js';

/**
 * A short English restatement of a query for reply headers, in the reader's zone:
 * `Failed or partial RDS jobs created since Mon 23 Nov 09:00 EST, all accounts`. Backup jobs are
 * "jobs"; the other kinds are named (`Failed copy jobs … to vault dr-vault`, `Restore tests that
 * failed or whose validation failed, …`). Questions about resources read `Resources with no good
 * backup in the last 24 hours, of type RDS in account 111122223333, eu-west-1`, `Coverage: fresh
 * within 26 hours`, `Resource orders`.
 */
export function describeQuery(query: JobQuery, timeZone: string): string {
  switch (query.kind) {
    case 'list':
      return describeList(query, timeZone);
    case 'summary':
      return describeSummary(query);
    case 'job':
      return `${capitalise(KIND_NOUN[query.jobKind ?? 'backup'].one)} ${query.jobId}${regionsPhrase(query.regions)}`;
    case 'alerts':
      return describeAlerts(query);
    case 'help':
      return query.topic === undefined ? 'Help' : `Help: ${query.topic}`;
    case 'stale':
      return describeStale(query);
    case 'coverage':
      return describeCoverage(query);
    case 'resource':
      return `Resource ${query.target}`;
    case 'count':
      return `How many: ${lowerFirst(describeList(query.list, timeZone))}`;
    case 'top':
      return `Top ${query.limit} resources by ${lowerFirst(describeList(query.list, timeZone))}`;
  }
}

function describeList(query: ListQuery, tz: string): string {
  const completedOnly = onlyCompleted(query) && query.filters.completedAfter !== undefined;
  const type = query.filters.resourceType;
  const noun = nounOf(query.jobKind, query.testsOnly);
  const validated = query.validation.length > 0;
  const subject = completedOnly
    ? capitalise(`${type === undefined ? '' : `${type} `}${noun}`)
    : validated
      ? validatedSubject(query, noun)
      : subjectOf(query.states, query.withIssues, type, noun);
  const time = windowPhrase(query, tz);
  const f = query.filters;
  const where = [
    f.vault === undefined ? '' : `${query.jobKind === 'copy' ? 'from or to' : 'in'} vault ${f.vault}`,
    f.sourceVault === undefined ? '' : `from vault ${f.sourceVault}`,
    f.destinationVault === undefined ? '' : `to vault ${f.destinationVault}`,
    accountPhrase(f.account),
    f.resourceArn === undefined ? '' : `for resource ${f.resourceArn}`,
    f.sourceRecoveryPointArn === undefined ? '' : `of recovery point ${f.sourceRecoveryPointArn}`,
    f.restoreTestingPlanArn === undefined ? '' : `of restore testing plan ${f.restoreTestingPlanArn}`,
    f.parentJobId === undefined ? '' : `under parent job ${f.parentJobId}`,
    f.messageCategory === undefined ? '' : `with message category ${f.messageCategory}`,
    regionsPhrase(query.regions).trim(),
  ].filter((p) => p !== '');
  const all = f.account === '*' ? ', all accounts' : '';
  const head = validated && (time !== '' || where.length > 0) ? `${subject},` : subject;
  return [head, time, ...where].filter((p) => p !== '').join(' ') + all;
}

function describeSummary(query: SummaryQuery): string {
  const s = query.summary;
  const noun = nounOf(query.jobKind, false);
  const subject = subjectOf(s.state === undefined ? [] : [s.state], false, s.resourceType, noun);
  const period = {
    ONE_DAY: 'daily counts for the last 14 days',
    SEVEN_DAYS: 'totals for the last 7 days',
    FOURTEEN_DAYS: 'totals for the last 14 days',
  }[s.period];
  const account =
    s.account === '*' ? ', all accounts' : s.account === undefined ? '' : ` in account ${s.account}`;
  const category = s.messageCategory === undefined ? '' : ` with message category ${s.messageCategory}`;
  const by = query.groupBy === undefined ? '' : ` by ${GROUPING_WORDS[query.groupBy]}`;
  return `Summary of ${lowerFirst(subject)}${category}${account}${regionsPhrase(query.regions)}${by} — ${period}`;
}

const GROUPING_WORDS = {
  account: 'account',
  region: 'Region',
  resourceType: 'resource type',
  state: 'state',
} as const;

function windowPhrase(query: ListQuery, tz: string): string {
  const f = query.filters;
  const completion = f.completedAfter !== undefined || f.completedBefore !== undefined;
  const verb = !completion ? 'created' : onlyCompleted(query) ? 'completed' : 'that ended';
  const [after, before] = completion
    ? [f.completedAfter, f.completedBefore]
    : [f.createdAfter, f.createdBefore];
  // No window: AWS answers with what it keeps, and the heading says so.
  if (after === undefined && before === undefined)
    return `in the last ${RETENTION_DAYS} days (all AWS keeps)`;
  // One bound only (a query built in code): since it, or before it; never "from X to X".
  if (before === undefined) return `${verb} since ${formatInstant(new Date(after!), tz, new Date(after!))}`;
  if (after === undefined) return `${verb} before ${formatInstant(new Date(before), tz, new Date(before))}`;
  return `${verb} ${formPhrase(query.window, new Date(after), new Date(before), tz)}`;
}

function formPhrase(window: QueryWindow | undefined, start: Date, end: Date, tz: string): string {
  const form = window?.form ?? { kind: 'range', precise: true };
  const at = (d: Date, precise: boolean) => (precise ? formatInstant(d, tz, start) : formatDay(d, tz));
  switch (form.kind) {
    case 'rolling':
      return form.amount === 1 ? `in the last ${form.unit}` : `in the last ${describeAmount(form)}`;
    case 'calendar': {
      const words = CALENDAR_WORDS[form.period];
      if (!CALENDAR_SPANS.has(form.period)) return words;
      const hours = HOURS_OF.has(form.period);
      const last = hours ? end : new Date(end.getTime() - 1);
      return `${words} (${hours ? formatInstant(start, tz, start) : formatDay(start, tz)} – ${hours ? formatInstant(last, tz, start) : formatDay(last, tz)})`;
    }
    case 'day':
      return `on ${formatDay(start, tz)}`;
    case 'month':
      return `in ${formatMonth(start, tz)}`;
    case 'since':
      return `since ${at(start, form.precise)}`;
    case 'before':
      return `before ${at(end, form.precise || !isMidnight(end, tz))}`;
    case 'range': {
      // A range of whole days ends at the midnight after its last day, unless clipped to now.
      const precise = form.precise || !isMidnight(end, tz);
      return `from ${at(start, form.precise)} to ${at(precise ? end : new Date(end.getTime() - 1), precise)}`;
    }
  }
}

/** Calendar periods in words; the ones whose edges people may not guess say them too. */
const CALENDAR_WORDS: Readonly<Record<CalendarPeriod, string>> = {
  today: 'today',
  yesterday: 'yesterday',
  'this-week': 'this week',
  'last-week': 'last week',
  'this-month': 'this month',
  'last-month': 'last month',
  weekend: 'over the weekend',
  'last-weekend': 'last weekend',
  'last-night': 'last night',
  'this-morning': 'this morning',
  'this-afternoon': 'this afternoon',
  'this-evening': 'this evening',
  'yesterday-morning': 'yesterday morning',
  'yesterday-afternoon': 'yesterday afternoon',
  'yesterday-evening': 'yesterday evening',
};
const HOURS_OF: ReadonlySet<CalendarPeriod> = new Set([
  'last-night',
  'this-morning',
  'this-afternoon',
  'this-evening',
  'yesterday-morning',
  'yesterday-afternoon',
  'yesterday-evening',
]);
const CALENDAR_SPANS: ReadonlySet<CalendarPeriod> = new Set([...HOURS_OF, 'weekend', 'last-weekend']);

function isMidnight(instant: Date, tz: string): boolean {
  const l = localParts(instant, tz);
  return l.hour === 0 && l.minute === 0 && l.second === 0;
}

function onlyCompleted(query: ListQuery): boolean {
  return (
    !query.withIssues &&
    query.validation.length === 0 &&
    query.states.length === 1 &&
    query.states[0] === 'COMPLETED'
  );
}

function accountPhrase(account: ListFilters['account']): string {
  return account === undefined || account === '*' ? '' : `in account ${account}`;
}

function regionsPhrase(regions: readonly string[]): string {
  return regions.length === 0 ? '' : ` in ${orList(regions, 'and')}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const ALERT_VERBS = {
  unmute: 'Unmute',
  test: 'Test',
  edit: 'Edit',
  pause: 'Pause',
  resume: 'Resume',
  delete: 'Delete',
} as const;

function describeAlerts(query: AlertsAction): string {
  switch (query.action) {
    case 'list':
      return 'Alert rules';
    case 'new':
      return 'New alert rule';
    case 'history':
      return query.rule === undefined ? 'Alert rule changes' : `Changes of alert rule ${query.rule}`;
    case 'mute':
      return `Mute alert rule ${query.rule} for ${formatDuration(query.durationMs, 'words')}`;
    default:
      return `${ALERT_VERBS[query.action]} alert rule ${query.rule}`;
  }
}
