import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/query/duration.js';

describe('parseDuration', () => {
  it.each([
    ['5s', 5_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['90m', 5_400_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['2 hours', 7_200_000],
    ['30 minutes', 1_800_000],
    ['1 day', 86_400_000],
    [' 10S ', 10_000],
    ['fortnight', 1_209_600_000],
  ])('%j -> %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    '',
    '5',
    'h',
    '0m',
    '0s',
    '-5m',
    '5x',
    '5 parsecs',
    '1 month',
    'm5',
    '5m x',
    '99999999d',
    'x'.repeat(100),
  ])('%j -> null', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [3_600_000, '1 hour'],
    [5_400_000, '1 hour 30 minutes'],
    [86_400_000, '1 day'],
    [1_209_600_000, '2 weeks'],
    [5_000, '5 seconds'],
    [0, '0 seconds'],
  ])('%i -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
