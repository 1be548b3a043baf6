import { describe, expect, it } from 'vitest';
import { dayLabel, formatCompact, formatCount, niceAxis } from '../../src/chart/scale.js';

describe('niceAxis', () => {
  it.each([
    [0, 1, 1],
    [3, 1, 3],
    [7, 2, 8],
    [20, 5, 20],
    [186, 50, 200],
    [1234, 250, 1250],
    [100_000, 20_000, 100_000],
    [812_345, 200_000, 1_000_000],
  ])('max %d -> step %d, top %d', (max, step, top) => {
    const axis = niceAxis(max);
    expect(axis).toMatchObject({ step, top });
    expect(axis.ticks[0]).toBe(0);
    expect(axis.ticks.at(-1)).toBe(top);
    expect(axis.ticks.length).toBeLessThanOrEqual(7);
    for (const tick of axis.ticks) expect(Number.isInteger(tick)).toBe(true);
  });
});

describe('number and day formats', () => {
  it('separates thousands and shortens large counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCompact(9500)).toBe('9,500');
    expect(formatCompact(12_500)).toBe('12.5k');
    expect(formatCompact(100_000)).toBe('100k');
    expect(formatCompact(2_500_000)).toBe('2.5M');
  });

  it('shows YYYY-MM-DD as MM-DD and anything else as given', () => {
    expect(dayLabel('2026-11-09')).toBe('11-09');
    expect(dayLabel('Mon')).toBe('Mon');
  });
});
