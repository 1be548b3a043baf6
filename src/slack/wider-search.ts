import type { WiderSearch } from '../blocks/empty-result.js';
import { type JobKind, WINDOW_FILTERS } from '../domain/index.js';
import { parseQuery } from '../query/index.js';
import type { ListFilters, ListQuery } from '../query/types.js';
import { UNIT_MS } from '../time/duration.js';

/** Windows offered when a search found nothing: the first one wider than the query's. */
const WIDER_WINDOWS = [
  { days: 7, words: 'last 7 days' },
  { days: 14, words: 'last 14 days' },
  { days: 30, words: 'last 30 days' },
] as const;

/** Offered when nothing can be widened any more: the counts, which cover every job. */
const SUMMARY: Readonly<Record<JobKind, string>> = {
  backup: 'summary 14d',
  copy: 'copy summary 14d',
  restore: 'restore summary 14d',
};

/** Words a natural-language filter may take ("in the prod vault"). */
const MAX_SPAN = 4;

type Shape = Record<string, unknown>;

/** What a list asks for, one entry per thing a wider search may drop or widen. */
function dimensions(q: ListQuery): Shape {
  const filters: ListFilters = { ...q.filters };
  for (const key of WINDOW_FILTERS) delete filters[key];
  return {
    ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [`filter:${k}`, v])),
    ...(q.regions.length > 0 ? { regions: [...q.regions].sort().join(',') } : {}),
    ...(q.states.length > 0 || q.withIssues || q.validation.length > 0
      ? { states: JSON.stringify([[...q.states].sort(), q.withIssues, [...q.validation].sort()]) }
      : {}),
  };
}

function fixed(q: ListQuery): string {
  return JSON.stringify([q.jobKind, q.testsOnly, q.pageSize, q.visibility, q.window?.field ?? null]);
}

function windowOf(q: ListQuery): string {
  return JSON.stringify(WINDOW_FILTERS.map((k) => q.filters[k] ?? null));
}

function asList(text: string, now: Date, timeZone: string): ListQuery | undefined {
  const parsed = parseQuery(text, { now, timeZone });
  return parsed.ok && parsed.query.kind === 'list' ? parsed.query : undefined;
}

/** Days the query's window spans; 30 (all AWS keeps) when it has none. */
function windowDays(q: ListQuery, now: Date): number {
  const after = q.filters.createdAfter ?? q.filters.completedAfter;
  if (after === undefined) return 30;
  const before = q.filters.createdBefore ?? q.filters.completedBefore ?? now.toISOString();
  return (Date.parse(before) - Date.parse(after)) / UNIT_MS.day;
}

function widerWindow(q: ListQuery, now: Date, timeZone: string): WiderSearch | undefined {
  const typed = q.window?.text;
  if (typed === undefined) return undefined;
  const at = q.text.toLowerCase().indexOf(typed.toLowerCase());
  const wider = WIDER_WINDOWS.find((w) => w.days > windowDays(q, now) + 1e-9);
  if (at < 0 || wider === undefined) return undefined;
  const words = q.window?.field === 'completed' ? `ended ${wider.words}` : wider.words;
  const text = `${q.text.slice(0, at)}${words}${q.text.slice(at + typed.length)}`.replace(/\s+/g, ' ').trim();
  const candidate = asList(text, now, timeZone);
  const same = candidate && fixed(candidate) === fixed(q) && sameShape(dimensions(candidate), dimensions(q));
  if (!same || windowDays(candidate, now) <= windowDays(q, now)) return undefined;
  return { text, widened: `the ${wider.words} instead of ${typed}` };
}

function sameShape(a: Shape, b: Shape): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/** The one dimension `wider` lacks and `q` has, all else equal; undefined otherwise. */
function droppedOne(q: ListQuery, wider: ListQuery): string | undefined {
  if (fixed(wider) !== fixed(q) || windowOf(wider) !== windowOf(q)) return undefined;
  const before = dimensions(q);
  const after = dimensions(wider);
  const gone = Object.keys(before).filter((k) => !(k in after));
  if (gone.length !== 1 || Object.keys(after).length !== Object.keys(before).length - 1) return undefined;
  return Object.keys(after).every((k) => after[k] === before[k]) ? gone[0] : undefined;
}

/** Each filter left out in turn: the words removed are those that set it, and nothing else. */
function withoutOneFilter(q: ListQuery, now: Date, timeZone: string): WiderSearch[] {
  const words = q.text.split(/\s+/).filter(Boolean);
  const found = new Map<string, WiderSearch>();
  for (let span = 1; span <= MAX_SPAN; span++) {
    for (let i = 0; i + span <= words.length; i++) {
      const text = [...words.slice(0, i), ...words.slice(i + span)].join(' ');
      const candidate = text === '' ? undefined : asList(text, now, timeZone);
      const dropped = candidate && droppedOne(q, candidate);
      if (!dropped || found.has(dropped)) continue;
      const removed = words.slice(i, i + span).join(' ');
      found.set(dropped, {
        text,
        widened: dropped === 'states' ? `any state, not only ${removed}` : `without ${removed}`,
      });
    }
  }
  // Filters first (vault, type, account…), then Regions, then the states.
  const rank = (key: string) => (key.startsWith('filter:') ? 0 : key === 'regions' ? 1 : 2);
  return [...found.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([, s]) => s);
}

/**
 * Wider searches for a list that found nothing, one change each and the rest of the question kept:
 * the window first (to 7, 14 or 30 days), then each filter left out in turn. Each is checked by
 * parsing it, so a suggestion never asks for something other than what it says.
 */
export function widerSearches(query: ListQuery, now: Date, timeZone: string): WiderSearch[] {
  const wider = [widerWindow(query, now, timeZone), ...withoutOneFilter(query, now, timeZone)].filter(
    (s): s is WiderSearch => s !== undefined,
  );
  if (wider.length > 0) return wider;
  return [{ text: SUMMARY[query.jobKind], widened: 'the counts of the last 14 days' }];
}
