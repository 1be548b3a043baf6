import { describe, expect, it } from 'vitest';
import {
  ACTION,
  actionPattern,
  decodeCursorValue,
  decodeDetailsValue,
  decodePageValue,
  decodeQueryValue,
  encodeCursorValue,
  encodeDetailsValue,
  encodePageValue,
  encodeQueryValue,
  indexedActionId,
} from '../../src/blocks/actions.js';

describe('action ids', () => {
  it('are distinct, prefixed and within Slack’s 255 characters', () => {
    const ids = Object.values(ACTION);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^bj_[a-z_]{1,60}$/);
  });

  it('match their indexed forms and nothing else', () => {
    const details = actionPattern(ACTION.details);
    expect(details.test(ACTION.details)).toBe(true);
    expect(details.test(indexedActionId(ACTION.details, 12))).toBe(true);
    expect(details.test(ACTION.detailsSelect)).toBe(false);
    expect(details.test(`${ACTION.details}:x`)).toBe(false);
  });
});

describe('cursor values', () => {
  it('carry the cursor id and nothing else', () => {
    expect(encodeCursorValue('Zm9vYmFy_-')).toBe('Zm9vYmFy_-');
    expect(decodeCursorValue('Zm9vYmFy_-')).toBe('Zm9vYmFy_-');
  });

  it.each(['', 'a b', 'x'.repeat(201), 'é', 42, null, undefined])('reject %s', (value) => {
    expect(decodeCursorValue(value)).toBeNull();
  });

  it('refuse to encode a value that could not be decoded', () => {
    expect(() => encodeCursorValue('has space')).toThrow(RangeError);
  });
});

describe('page values', () => {
  it('name a cursor and a page, and read back the same', () => {
    expect(encodePageValue({ cursorId: 'Zm9vYmFy_-', page: 3 })).toBe('Zm9vYmFy_-:3');
    expect(decodePageValue('Zm9vYmFy_-:3')).toEqual({ cursorId: 'Zm9vYmFy_-', page: 3 });
  });

  it.each([
    'Zm9vYmFy_-',
    'Zm9vYmFy_-:0',
    'Zm9vYmFy_-:-1',
    'Zm9vYmFy_-:1.5',
    ':2',
    'a b:2',
    'x:9999999',
    7,
    null,
  ])('reject %s', (value) => {
    expect(decodePageValue(value)).toBeNull();
  });

  it('refuse to encode a page that is not a whole number from 1', () => {
    expect(() => encodePageValue({ cursorId: 'abc', page: 0 })).toThrow(RangeError);
    expect(() => encodePageValue({ cursorId: 'abc', page: 2.5 })).toThrow(RangeError);
  });
});

describe('details values', () => {
  it('round-trip region and job id, a backup job when no kind is named', () => {
    const target = { region: 'us-gov-west-1', jobId: 'A1B2C3D4-0000-4000-8000-000000000001' };
    expect(encodeDetailsValue(target)).toBe('us-gov-west-1/A1B2C3D4-0000-4000-8000-000000000001');
    expect(decodeDetailsValue(encodeDetailsValue(target))).toEqual({ ...target, kind: 'backup' });
    expect(encodeDetailsValue({ ...target, kind: 'backup' })).toBe(encodeDetailsValue(target));
  });

  it.each(['copy', 'restore'] as const)('round-trip the kind of a %s job', (kind) => {
    const target = { region: 'eu-west-1', jobId: 'C0000000-0000-4000-8000-000000000001', kind };
    expect(encodeDetailsValue(target)).toBe(`${kind}:eu-west-1/C0000000-0000-4000-8000-000000000001`);
    expect(decodeDetailsValue(encodeDetailsValue(target))).toEqual(target);
  });

  it.each([
    'us-east-1',
    'us-east-1/',
    '/A1B2',
    'US-EAST-1/A1B2',
    'evil.example.com/A1B2',
    'us-east-1/A1B2 C3',
    'us-east-1/../etc',
    'us-east-1/a/b',
    'us-east-1/<script>',
    'snapshot:us-east-1/A1B2',
    ':us-east-1/A1B2',
    'copy:us-east-1',
    `us-east-1/${'A'.repeat(300)}`,
  ])('return null for the tampered value %s', (value) => {
    expect(decodeDetailsValue(value)).toBeNull();
  });

  it('return null for values that are not strings', () => {
    expect(decodeDetailsValue({ region: 'us-east-1' })).toBeNull();
    expect(decodeDetailsValue(undefined)).toBeNull();
  });
});

describe('query values (Run again, help examples)', () => {
  it('keep the text on one line', () => {
    expect(encodeQueryValue('  failed\n last 3 days ')).toBe('failed last 3 days');
  });

  it('cut long text to 2,000 characters without splitting a character', () => {
    const value = encodeQueryValue(`${'a'.repeat(1999)}🚀tail`);
    expect(value).toBe('a'.repeat(1999));
    expect(encodeQueryValue('🚀'.repeat(1500)).length).toBe(2000);
  });

  it('decode only non-empty text within the limit', () => {
    expect(decodeQueryValue(' failed today ')).toBe('failed today');
    expect(decodeQueryValue('   ')).toBeNull();
    expect(decodeQueryValue('x'.repeat(2001))).toBeNull();
    expect(decodeQueryValue(7)).toBeNull();
  });
});
