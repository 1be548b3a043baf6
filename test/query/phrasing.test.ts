import { describe, expect, it } from 'vitest';
import { toParseJson } from '../../src/query/json.js';
import { parseQuery } from '../../src/query/parse.js';
import type { JobQuery } from '../../src/query/types.js';

/**
 * Phrasings as people type them, each read as the query its grammar form gives. Written from how
 * SREs ask, not from the help text; every pair is checked in three zones (one across a DST change).
 */
const NOW = new Date('2026-11-25T15:00:00Z');
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];

function read(text: string, timeZone: string, now = NOW): JobQuery {
  const parsed = parseQuery(text, { now, timeZone });
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.error}`);
  return parsed.query;
}

/** The parse JSON without what restates the typed words. */
function meaning(query: JobQuery) {
  const { notes: _notes, ...json } = toParseJson(query) as ReturnType<typeof toParseJson> & {
    notes?: string[];
  };
  return json;
}

/** [as people type it, the grammar form it means]. */
const SAME: [string, string][] = [
  // filters as words
  ['failed in the prod vault last 3 days', 'failed vault:prod last 3 days'],
  ['vault prod failed', 'failed vault:prod'],
  ['failed in vault prod', 'failed vault:prod'],
  ['prod vault failures yesterday', 'failed vault:prod yesterday'],
  ['show me failed jobs in the Default vault', 'failed vault:Default'],
  ['backups in the prod-eu vault that failed this week', 'failed vault:prod-eu this week'],
  ['failed backups from the prod vault', 'failed vault:prod'],
  ['failed rds jobs in account 123456789012', 'failed type:rds account:123456789012'],
  ['failed in account 123456789012', 'failed account:123456789012'],
  ['account 123456789012 failed last 24h', 'failed account:123456789012 last 24h'],
  ['type rds failed', 'failed type:rds'],
  ['resource type rds failed', 'failed type:rds'],
  ['failed of type dynamodb', 'failed type:dynamodb'],
  ['failed resource type ebs last week', 'failed type:ebs last week'],
  ['failed in all accounts', 'failed account:*'],
  ['failed across the org', 'failed account:*'],
  ['failed across the organization yesterday', 'failed account:* yesterday'],
  ['failures org-wide last 7 days', 'failed account:* last 7 days'],
  ['failed in every account', 'failed account:*'],
  ['partial across all accounts this week', 'partial account:* this week'],
  ['failed in region eu-west-1', 'failed region:eu-west-1'],
  ['failed region us-east-1 today', 'failed region:us-east-1 today'],
  // resource nouns and names
  ['failed backups of ec2 instances', 'failed type:ec2'],
  ['failed instances', 'failed type:ec2'],
  ['dynamodb tables that failed', 'failed type:dynamodb'],
  ['failed tables last 3 days', 'failed type:dynamodb last 3 days'],
  ['failed efs file systems', 'failed type:efs'],
  ['failed file systems', 'failed type:efs'],
  ['failed fsx file systems', 'failed type:fsx'],
  ['failed vms', 'failed type:virtualmachine'],
  ['failed virtual machines', 'failed type:virtualmachine'],
  ['failed sap hana', 'failed type:"SAP HANA on Amazon EC2"'],
  ['failed storage gateway', 'failed type:"Storage Gateway"'],
  ['failed dynamo db', 'failed type:dynamodb'],
  ['failed document db clusters', 'failed type:documentdb'],
  ['failed aurora clusters', 'failed type:aurora'],
  ['failed redshift clusters this week', 'failed type:redshift this week'],
  ['failed ebs volumes', 'failed type:ebs'],
  ['failed volumes', 'failed type:ebs'],
  ['failed s3 buckets', 'failed type:s3'],
  ['failed buckets yesterday', 'failed type:s3 yesterday'],
  ['failed cloudformation stacks', 'failed type:cloudformation'],
  ['failed stacks', 'failed type:cloudformation'],
  ['failed rds databases', 'failed type:rds'],
  ['failed rds instances', 'failed type:rds'],
  ['failed timestream tables', 'failed type:timestream'],
  ['failed neptune clusters', 'failed type:neptune'],
  ['failed eks clusters', 'failed type:eks'],
  // windows people say
  ['within the last 6 hours', 'last 6 hours'],
  ['failed within 6 hours', 'failed last 6 hours'],
  ['during the last 2 weeks', 'last 2 weeks'],
  ['failed over the last 3 days', 'failed last 3 days'],
  ['failed in the past 24 hours', 'failed past 24 hours'],
  ['failed in the last day', 'failed last 1 day'],
  ['failed for the last 12 hours', 'failed last 12 hours'],
  ['failed over the past week', 'failed last 1 week'],
  ['failed jobs from yesterday', 'failed yesterday'],
  ['failed from monday', 'failed on monday'],
  ['failed from nov 20', 'failed on nov 20'],
  ['failed from 9am', 'failed since 9am'],
  ['completed from yesterday', 'completed yesterday'],
  ['failed over the weekend', 'failed weekend'],
  ['failed during the weekend', 'failed weekend'],
  ['failed on the weekend', 'failed weekend'],
  ['failed this weekend', 'failed weekend'],
  ['failed on the 20th', 'failed on nov 20'],
  ['failed the 20th', 'failed nov 20'],
  ['failed 20th', 'failed nov 20'],
  ['failed since the 18th', 'failed since nov 18'],
  ['failed between the 18th and the 20th', 'failed between nov 18 and nov 20'],
  ['failed on the 2nd', 'failed on nov 2'],
  ['failed on 2026-11-20', 'failed on nov 20'],
  ['failed 2026-11-20', 'failed nov 20'],
  ['yesterday between 1am and 3am', 'between yesterday 1am and yesterday 3am'],
  ['failed yesterday from 1am to 3am', 'failed between yesterday 1am and yesterday 3am'],
  ['failed yesterday 1am-3am', 'failed between yesterday 1am and yesterday 3am'],
  ['failed today between 9 and 11', 'failed between today 9am and today 11am'],
  ['friday 9-17', 'between friday 9am and friday 5pm'],
  ['failed monday 9am-5pm', 'failed between monday 9am and monday 5pm'],
  ['failed friday 9-5', 'failed between friday 9am and friday 5pm'],
  ['failed friday 13:00 to 15:30', 'failed between friday 13:00 and friday 15:30'],
  // now
  ['what is running right now', 'running'],
  ["what's running?", 'running'],
  ['running right now', 'running'],
  ['jobs running currently', 'running'],
  ['now', 'created pending running aborting'],
  ['what is happening right now', 'created pending running aborting'],
  ['copies running now', 'copies running'],
  ['restores running at the moment', 'restores running'],
  ['pending now', 'pending'],
  // message categories
  ['failed with access denied', 'failed category:AccessDenied'],
  ['access denied failures last 3 days', 'failed category:AccessDenied last 3 days'],
  ['failed with permission denied', 'failed category:AccessDenied'],
  ['failed with invalid parameters', 'failed category:InvalidParameters'],
  ['invalid parameter failures this week', 'failed category:InvalidParameters this week'],
  // visibility
  ['share failed last 3 days', 'failed last 3 days public'],
  ['failed last 3 days in channel', 'failed last 3 days public'],
  ['failed last 3 days in the channel', 'failed last 3 days public'],
  ['failed yesterday for everyone', 'failed yesterday public'],
  ['post failed today to the channel', 'failed today public'],
  ['summary 7d in channel', 'summary 7d public'],
  // details, ids, alert verbs
  ['show job 1F2A3B4C-1111-2222-3333-444455556666', 'job 1F2A3B4C-1111-2222-3333-444455556666'],
  ['show me job 1F2A3B4C-1111-2222-3333-444455556666', 'job 1F2A3B4C-1111-2222-3333-444455556666'],
  ['details 1F2A3B4C-1111-2222-3333-444455556666', 'job 1F2A3B4C-1111-2222-3333-444455556666'],
  ['1F2A3B4C-1111-2222-3333-444455556666', 'job 1F2A3B4C-1111-2222-3333-444455556666'],
  ['1f2a3b4c', 'job 1f2a3b4c'],
  ['copy 1F2A3B4C-1111-2222-3333-444455556666', 'copy job 1F2A3B4C-1111-2222-3333-444455556666'],
  ['mute prod-failures for 2 hours', 'alerts mute prod-failures 2h'],
  ['mute prod-failures 30m', 'alerts mute prod-failures 30m'],
  ['snooze prod-failures for 1 day', 'alerts mute prod-failures 1d'],
  ['silence prod-failures', 'alerts mute prod-failures'],
  ['unmute prod-failures', 'alerts unmute prod-failures'],
  // summaries
  ['daily summary', 'summary daily'],
  ['daily summary of failed jobs', 'summary daily failed'],
  ['weekly summary', 'summary 7d'],
  ['fortnightly summary', 'summary 14d'],
  ['show me the summary', 'summary'],
  ['summary for the last 7 days', 'summary 7d'],
  ['weekly copy summary', 'copy summary 7d'],
  // kinds and protection questions in words
  ['copies that failed in the prod vault', 'copies failed vault:prod'],
  ['copies from the prod vault to the dr vault', 'copies from vault:prod to vault:dr'],
  ['restores of rds instances that failed', 'restores failed type:rds'],
  ['stale 24h in the prod vault', 'stale 24h vault:prod'],
  ['stale 24h ec2 instances in account 111122223333', 'stale 24h type:ec2 account:111122223333'],
  ['stale copies 48h across the org', 'stale copies 48h account:*'],
  ['coverage for rds instances', 'coverage type:rds'],
  ['coverage in region eu-west-1', 'coverage region:eu-west-1'],
];

describe('phrasing: words mean what their grammar forms mean', () => {
  const rows = ZONES.flatMap((zone) => SAME.map(([said, form]) => [said, form, zone] as const));
  it('holds at least 300 phrasings', () => {
    expect(rows.length + EXACT.length + CORRECTED.length + REFUSED.length).toBeGreaterThanOrEqual(300);
  });
  it.each(rows)('%s = %s (%s)', (said, form, zone) => {
    expect(meaning(read(said, zone))).toEqual(meaning(read(form, zone)));
  });
});

/** [typed, zone, now, kind, start, end] for the windows the grammar had no form for. */
const EXACT: [string, string, string, string, string][] = [
  // Wednesday 25 Nov 2026, 10:00 in New York
  [
    'last weekend',
    'America/New_York',
    '2026-11-25T15:00:00Z',
    '2026-11-21T05:00:00.000Z',
    '2026-11-23T05:00:00.000Z',
  ],
  [
    'over the weekend',
    'Europe/Berlin',
    '2026-11-25T15:00:00Z',
    '2026-11-20T23:00:00.000Z',
    '2026-11-22T23:00:00.000Z',
  ],
  // on a Sunday, "the weekend" is this one so far, "last weekend" the one before
  [
    'over the weekend',
    'Europe/Berlin',
    '2026-11-22T12:00:00Z',
    '2026-11-20T23:00:00.000Z',
    '2026-11-22T12:00:00.000Z',
  ],
  [
    'last weekend',
    'Europe/Berlin',
    '2026-11-22T12:00:00Z',
    '2026-11-13T23:00:00.000Z',
    '2026-11-15T23:00:00.000Z',
  ],
  // across the end of daylight saving time in New York (1 Nov 2026)
  [
    'last weekend',
    'America/New_York',
    '2026-11-03T15:00:00Z',
    '2026-10-31T04:00:00.000Z',
    '2026-11-02T05:00:00.000Z',
  ],
  [
    'last night',
    'America/New_York',
    '2026-11-25T15:00:00Z',
    '2026-11-24T23:00:00.000Z',
    '2026-11-25T11:00:00.000Z',
  ],
  [
    'overnight',
    'Asia/Kolkata',
    '2026-11-25T15:00:00Z',
    '2026-11-24T12:30:00.000Z',
    '2026-11-25T00:30:00.000Z',
  ],
  [
    'last night',
    'America/New_York',
    '2026-11-02T12:00:00Z',
    '2026-11-01T23:00:00.000Z',
    '2026-11-02T11:00:00.000Z',
  ],
  [
    'this morning',
    'Europe/Berlin',
    '2026-11-25T15:00:00Z',
    '2026-11-25T05:00:00.000Z',
    '2026-11-25T11:00:00.000Z',
  ],
  [
    'this morning',
    'America/New_York',
    '2026-11-25T15:00:00Z',
    '2026-11-25T11:00:00.000Z',
    '2026-11-25T15:00:00.000Z',
  ],
  [
    'yesterday afternoon',
    'Europe/Berlin',
    '2026-11-25T15:00:00Z',
    '2026-11-24T11:00:00.000Z',
    '2026-11-24T17:00:00.000Z',
  ],
  [
    'yesterday evening',
    'Asia/Kolkata',
    '2026-11-25T15:00:00Z',
    '2026-11-24T12:30:00.000Z',
    '2026-11-24T18:30:00.000Z',
  ],
  [
    'on the 20th',
    'Asia/Kolkata',
    '2026-11-25T15:00:00Z',
    '2026-11-19T18:30:00.000Z',
    '2026-11-20T18:30:00.000Z',
  ],
  // a day still to come this month is last month's
  [
    'on the 28th',
    'Europe/Berlin',
    '2026-11-25T15:00:00Z',
    '2026-10-27T23:00:00.000Z',
    '2026-10-28T23:00:00.000Z',
  ],
  // November has no 31st: October's
  ['on the 31st', 'UTC', '2026-11-25T15:00:00Z', '2026-10-31T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
  // numeric dates in the order the zone's people write them; ISO always
  [
    'on 11/20',
    'America/New_York',
    '2026-11-25T15:00:00Z',
    '2026-11-20T05:00:00.000Z',
    '2026-11-21T05:00:00.000Z',
  ],
  [
    'on 20/11',
    'Europe/Berlin',
    '2026-11-25T15:00:00Z',
    '2026-11-19T23:00:00.000Z',
    '2026-11-20T23:00:00.000Z',
  ],
  [
    'on 20.11.2026',
    'Europe/Berlin',
    '2026-11-25T15:00:00Z',
    '2026-11-19T23:00:00.000Z',
    '2026-11-20T23:00:00.000Z',
  ],
  [
    'on 2026-11-20',
    'Europe/Berlin',
    '2026-11-25T15:00:00Z',
    '2026-11-19T23:00:00.000Z',
    '2026-11-20T23:00:00.000Z',
  ],
  [
    'yesterday between 1am and 3am',
    'Europe/Berlin',
    '2026-11-25T15:00:00Z',
    '2026-11-24T00:00:00.000Z',
    '2026-11-24T02:00:00.000Z',
  ],
  [
    'friday 9-17',
    'Asia/Kolkata',
    '2026-11-25T15:00:00Z',
    '2026-11-20T03:30:00.000Z',
    '2026-11-20T11:30:00.000Z',
  ],
  // the Sunday daylight saving time ended in New York: 1am-3am is three hours
  [
    'sunday between 1am and 3am',
    'America/New_York',
    '2026-11-03T15:00:00Z',
    '2026-11-01T05:00:00.000Z',
    '2026-11-01T08:00:00.000Z',
  ],
  [
    'from yesterday',
    'Asia/Kolkata',
    '2026-11-25T15:00:00Z',
    '2026-11-23T18:30:00.000Z',
    '2026-11-24T18:30:00.000Z',
  ],
];

describe('phrasing: windows with no grammar form of their own', () => {
  it.each(EXACT)('%s (%s, at %s)', (text, zone, now, start, end) => {
    const query = read(text, zone, new Date(now));
    expect(query.kind).toBe('list');
    if (query.kind !== 'list') return;
    expect(query.filters.createdAfter).toBe(start);
    expect(query.filters.createdBefore).toBe(end);
  });
});

/** [typed, read as, the note]: a word near one word only is read as it, and the reply says so. */
const CORRECTED: [string, string, string][] = [
  ['faild last 3 days', 'failed last 3 days', 'Read *faild* as *failed*.'],
  ['faild', 'failed', 'Read *faild* as *failed*.'],
  ['fialed yesterday', 'failed yesterday', 'Read *fialed* as *failed*.'],
  ['failed last 3 dyas', 'failed last 3 days', 'Read *dyas* as *days*.'],
  [
    'faild partal lsat week',
    'failed partial last week',
    'Read *faild* as *failed*, *partal* as *partial* and *lsat* as *last*.',
  ],
  ['yesterdy', 'yesterday', 'Read *yesterdy* as *yesterday*.'],
  ['runing', 'running', 'Read *runing* as *running*.'],
  ['pubilc', 'public', 'Read *pubilc* as *public*.'],
  ['sumary 7d', 'summary 7d', 'Read *sumary* as *summary*.'],
  ['copys failed', 'copy failed', 'Read *copys* as *copies*.'],
  ['restors', 'restores', 'Read *restors* as *restores*.'],
  ['stale 24h copeis', 'stale 24h copies', 'Read *copeis* as *copies*.'],
  ['how many faild this week', 'how many failed this week', 'Read *faild* as *failed*.'],
  ['failed over the wekend', 'failed over the weekend', 'Read *wekend* as *weekend*.'],
  ['pendng', 'pending', 'Read *pendng* as *pending*.'],
];

describe('phrasing: misspellings', () => {
  it.each(CORRECTED)('%s reads as %s', (typed, meant, note) => {
    const query = read(typed, 'UTC');
    expect(meaning(query)).toEqual(meaning(read(meant, 'UTC')));
    expect(query.notes[0]).toBe(note);
  });
});

describe('phrasing: questions', () => {
  it('reads how many as a count of what the same words would list', () => {
    const count = read('how many failed last 24h', 'UTC');
    expect(count.kind).toBe('count');
    if (count.kind !== 'count') return;
    expect(count.list).toEqual({ ...read('failed last 24h', 'UTC'), text: 'how many failed last 24h' });
    for (const text of [
      'how many backups failed this week?',
      'number of failed copies today',
      'count partial yesterday',
    ])
      expect(read(text, 'UTC').kind).toBe('count');
  });

  it('ranks resources by failures, ten unless a number says otherwise', () => {
    const top = read('top failing resources last 7 days', 'UTC');
    expect(top).toMatchObject({ kind: 'top', limit: 10 });
    if (top.kind !== 'top') return;
    expect(top.list.states).toEqual(['FAILED']);
    expect(read('top 5 failing rds resources last 30 days', 'UTC')).toMatchObject({
      kind: 'top',
      limit: 5,
      list: { states: ['FAILED'], filters: { resourceType: 'RDS' } },
    });
    expect(read('top 3 partial resources this week', 'UTC')).toMatchObject({
      limit: 3,
      list: { states: ['PARTIAL'] },
    });
    expect(read('top 100 failing resources', 'UTC')).toMatchObject({ limit: 25 });
  });

  it('groups summaries by account, Region, resource type or state', () => {
    expect(read('summary by account', 'UTC')).toMatchObject({ kind: 'summary', groupBy: 'account' });
    expect(read('summary by region', 'UTC')).toMatchObject({ groupBy: 'region' });
    expect(read('weekly summary by resource type', 'UTC')).toMatchObject({
      groupBy: 'resourceType',
      summary: { period: 'SEVEN_DAYS' },
    });
    expect(read('summary 14d by state', 'UTC')).toMatchObject({
      groupBy: 'state',
      summary: { period: 'FOURTEEN_DAYS' },
    });
    expect(toParseJson(read('summary by account', 'UTC'))).toMatchObject({ groupBy: 'account' });
  });
});

/** [typed, the message a person sees]: phrasings read with too little confidence are asked about. */
const REFUSED: [string, string][] = [
  [
    'clusters that failed',
    '"clusters" could be Aurora, DocumentDB, Neptune, Redshift, EKS: say which, like "aurora clusters".',
  ],
  [
    'failed databases',
    '"databases" could be RDS, Aurora, DynamoDB, DocumentDB, Neptune: say which, like "rds databases".',
  ],
  [
    'failed right now',
    '"failed" jobs have ended, so "right now" cannot find them. Try "failed last 1h" for the latest, or "running right now".',
  ],
  [
    'failed last 3 days right now',
    '"right now" asks about jobs running at this moment, so it takes no time window. Try "running right now", or drop "right now" to search the window.',
  ],
  [
    'summary right now',
    'A summary counts jobs over days, so "right now" cannot narrow it. Try "running now" to list the jobs running at this moment.',
  ],
  [
    'summary by colour',
    'A summary can be grouped by account, Region, resource type or state: "by colour" is not one of them.',
  ],
  ['summary by account by region', '"by account" and "by region" conflict: a summary takes one grouping.'],
  [
    'yesterday between 3am and 1am',
    '"yesterday between 3am and 1am": the end comes before the start; give the earlier hour first.',
  ],
  ['fald last 3 days', '"fald" is not a word I know — did you mean failed?'],
  ['wek', '"wek" is not a word I know — did you mean week?'],
  ['how many xyzzy', '"xyzzy" is not a word I know. Type "help" to see the words I understand.'],
];

describe('phrasing: what is asked rather than guessed', () => {
  it.each(REFUSED)('%s', (text, error) => {
    const parsed = parseQuery(text, { now: NOW, timeZone: 'UTC' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.error).toBe(error);
  });
});
