import { describe, expect, it } from 'vitest';
import { type DailyCounts, renderDailyChart } from '../../src/chart/daily-chart.js';
import { CHART_SERIES, SERIES_STYLE, THEME } from '../../src/chart/series.js';
import { findBars, findText, hasNoPixel } from './pixels.js';
import { decodePng } from './png-decode.js';

const GREEN = SERIES_STYLE.COMPLETED.color;
const RED = SERIES_STYLE.FAILED.color;
const BLUE = SERIES_STYLE.RUNNING.color;

function day(n: number, counts: DailyCounts['counts']): DailyCounts {
  return { day: `2026-11-${String(n).padStart(2, '0')}`, counts };
}

describe('renderDailyChart', () => {
  it('encodes a 1000x500 8-bit RGB PNG with valid chunks by default', () => {
    const image = decodePng(renderDailyChart({ title: 'Jobs', days: [day(9, { COMPLETED: 3 })] }));
    expect(image).toMatchObject({ width: 1000, height: 500, bitDepth: 8, colorType: 2 });
    expect(image.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(image.inflatedSize).toBe(500 * (1 + 3 * 1000));
  });

  it('gives series the colours people expect', () => {
    const channels = (c: number) => ({ r: c >> 16, g: (c >> 8) & 0xff, b: c & 0xff });
    const green = channels(GREEN);
    const red = channels(RED);
    const blue = channels(BLUE);
    const amber = channels(SERIES_STYLE.COMPLETED_WITH_ISSUES.color);
    const orange = channels(SERIES_STYLE.PARTIAL.color);
    expect(green.g).toBeGreaterThan(Math.max(green.r, green.b));
    expect(red.r).toBeGreaterThan(2 * Math.max(red.g, red.b));
    expect(blue.b).toBeGreaterThan(Math.max(blue.r, blue.g));
    expect(amber.g).toBeGreaterThan(orange.g); // amber is yellower than orange
    for (const grey of [SERIES_STYLE.ABORTED.color, SERIES_STYLE.EXPIRED.color]) {
      const c = channels(grey);
      expect(Math.max(c.r, c.g, c.b) - Math.min(c.r, c.g, c.b)).toBeLessThan(32);
    }
    expect(new Set(CHART_SERIES.map((s) => SERIES_STYLE[s].color)).size).toBe(CHART_SERIES.length);
  });

  it('draws one stacked bar per day, in order, with heights proportional to the counts', () => {
    const days = [
      day(9, { COMPLETED: 10 }),
      day(10, { COMPLETED: 20 }),
      day(11, { COMPLETED: 5, FAILED: 5 }),
      day(12, {}),
      day(13, { RUNNING: 10 }),
    ];
    const image = decodePng(renderDailyChart({ title: 'Jobs', days }));
    const green = findBars(image, GREEN, 20);
    const red = findBars(image, RED, 20);
    const blue = findBars(image, BLUE, 20);
    expect(green).toHaveLength(3);
    expect(red).toHaveLength(1);
    expect(blue).toHaveLength(1);
    const [a, b, c] = green as [(typeof green)[0], (typeof green)[0], (typeof green)[0]];
    const height = (bar: { top: number; bottom: number }) => bar.bottom - bar.top + 1;

    // One baseline; left to right in day order, evenly spaced, the empty day leaving a gap.
    expect(new Set([a.bottom, b.bottom, c.bottom, blue[0]!.bottom]).size).toBe(1);
    const pitch = b.x0 - a.x0;
    expect(c.x0 - b.x0).toBeCloseTo(pitch, -1);
    expect(blue[0]!.x0 - c.x0).toBeCloseTo(2 * pitch, -1);
    expect(b.x1 - b.x0).toBe(a.x1 - a.x0);

    // 20 is twice as tall as 10, 5 half as tall; 10 running as tall as 10 completed.
    expect(height(b)).toBeGreaterThan(height(a));
    expect(Math.abs(height(b) - 2 * height(a))).toBeLessThanOrEqual(2);
    expect(Math.abs(2 * height(c) - height(a))).toBeLessThanOrEqual(2);
    expect(Math.abs(height(blue[0]!) - height(a))).toBeLessThanOrEqual(1);

    // Failed sits right on top of completed in the same column.
    expect(red[0]).toMatchObject({ x0: c.x0, x1: c.x1, bottom: c.top - 1 });
    expect(Math.abs(height(red[0]!) - height(c))).toBeLessThanOrEqual(1);
  });

  it('shows the legend with totals, the y ticks and the day labels', () => {
    const days = [day(9, { COMPLETED: 1200, FAILED: 3 }), day(10, { COMPLETED: 34, PARTIAL: 2 })];
    const image = decodePng(renderDailyChart({ title: 'Jobs', subtitle: 'Last 2 days', days }));
    for (const text of [
      'Completed 1,234',
      'Partial 2',
      'Failed 3',
      '11-09',
      '11-10',
      '1,250',
      '750',
      'Last 2 days',
    ]) {
      expect(findText(image, text, 2, THEME.text), text).toHaveLength(1);
    }
    expect(findText(image, 'Expired', 2, THEME.text)).toHaveLength(0);
    expect(findText(image, '1,203', 2, THEME.title)).toHaveLength(1); // the total above the bar
  });

  it.each([
    ['no days', []],
    ['only zeros', [day(9, {}), day(10, { FAILED: 0, COMPLETED: -1 }), day(11, { RUNNING: Number.NaN })]],
  ])('says "No jobs in this period" for %s', (_, days) => {
    const image = decodePng(renderDailyChart({ title: 'Jobs', days }));
    expect(findText(image, 'No jobs in this period', 3, THEME.text)).toHaveLength(1);
    for (const series of CHART_SERIES) expect(hasNoPixel(image, SERIES_STYLE[series].color)).toBe(true);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const input = { title: 'Jobs', subtitle: 'prod', days: [day(9, { COMPLETED: 5, FAILED: 1 })] };
    const first = renderDailyChart(input);
    expect(renderDailyChart(structuredClone(input)).equals(first)).toBe(true);
    expect(renderDailyChart({ ...input, subtitle: 'dev' }).equals(first)).toBe(false);
  });

  it('scales text and bars with the size: 2000x1000 draws text at twice the scale', () => {
    const days = [day(9, { COMPLETED: 10 }), day(10, { COMPLETED: 20 })];
    const small = decodePng(renderDailyChart({ title: 'Jobs', days }));
    const large = decodePng(renderDailyChart({ title: 'Jobs', days, width: 2000, height: 1000 }));
    expect(large).toMatchObject({ width: 2000, height: 1000 });
    expect(findText(large, 'Completed 30', 4, THEME.text)).toHaveLength(1);
    const [smallBar] = findBars(small, GREEN, 20);
    const [largeBar] = findBars(large, GREEN, 40); // past the legend's swatch, 28 px tall here
    expect(Math.abs(largeBar!.bottom - largeBar!.top - 2 * (smallBar!.bottom - smallBar!.top))).toBeLessThan(
      8,
    );
  });
});
