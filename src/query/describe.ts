import { JOB_STATES, type JobState } from '../domain/index.js';
import { describeAmount, formatDuration } from '../time/duration.js';
import { formatDay, formatInstant, formatMonth } from '../time/labels.js';
import { localParts } from '../time/zone.js';
import { orList } from './suggest.js';
import type { JobQuery, ListFilters, ListQuery, QueryWindow, SummaryQuery } from './types.js';

/**
 * A short English restatement of a query for reply headers, in the reader's zone:
 * `Failed or partial RDS jobs created since Mon 23 Nov 09:00 EST, all accounts`.
 */
export function describeQuery(query: JobQuery, timeZone: string): string {
  switch (query.kind) {
    case 'list':
      return describeList(query, timeZone);
    case 'summary':
      return describeSummary(query);
    case 'job':
      return `Backup job ${query.jobId}${regionsPhrase(query.regions)}`;
    case 'alerts':
      if (query.action === 'list') return 'Alert rules';
      if (query.action === 'mute')
        return `Mute alert rule ${query.rule} for ${formatDuration(query.durationMs, 'words')}`;
      return `${query.action === 'test' ? 'Test' : 'Unmute'} alert rule ${query.rule}`;
    case 'help':
      return query.topic === undefined ? 'Help' : `Help: ${query.topic}`;
  }
}

function describeList(query: ListQuery, tz: string): string {
  const completedOnly = onlyCompleted(query) && query.filters.completedAfter !== undefined;
  const type = query.filters.resourceType;
  const subject = completedOnly
    ? `${type === undefined ? 'Jobs' : `${type} jobs`}`
    : subjectOf(query.states, query.withIssues, type);
  const time = windowPhrase(query, tz);
  const where = [
    query.filters.vault === undefined ? '' : `in vault ${query.filters.vault}`,
    accountPhrase(query.filters.account),
    query.filters.resourceArn === undefined ? '' : `for resource ${query.filters.resourceArn}`,
    query.filters.parentJobId === undefined ? '' : `under parent job ${query.filters.parentJobId}`,
    query.filters.messageCategory === undefined
      ? ''
      : `with message category ${query.filters.messageCategory}`,
    regionsPhrase(query.regions).trim(),
  ].filter((p) => p !== '');
  const all = query.filters.account === '*' ? ', all accounts' : '';
  return [subject, time, ...where].filter((p) => p !== '').join(' ') + all;
}

function describeSummary(query: SummaryQuery): string {
  const s = query.summary;
  const subject = subjectOf(s.state === undefined ? [] : [s.state], false, s.resourceType);
  const period = {
    ONE_DAY: 'daily counts for the last 14 days',
    SEVEN_DAYS: 'totals for the last 7 days',
    FOURTEEN_DAYS: 'totals for the last 14 days',
  }[s.period];
  const account =
    s.account === '*' ? ', all accounts' : s.account === undefined ? '' : ` in account ${s.account}`;
  const category = s.messageCategory === undefined ? '' : ` with message category ${s.messageCategory}`;
  return `Summary of ${lowerFirst(subject)}${category}${account}${regionsPhrase(query.regions)} — ${period}`;
}

const STATE_LABELS: Record<JobState, string> = {
  CREATED: 'created',
  PENDING: 'pending',
  RUNNING: 'running',
  ABORTING: 'aborting',
  ABORTED: 'aborted',
  COMPLETED: 'completed',
  FAILED: 'failed',
  EXPIRED: 'expired',
  PARTIAL: 'partial',
};

function subjectOf(states: readonly JobState[], withIssues: boolean, type: string | undefined): string {
  const labels = states.map((s) => STATE_LABELS[s]);
  if (withIssues) labels.push('completed-with-issues');
  const head = labels.length === 0 ? 'all' : orList(labels);
  const text = `${head}${type === undefined ? '' : ` ${type}`} jobs`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function windowPhrase(query: ListQuery, tz: string): string {
  const f = query.filters;
  const completion = f.completedAfter !== undefined || f.completedBefore !== undefined;
  const verb = !completion ? 'created' : onlyCompleted(query) ? 'completed' : 'that ended';
  const [after, before] = completion
    ? [f.completedAfter, f.completedBefore]
    : [f.createdAfter, f.createdBefore];
  if (after === undefined && before === undefined) return '';
  const start = new Date(after ?? before ?? '');
  const end = new Date(before ?? after ?? '');
  return `${verb} ${formPhrase(query.window, start, end, tz)}`;
}

function formPhrase(window: QueryWindow | undefined, start: Date, end: Date, tz: string): string {
  const form = window?.form ?? { kind: 'range', precise: true };
  const at = (d: Date, precise: boolean) => (precise ? formatInstant(d, tz, start) : formatDay(d, tz));
  switch (form.kind) {
    case 'rolling':
      return form.amount === 1 ? `in the last ${form.unit}` : `in the last ${describeAmount(form)}`;
    case 'calendar':
      return form.period.replace('-', ' ');
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

function isMidnight(instant: Date, tz: string): boolean {
  const l = localParts(instant, tz);
  return l.hour === 0 && l.minute === 0 && l.second === 0;
}

function onlyCompleted(query: ListQuery): boolean {
  return !query.withIssues && query.states.length === 1 && query.states[0] === 'COMPLETED';
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
