import { describe, expect, it } from 'vitest';
import {
  ACTION,
  actionPattern,
  decodeResourceValue,
  decodeStalePageValue,
  encodeResourceValue,
  encodeStalePageValue,
  hasResourceValue,
  hasStalePageValue,
  indexedActionId,
  MAX_BUTTON_VALUE,
  MAX_RESOURCE_ARN,
} from '../../src/blocks/actions.js';

describe('stale page values', () => {
  it('carry the query text and the page, and read back the same', () => {
    const value = encodeStalePageValue({ text: 'stale 24h type:rds vault:prod', page: 3 });
    expect(value).toBe('3:stale 24h type:rds vault:prod');
    expect(decodeStalePageValue(value)).toEqual({ text: 'stale 24h type:rds vault:prod', page: 3 });
  });

  it('keep a colon, quotes and non-ASCII in the text', () => {
    const text = 'stale 2d type:"SAP HANA on Amazon EC2" account:123456789012 données';
    expect(decodeStalePageValue(encodeStalePageValue({ text, page: 12 }))).toEqual({ text, page: 12 });
  });

  it('put the text on one line as Run again does', () => {
    expect(encodeStalePageValue({ text: '  stale\n24h\t copies ', page: 1 })).toBe('1:stale 24h copies');
  });

  it('fit a text up to Slack’s value limit, and refuse to cut a longer one', () => {
    const longest = `stale 24h ${'x'.repeat(MAX_BUTTON_VALUE - '999999:stale 24h '.length)}`;
    expect(encodeStalePageValue({ text: longest, page: 999_999 })).toHaveLength(MAX_BUTTON_VALUE);
    expect(hasStalePageValue({ text: `${longest}y`, page: 999_999 })).toBe(false);
    expect(() => encodeStalePageValue({ text: `${longest}y`, page: 999_999 })).toThrow(RangeError);
  });

  it.each([0, -1, 1.5, 1_000_000, Number.NaN])('refuse page %s', (page) => {
    expect(hasStalePageValue({ text: 'stale 24h', page })).toBe(false);
    expect(() => encodeStalePageValue({ text: 'stale 24h', page })).toThrow(RangeError);
  });

  it('refuse an empty text', () => {
    expect(() => encodeStalePageValue({ text: ' \n ', page: 1 })).toThrow(RangeError);
  });

  it.each([
    'stale 24h',
    ':stale 24h',
    '0:stale 24h',
    '01:stale 24h',
    '-1:stale 24h',
    '1.5:stale 24h',
    '1000000:stale 24h',
    '1:',
    '1: stale 24h',
    '1:stale 24h ',
    '1:stale  24h',
    '1:stale\n24h',
    '1:stale\t24h',
    '1:stale\u0000 24h',
    '1:stale\u0085 24h',
    `1:${'x'.repeat(MAX_BUTTON_VALUE)}`,
    7,
    null,
    undefined,
    { text: 'stale 24h', page: 1 },
  ])('reject the tampered value %j', (value) => {
    expect(decodeStalePageValue(value)).toBeNull();
  });
});

describe('resource values', () => {
  const arns = [
    'arn:aws:rds:us-east-1:123456789012:db:orders-db',
    'arn:aws:s3:::my-bucket',
    'arn:aws-us-gov:ec2:us-gov-west-1:123456789012:volume/vol-0abc',
    'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders_2026',
    'arn:aws:backup-gateway:eu-west-1:123456789012:vm/vm-0123',
  ];

  it.each(arns)('carry the ARN %s as it is', (arn) => {
    expect(hasResourceValue(arn)).toBe(true);
    expect(encodeResourceValue(arn)).toBe(arn);
    expect(decodeResourceValue(encodeResourceValue(arn))).toBe(arn);
  });

  it('take ARNs up to the length a query can name', () => {
    const arn = `arn:aws:ec2:us-east-1:123456789012:volume/${'v'.repeat(MAX_RESOURCE_ARN)}`.slice(
      0,
      MAX_RESOURCE_ARN,
    );
    expect(decodeResourceValue(arn)).toBe(arn);
    expect(decodeResourceValue(`${arn}v`)).toBeNull();
  });

  it.each([
    '',
    'orders-db',
    'arn:aws:rds',
    'arn::rds:us-east-1:123456789012:db:x',
    'arn:aws:rds:us-east-1:12345:db:x',
    'arn:aws:rds:us-east-1:123456789012:',
    'arn:aws:rds:us-east-1:123456789012:db:has space',
    'arn:aws:rds:us-east-1:123456789012:db:"quoted"',
    'arn:aws:rds:us-east-1:123456789012:db:<!channel>',
    'arn:aws:rds:us-east-1:123456789012:db:a&b',
    'arn:aws:rds:us-east-1:123456789012:db:`x`',
    'arn:aws:rds:us-east-1:123456789012:db:données',
    'arn:aws:rds:us-east-1:123456789012:db:x\n',
    ' arn:aws:rds:us-east-1:123456789012:db:x',
    42,
    null,
  ])('reject %j', (value) => {
    expect(decodeResourceValue(value)).toBeNull();
    if (typeof value === 'string') expect(() => encodeResourceValue(value)).toThrow(RangeError);
  });
});

describe('resource action ids', () => {
  it('match a Resource button per line and not the other buttons', () => {
    const pattern = actionPattern(ACTION.resource);
    expect(pattern.test(indexedActionId(ACTION.resource, 49))).toBe(true);
    expect(pattern.test(ACTION.stalePrev)).toBe(false);
    expect(actionPattern(ACTION.stalePrev).test(ACTION.staleNext)).toBe(false);
    expect(actionPattern(ACTION.exportCsv).test(ACTION.staleExportCsv)).toBe(false);
  });
});
