import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent } from '../../src/blocks/format.js';
import { code, escapeMrkdwn, mrkdwnText, oneLine, truncate } from '../../src/blocks/text.js';
import { formatTime, zoneLabel } from '../../src/time/labels.js';
import { NOW } from './fixtures.js';

describe('mrkdwn text', () => {
  it('escapes the three control characters and nothing else', () => {
    expect(escapeMrkdwn('a & <b> *c* _d_')).toBe('a &amp; &lt;b&gt; *c* _d_');
  });

  it('never splits a character or a grapheme cluster when cutting', () => {
    expect(truncate('🚀🚀🚀', 4)).toBe('🚀…');
    const family = '👨‍👩‍👧';
    expect(truncate(`${family}${family}`, family.length + 1)).toBe(`${family}…`);
    expect(truncate('short', 10)).toBe('short');
  });

  it('bounds the escaped length and never cuts inside an entity', () => {
    const text = mrkdwnText('&'.repeat(100), 23);
    expect(text.length).toBeLessThanOrEqual(23);
    expect(text).toMatch(/^(&amp;)+…$/);
  });

  it('puts names in code spans that a backtick cannot end', () => {
    expect(code('a`b <c>')).toBe('`aˋb &lt;c&gt;`');
    expect(code('   ')).toBe('—');
    expect(code('x'.repeat(500), 20)).toHaveLength(20);
  });

  it('collapses newlines so data cannot start a quote or a list', () => {
    expect(oneLine('  a\n> b\t c  ')).toBe('a > b c');
  });
});

describe('times in the person’s zone', () => {
  // NOW is 2026-11-10 15:30 UTC: 10:30 in New York (EST), 21:00 in Kolkata.
  it.each([
    ['America/New_York', '2026-11-10T13:00:00Z', 'today 08:00'],
    ['America/New_York', '2026-11-10T03:00:00Z', 'yesterday 22:00'],
    ['America/New_York', '2026-11-01T12:00:00Z', 'Sun 1 Nov, 07:00'],
    ['America/New_York', '2025-12-31T20:00:00Z', 'Wed 31 Dec 2025, 15:00'],
    ['Asia/Kolkata', '2026-11-10T03:00:00Z', 'today 08:30'],
    ['Asia/Kolkata', '2026-11-09T19:00:00Z', 'today 00:30'],
    ['Asia/Kolkata', '2026-11-09T18:00:00Z', 'yesterday 23:30'],
    ['Asia/Kolkata', '2025-12-31T20:00:00Z', 'Thu 1 Jan, 01:30'],
  ])('%s shows %s as %s', (zone, iso, expected) => {
    expect(formatTime(iso, zone, NOW)).toBe(expected);
  });

  it('shows missing or invalid times as a dash', () => {
    expect(formatTime(undefined, 'UTC', NOW)).toBe('—');
    expect(formatTime('not a time', 'UTC', NOW)).toBe('—');
  });

  it('names the zone with its abbreviation, and falls back to UTC for an unknown zone', () => {
    expect(zoneLabel('America/New_York', NOW)).toBe('America/New_York (EST)');
    expect(zoneLabel('America/New_York', new Date('2026-07-01T00:00:00Z'))).toBe('America/New_York (EDT)');
    expect(zoneLabel('Asia/Kolkata', NOW)).toBe('Asia/Kolkata (GMT+5:30)');
    expect(zoneLabel('Mars/Olympus', NOW)).toBe('UTC');
    expect(formatTime('2026-11-10T13:00:00Z', 'Mars/Olympus', NOW)).toBe('today 13:00');
  });
});

describe('durations, sizes and percentages', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [13_207_024_435, '12.3 GiB'],
    [120 * 2 ** 30, '120 GiB'],
    [2 * 2 ** 40, '2 TiB'],
    [-5, '—'],
  ])('%s bytes reads %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it('clamps percentages and keeps one decimal', () => {
    expect(formatPercent(42)).toBe('42%');
    expect(formatPercent(99.54)).toBe('99.5%');
    expect(formatPercent(130)).toBe('100%');
    expect(formatPercent(undefined)).toBeUndefined();
  });
});
