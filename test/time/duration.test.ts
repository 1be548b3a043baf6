import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/time/duration.js';

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
    [3_600_000, '1h', '1 hour'],
    [5_400_000, '1h 30m', '1 hour 30 minutes'],
    [(2 * 60 + 7) * 60_000, '2h 7m', '2 hours 7 minutes'],
    [8_054_000, '2h 14m', '2 hours 14 minutes'],
    [86_400_000, '1d', '1 day'],
    [90_061_000, '1d 1h', '1 day 1 hour'],
    [(52 * 60 + 5) * 60_000, '2d 4h', '2 days 4 hours'],
    [1_209_600_000, '14d', '14 days'],
    [45_000, '45s', '45 seconds'],
    [(12 * 60 + 13) * 1000, '12m', '12 minutes'],
    [999, '0s', '0 seconds'],
    [0, '0s', '0 seconds'],
  ])('%i ms reads %s, or %s in a sentence', (ms, short, words) => {
    expect(formatDuration(ms)).toBe(short);
    expect(formatDuration(ms, 'words')).toBe(words);
  });

  it.each([-1, undefined, Number.NaN, Number.POSITIVE_INFINITY])('%s reads —', (ms) => {
    expect(formatDuration(ms)).toBe('—');
  });
});
