import { describe, expect, it } from 'vitest';
import { parsedList } from './helpers.js';

/** [text, zone, expected start, expected end, now (default Mon 2026-11-23T10:00Z), note expected]. */
type Case = [text: string, tz: string, after: string, before: string, now?: string, note?: boolean];

const NOW = '2026-11-23T10:00:00Z';

const utc: Case[] = [
  ['today', 'UTC', '2026-11-23T00:00Z', NOW],
  ['yesterday', 'UTC', '2026-11-22T00:00Z', '2026-11-23T00:00Z'],
  ['this week', 'UTC', '2026-11-23T00:00Z', NOW],
  ['last week', 'UTC', '2026-11-16T00:00Z', '2026-11-23T00:00Z'],
  ['previous week', 'UTC', '2026-11-16T00:00Z', '2026-11-23T00:00Z'],
  ['this month', 'UTC', '2026-11-01T00:00Z', NOW],
  ['last month', 'UTC', '2026-10-01T00:00Z', '2026-11-01T00:00Z', NOW, true],
  ['last 3 days', 'UTC', '2026-11-20T10:00Z', NOW],
  ['past 3 days', 'UTC', '2026-11-20T10:00Z', NOW],
  ['last three days', 'UTC', '2026-11-20T10:00Z', NOW],
  ['in the last 3 days', 'UTC', '2026-11-20T10:00Z', NOW],
  ['3 days', 'UTC', '2026-11-20T10:00Z', NOW],
  ['past 24 hours', 'UTC', '2026-11-22T10:00Z', NOW],
  ['last 45 minutes', 'UTC', '2026-11-23T09:15Z', NOW],
  ['last 2 weeks', 'UTC', '2026-11-09T10:00Z', NOW],
  ['24h', 'UTC', '2026-11-22T10:00Z', NOW],
  ['7d', 'UTC', '2026-11-16T10:00Z', NOW],
  ['90m', 'UTC', '2026-11-23T08:30Z', NOW],
  ['2w', 'UTC', '2026-11-09T10:00Z', NOW],
  ['fortnight', 'UTC', '2026-11-09T10:00Z', NOW],
  ['last fortnight', 'UTC', '2026-11-09T10:00Z', NOW],
  ['last 7d', 'UTC', '2026-11-16T10:00Z', NOW],
  ['last hour', 'UTC', '2026-11-23T09:00Z', NOW],
  ['past day', 'UTC', '2026-11-22T10:00Z', NOW],
  ['past week', 'UTC', '2026-11-16T10:00Z', NOW],
  ['past month', 'UTC', '2026-10-23T10:00Z', NOW, NOW, true],
  ['last 2 months', 'UTC', '2026-09-23T10:00Z', NOW, NOW, true],
  ['last 30 days', 'UTC', '2026-10-24T10:00Z', NOW],
  ['last 31 days', 'UTC', '2026-10-23T10:00Z', NOW, NOW, true],
  ['sunday', 'UTC', '2026-11-22T00:00Z', '2026-11-23T00:00Z'],
  ['monday', 'UTC', '2026-11-23T00:00Z', NOW],
  ['Saturday', 'UTC', '2026-11-21T00:00Z', '2026-11-22T00:00Z'],
  ['friday', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['tuesday', 'UTC', '2026-11-17T00:00Z', '2026-11-18T00:00Z'],
  ['last monday', 'UTC', '2026-11-16T00:00Z', '2026-11-17T00:00Z'],
  ['since 9am', 'UTC', '2026-11-23T09:00Z', NOW],
  ['since 11am', 'UTC', '2026-11-22T11:00Z', NOW],
  ['since 9am', 'UTC', '2026-11-22T09:00Z', '2026-11-23T08:00Z', '2026-11-23T08:00Z'],
  ['since 09:30', 'UTC', '2026-11-23T09:30Z', NOW],
  ['since monday 9am', 'UTC', '2026-11-23T09:00Z', NOW],
  ['since monday 11am', 'UTC', '2026-11-16T11:00Z', NOW],
  ['since friday', 'UTC', '2026-11-20T00:00Z', NOW],
  ['after friday', 'UTC', '2026-11-20T00:00Z', NOW],
  ['since yesterday', 'UTC', '2026-11-22T00:00Z', NOW],
  ['since yesterday 18:00', 'UTC', '2026-11-22T18:00Z', NOW],
  ['since 2 hours ago', 'UTC', '2026-11-23T08:00Z', NOW],
  ['since last week', 'UTC', '2026-11-16T00:00Z', NOW],
  ['since midnight', 'UTC', '2026-11-23T00:00Z', NOW],
  ['since noon', 'UTC', '2026-11-22T12:00Z', NOW],
  ['since 2026-11-20T09:00:00Z', 'UTC', '2026-11-20T09:00Z', NOW],
  ['since dec 25', 'UTC', '2025-12-25T00:00Z', NOW, NOW, true],
  ['before friday', 'UTC', '2026-10-24T10:00Z', '2026-11-20T00:00Z'],
  ['until friday', 'UTC', '2026-10-24T10:00Z', '2026-11-21T00:00Z'],
  ['till friday', 'UTC', '2026-10-24T10:00Z', '2026-11-21T00:00Z'],
  ['before this week', 'UTC', '2026-10-24T10:00Z', '2026-11-23T00:00Z'],
  ['before 9am', 'UTC', '2026-10-24T10:00Z', '2026-11-23T09:00Z'],
  ['between friday and sunday', 'UTC', '2026-11-20T00:00Z', '2026-11-23T00:00Z'],
  ['between nov 20 and nov 22', 'UTC', '2026-11-20T00:00Z', '2026-11-23T00:00Z'],
  ['from friday to saturday', 'UTC', '2026-11-20T00:00Z', '2026-11-22T00:00Z'],
  ['from friday 9am to saturday 5pm', 'UTC', '2026-11-20T09:00Z', '2026-11-21T17:00Z'],
  ['friday - saturday', 'UTC', '2026-11-20T00:00Z', '2026-11-22T00:00Z'],
  ['nov 20 - nov 22', 'UTC', '2026-11-20T00:00Z', '2026-11-23T00:00Z'],
  ['nov 20-22', 'UTC', '2026-11-20T00:00Z', '2026-11-23T00:00Z'],
  ['from nov 20', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['between 9am and 11am', 'UTC', '2026-11-23T09:00Z', NOW],
  ['between 3 days ago and yesterday', 'UTC', '2026-11-20T00:00Z', '2026-11-23T00:00Z'],
  ['between 9am and 10am', 'UTC', '2026-11-22T09:00Z', '2026-11-22T10:00Z', '2026-11-23T08:00Z'],
  ['on nov 20', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['on friday', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['nov 20', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['20 nov 2026', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['2026-11-20', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['11/20', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['the 20th of november', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['3 days ago', 'UTC', '2026-11-20T00:00Z', '2026-11-21T00:00Z'],
  ['november', 'UTC', '2026-11-01T00:00Z', NOW],
  ['october', 'UTC', '2026-10-01T00:00Z', '2026-11-01T00:00Z', NOW, true],
  ['yesterday 9pm', 'UTC', '2026-11-22T21:00Z', NOW],
];

const newYork: Case[] = [
  ['today', 'America/New_York', '2026-11-23T05:00Z', NOW],
  ['yesterday', 'America/New_York', '2026-11-22T05:00Z', '2026-11-23T05:00Z'],
  ['this week', 'America/New_York', '2026-11-23T05:00Z', NOW],
  ['last week', 'America/New_York', '2026-11-16T05:00Z', '2026-11-23T05:00Z'],
  ['this month', 'America/New_York', '2026-11-01T04:00Z', NOW],
  ['last month', 'America/New_York', '2026-10-01T04:00Z', '2026-11-01T04:00Z', NOW, true],
  ['since 9am', 'America/New_York', '2026-11-22T14:00Z', NOW],
  ['since 4am', 'America/New_York', '2026-11-23T09:00Z', NOW],
  ['since monday 9am', 'America/New_York', '2026-11-16T14:00Z', NOW],
  ['sunday', 'America/New_York', '2026-11-22T05:00Z', '2026-11-23T05:00Z'],
  ['monday', 'America/New_York', '2026-11-23T05:00Z', NOW],
  ['last 3 days', 'America/New_York', '2026-11-20T10:00Z', NOW],
  ['between nov 20 and nov 22', 'America/New_York', '2026-11-20T05:00Z', '2026-11-23T05:00Z'],
  ['since 9am UTC', 'America/New_York', '2026-11-23T09:00Z', NOW],
];

/** Monday 2 November 2026, 10:00 EST: the day after clocks went back (Sunday 1 November, 02:00 EDT). */
const AFTER_DST = '2026-11-02T15:00:00Z';
/** Sunday 1 November 2026, 07:00 EST: the 25-hour day itself. */
const DST_DAY = '2026-11-01T12:00:00Z';

const newYorkDst: Case[] = [
  ['yesterday', 'America/New_York', '2026-11-01T04:00Z', '2026-11-02T05:00Z', AFTER_DST],
  ['sunday', 'America/New_York', '2026-11-01T04:00Z', '2026-11-02T05:00Z', AFTER_DST],
  ['last week', 'America/New_York', '2026-10-26T04:00Z', '2026-11-02T05:00Z', AFTER_DST],
  ['this week', 'America/New_York', '2026-11-02T05:00Z', AFTER_DST, AFTER_DST],
  ['today', 'America/New_York', '2026-11-02T05:00Z', AFTER_DST, AFTER_DST],
  ['this month', 'America/New_York', '2026-11-01T04:00Z', AFTER_DST, AFTER_DST],
  ['since saturday 9pm', 'America/New_York', '2026-11-01T01:00Z', AFTER_DST, AFTER_DST],
  ['nov 1 1:30am', 'America/New_York', '2026-11-01T05:30Z', AFTER_DST, AFTER_DST],
  [
    'between nov 1 1am and nov 1 3am',
    'America/New_York',
    '2026-11-01T05:00Z',
    '2026-11-01T08:00Z',
    AFTER_DST,
  ],
  ['last 24 hours', 'America/New_York', '2026-11-01T15:00Z', AFTER_DST, AFTER_DST],
  ['2 days ago', 'America/New_York', '2026-10-31T04:00Z', '2026-11-01T04:00Z', AFTER_DST],
  ['today', 'America/New_York', '2026-11-01T04:00Z', DST_DAY, DST_DAY],
  ['yesterday', 'America/New_York', '2026-10-31T04:00Z', '2026-11-01T04:00Z', DST_DAY],
  ['since 1:30am', 'America/New_York', '2026-11-01T05:30Z', DST_DAY, DST_DAY],
  ['since 3am', 'America/New_York', '2026-11-01T08:00Z', DST_DAY, DST_DAY],
  ['last 6 hours', 'America/New_York', '2026-11-01T06:00Z', DST_DAY, DST_DAY],
];

/** Monday 26 October 2026, 10:00 CET: the day after Berlin's clocks went back (Sunday 25 October). */
const BERLIN_AFTER_DST = '2026-10-26T09:00:00Z';

const berlin: Case[] = [
  ['today', 'Europe/Berlin', '2026-11-22T23:00Z', NOW],
  ['yesterday', 'Europe/Berlin', '2026-11-21T23:00Z', '2026-11-22T23:00Z'],
  ['last week', 'Europe/Berlin', '2026-11-15T23:00Z', '2026-11-22T23:00Z'],
  ['this month', 'Europe/Berlin', '2026-10-31T23:00Z', NOW],
  ['last month', 'Europe/Berlin', '2026-09-30T22:00Z', '2026-10-31T23:00Z', NOW, true],
  ['since 9am', 'Europe/Berlin', '2026-11-23T08:00Z', NOW],
  ['since noon', 'Europe/Berlin', '2026-11-22T11:00Z', NOW],
  ['yesterday', 'Europe/Berlin', '2026-10-24T22:00Z', '2026-10-25T23:00Z', BERLIN_AFTER_DST],
  ['sunday', 'Europe/Berlin', '2026-10-24T22:00Z', '2026-10-25T23:00Z', BERLIN_AFTER_DST],
  ['last week', 'Europe/Berlin', '2026-10-18T22:00Z', '2026-10-25T23:00Z', BERLIN_AFTER_DST],
  ['today', 'Europe/Berlin', '2026-10-25T23:00Z', BERLIN_AFTER_DST, BERLIN_AFTER_DST],
  ['since sunday 2:30', 'Europe/Berlin', '2026-10-25T00:30Z', BERLIN_AFTER_DST, BERLIN_AFTER_DST],
  ['since sunday 3am', 'Europe/Berlin', '2026-10-25T02:00Z', BERLIN_AFTER_DST, BERLIN_AFTER_DST],
];

const kolkata: Case[] = [
  ['today', 'Asia/Kolkata', '2026-11-22T18:30Z', NOW],
  ['yesterday', 'Asia/Kolkata', '2026-11-21T18:30Z', '2026-11-22T18:30Z'],
  ['this week', 'Asia/Kolkata', '2026-11-22T18:30Z', NOW],
  ['last month', 'Asia/Kolkata', '2026-09-30T18:30Z', '2026-10-31T18:30Z', NOW, true],
  ['since 9am', 'Asia/Kolkata', '2026-11-23T03:30Z', NOW],
  ['since 4pm', 'Asia/Kolkata', '2026-11-22T10:30Z', NOW],
  ['90m', 'Asia/Kolkata', '2026-11-23T08:30Z', NOW],
  ['since 2026-11-23', 'Asia/Kolkata', '2026-11-22T18:30Z', NOW],
];

function iso(text: string): string {
  return new Date(text).toISOString();
}

describe.each([
  ['UTC', utc],
  ['America/New_York', newYork],
  ['America/New_York across the 2026-11-01 DST change', newYorkDst],
  ['Europe/Berlin', berlin],
  ['Asia/Kolkata', kolkata],
])('time windows in %s', (_name, cases) => {
  it.each(cases)('%s (%s) -> %s .. %s', (text, tz, after, before, now = NOW, note = false) => {
    const query = parsedList(text, { now, tz });
    expect(query.filters).toEqual({ createdAfter: iso(after), createdBefore: iso(before) });
    expect(query.notes.length > 0).toBe(note);
    if (note) expect(query.notes[0]).toMatch(/^AWS Backup keeps jobs for 30 days: results start at /);
  });
});

describe('completion-time windows', () => {
  it.each([
    ['completed yesterday', ['COMPLETED'], false],
    ['completed last 24h', ['COMPLETED'], false],
    ['failed completed yesterday', ['FAILED'], false],
    ['failed or completed yesterday', ['COMPLETED', 'FAILED'], false],
    ['with issues completed yesterday', [], true],
    ['ended yesterday', [], false],
    ['finished yesterday', [], false],
    ['partial ended yesterday', ['PARTIAL'], false],
  ] as const)('%s filters on completion time', (text, states, withIssues) => {
    const query = parsedList(text);
    expect(query.states).toEqual(states);
    expect(query.withIssues).toBe(withIssues);
    const { completedAfter, completedBefore, createdAfter } = query.filters;
    expect(createdAfter).toBeUndefined();
    expect(completedAfter).toMatch(/^2026-11-2[23]T/);
    expect(completedBefore).toMatch(/^2026-11-23T/);
    expect(query.window?.field).toBe('completed');
  });

  it.each(['created yesterday', 'started yesterday'])('%s filters on creation time with no state', (text) => {
    const query = parsedList(text);
    expect(query.states).toEqual([]);
    expect(query.filters).toEqual({
      createdAfter: '2026-11-22T00:00:00.000Z',
      createdBefore: '2026-11-23T00:00:00.000Z',
    });
  });

  it('keeps "completed" a state when no window follows it', () => {
    expect(parsedList('completed').states).toEqual(['COMPLETED']);
    expect(parsedList('completed').filters).toEqual({});
  });
});

describe('window shapes kept for descriptions', () => {
  it.each([
    ['last 3 days', { kind: 'rolling', amount: 3, unit: 'day' }],
    ['24h', { kind: 'rolling', amount: 24, unit: 'hour' }],
    ['fortnight', { kind: 'rolling', amount: 2, unit: 'week' }],
    ['yesterday', { kind: 'calendar', period: 'yesterday' }],
    ['last week', { kind: 'calendar', period: 'last-week' }],
    ['friday', { kind: 'day' }],
    ['november', { kind: 'month' }],
    ['since monday 9am', { kind: 'since', precise: true }],
    ['since friday', { kind: 'since', precise: false }],
    ['before friday', { kind: 'before', precise: false }],
    ['between friday and sunday', { kind: 'range', precise: false }],
  ])('%s', (text, form) => {
    expect(parsedList(text).window).toEqual({ field: 'created', text, form });
  });
});
