import { describe, expect, it } from 'vitest';
import { MAX_AGE_MS } from '../../src/query/age.js';
import {
  type CoverageQuery,
  DEFAULT_STALE_AGE_MS,
  type JobQuery,
  type ResourceQuery,
  type StaleQuery,
} from '../../src/query/types.js';
import { parsed, parsedList } from './helpers.js';

const H = 3_600_000;
const D = 24 * H;
const NO_FILTERS = { accounts: [], regions: [], resourceTypes: [], vaults: [] };

function of<K extends JobQuery['kind']>(kind: K, text: string): Extract<JobQuery, { kind: K }> {
  const query = parsed(text);
  if (query.kind !== kind) throw new Error(`"${text}" parsed as ${query.kind}, not ${kind}`);
  return query as Extract<JobQuery, { kind: K }>;
}

const stale = (text: string): StaleQuery => of('stale', text);
const coverage = (text: string): CoverageQuery => of('coverage', text);
const resource = (text: string): ResourceQuery => of('resource', text);

describe('stale', () => {
  it.each([
    ['stale 24h', 24 * H],
    ['stale 2d', 2 * D],
    ['stale 1h30m', 1.5 * H],
    ['stale 1h 30m', 1.5 * H],
    ['stale 90 minutes', 1.5 * H],
    ['stale 2 days', 2 * D],
    ['stale 2 days 12 hours', 60 * H],
    ['stale fortnight', 14 * D],
    ['stale 1w', 7 * D],
    ['STALE 36H', 36 * H],
    ['stale in the last 2 days', 2 * D],
    ['stale last 12h', 12 * H],
    ['stale older than 48h', 2 * D],
    ['stale 3 days ago', 3 * D],
    ['stale resources with no good backup in the last 24h', 24 * H],
    ['stale 45d', 45 * D],
    ['stale 365d', 365 * D],
    ['stale', DEFAULT_STALE_AGE_MS],
  ])('%s is an age of %d ms', (text, ms) => {
    const query = stale(text);
    expect(query.maxAgeMs).toBe(ms);
    expect(query.copies).toBe(false);
  });

  it('defaults to backups, no filters, a page of 10, for the asker only', () => {
    expect(stale('stale')).toEqual({
      kind: 'stale',
      text: 'stale',
      notes: [],
      visibility: 'ephemeral',
      maxAgeMs: 26 * H,
      copies: false,
      filters: NO_FILTERS,
      pageSize: 10,
    });
  });

  it.each([
    ['stale copies 48h', 2 * D],
    ['stale copy 2d', 2 * D],
    ['stale 30d copies', 30 * D],
    ['stale copies', DEFAULT_STALE_AGE_MS],
  ])('%s asks about copies', (text, ms) => {
    expect(stale(text)).toMatchObject({ copies: true, maxAgeMs: ms });
  });

  it('takes `backups` as the default it is', () => {
    expect(stale('stale backups 24h')).toMatchObject({ copies: false, maxAgeMs: 24 * H });
  });

  it('takes every filter several times, as key:value, comma lists and bare words', () => {
    expect(stale('stale 24h type:rds type:ebs').filters.resourceTypes).toEqual(['RDS', 'EBS']);
    expect(stale('stale type:rds,ebs,dynamo').filters.resourceTypes).toEqual(['RDS', 'EBS', 'DynamoDB']);
    expect(stale('stale region:eu-west-1,us-east-1 region:eu-west-1').filters.regions).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
    expect(stale('stale account:111122223333 account:444455556666').filters.accounts).toEqual([
      '111122223333',
      '444455556666',
    ]);
    expect(stale('stale vault:prod,dr-vault').filters.vaults).toEqual(['prod', 'dr-vault']);
    expect(stale('stale rds eu-west-1 111122223333').filters).toEqual({
      accounts: ['111122223333'],
      regions: ['eu-west-1'],
      resourceTypes: ['RDS'],
      vaults: [],
    });
    expect(stale('stale resource-type:storage_gateway').filters.resourceTypes).toEqual(['Storage Gateway']);
  });

  it('reads account:* as every account, whatever else is named', () => {
    expect(stale('stale account:*').filters.accounts).toEqual(['*']);
    expect(stale('stale account:111122223333 account:*').filters.accounts).toEqual(['*']);
  });

  it('passes a type AWS may have added since through as typed, as lists do', () => {
    expect(stale('stale type:Quantum').filters.resourceTypes).toEqual(['Quantum']);
    expect(parsedList('type:Quantum').filters.resourceType).toBe('Quantum');
  });

  it('takes a page size as lists do, and public', () => {
    expect(stale('stale limit:20').pageSize).toBe(20);
    expect(stale('stale 25 per page').pageSize).toBe(25);
    expect(stale('stale limit 5').pageSize).toBe(5);
    expect(stale('stale limit:20 limit:20').pageSize).toBe(20);
    expect(stale('stale public').visibility).toBe('in_channel');
    expect(parsed('stale', { defaultPageSize: 30 })).toMatchObject({ pageSize: 30 });
    expect(parsed('stale', { defaultPageSize: 500 })).toMatchObject({ pageSize: 50 });
  });

  it('reads the words in any order', () => {
    const a = stale('stale copies 48h type:rds account:* region:eu-west-1 limit:20 public');
    const b = stale('stale public limit:20 region:eu-west-1 account:* type:rds 48h copies');
    expect({ ...b, text: a.text }).toEqual(a);
  });

  it('survives a JSON round trip unchanged (queries are stored with cursors)', () => {
    const query = stale('stale copies 2d type:rds,ebs account:* vault:prod');
    expect(JSON.parse(JSON.stringify(query))).toEqual(query);
  });
});

describe('coverage', () => {
  it('counts with the default age, or the one typed, and the filters of stale', () => {
    expect(coverage('coverage')).toEqual({
      kind: 'coverage',
      text: 'coverage',
      notes: [],
      visibility: 'ephemeral',
      maxAgeMs: DEFAULT_STALE_AGE_MS,
      filters: NO_FILTERS,
    });
    expect(coverage('coverage 48h').maxAgeMs).toBe(2 * D);
    expect(coverage('coverage type:rds account:* region:eu-west-1,us-east-1 public')).toMatchObject({
      maxAgeMs: DEFAULT_STALE_AGE_MS,
      visibility: 'in_channel',
      filters: { accounts: ['*'], regions: ['eu-west-1', 'us-east-1'], resourceTypes: ['RDS'], vaults: [] },
    });
    expect(coverage('coverage 365d vault:prod').maxAgeMs).toBe(MAX_AGE_MS);
  });
});

describe('resource', () => {
  it.each([
    ['resource arn:aws:rds:eu-west-1:111122223333:db:orders', 'arn:aws:rds:eu-west-1:111122223333:db:orders'],
    ['resource ARN:aws:s3:::My-Bucket', 'arn:aws:s3:::My-Bucket'],
    ['resource resource:arn:aws:s3:::b', 'arn:aws:s3:::b'],
    [
      'resource arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc12',
      'arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc12',
    ],
    ['resource orders', 'orders'],
    ['resource Orders-DB', 'Orders-DB'],
    ['resource "my db"', 'my db'],
    ['resource \u201cmy db\u201d', 'my db'],
    ['resource my db', 'my db'],
    ['resource db:orders', 'db:orders'],
    ['resource "arn:aws:s3:::b"', 'arn:aws:s3:::b'],
  ])('%s asks about %s', (text, target) => {
    expect(resource(text)).toEqual({ kind: 'resource', text, notes: [], visibility: 'ephemeral', target });
  });

  it('takes public out, wherever it is', () => {
    expect(resource('resource public orders')).toMatchObject({ target: 'orders', visibility: 'in_channel' });
    expect(resource('resource orders public')).toMatchObject({ target: 'orders', visibility: 'in_channel' });
  });
});

describe('the new first words leave the queries before them as they were', () => {
  it('keeps resource:ARN and arn:… filters of lists', () => {
    const arn = 'arn:aws:rds:eu-west-1:111122223333:db:orders';
    expect(parsedList(`failed resource:${arn}`).filters.resourceArn).toBe(arn);
    expect(parsedList(`resource:${arn} failed`).filters.resourceArn).toBe(arn);
    expect(parsedList(`${arn} failed`).filters.resourceArn).toBe(arn);
    expect(parsedList(`copies resource:${arn}`)).toMatchObject({
      jobKind: 'copy',
      filters: { resourceArn: arn },
    });
  });

  it('keeps `copies` a kind of job in lists, and summaries and help as they were', () => {
    expect(parsedList('copies failed last 2d')).toMatchObject({ jobKind: 'copy', states: ['FAILED'] });
    expect(parsed('summary 7d').kind).toBe('summary');
    expect(parsed('help').kind).toBe('help');
  });

  it('opens the help topic of protection gaps by each of its words', () => {
    for (const word of ['stale', 'coverage', 'resource', 'resources', 'gaps', 'protection'])
      expect(parsed(`help ${word}`)).toMatchObject({ kind: 'help', topic: 'protection' });
  });
});
