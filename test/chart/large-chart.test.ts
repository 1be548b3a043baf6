import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DailyCounts, renderDailyChart } from '../../src/chart/daily-chart.js';
import { SERIES_STYLE, THEME } from '../../src/chart/series.js';
import { findBars, findText } from './pixels.js';
import { decodePng } from './png-decode.js';

/** Fourteen days of a plausible organisation, from a fixed formula (no randomness). */
function typicalFortnight(): DailyCounts[] {
  return Array.from({ length: 14 }, (_, i) => {
    const wave = (k: number) => Math.floor((Math.sin(i * 7.3 + k) + 1) * 10);
    return {
      day: new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10),
      counts: {
        COMPLETED: 120 + wave(1) * 3,
        COMPLETED_WITH_ISSUES: wave(2) % 7,
        FAILED: wave(3) % 5,
        PARTIAL: wave(4) % 3,
        ABORTED: i % 5 === 0 ? 2 : 0,
        EXPIRED: i === 3 ? 1 : 0,
        RUNNING: i === 13 ? 9 : 0,
      },
    };
  });
}

describe('renderDailyChart at scale', () => {
  it('renders 31 days of 100,000 jobs a day', () => {
    const days = Array.from({ length: 31 }, (_, i) => ({
      day: new Date(Date.UTC(2026, 9, 20 + i)).toISOString().slice(0, 10),
      counts: { COMPLETED: 100_000 - 1000 * i, FAILED: 1000 * i },
    }));
    const png = renderDailyChart({ title: 'Backup jobs', days });
    const image = decodePng(png);
    expect(image).toMatchObject({ width: 1000, height: 500 });
    expect(findBars(image, SERIES_STYLE.COMPLETED.color, 20)).toHaveLength(31);
    expect(findText(image, '100k', 2, THEME.text)).toHaveLength(1);
    expect(findText(image, 'Completed 2,635,000', 2, THEME.text)).toHaveLength(1);
    expect(findText(image, 'Failed 465,000', 2, THEME.text)).toHaveLength(1);
    expect(findText(image, '11-19', 2, THEME.text)).toHaveLength(1);
    expect(findText(image, '11-18', 2, THEME.text)).toHaveLength(0);
  });

  it('renders a typical 14-day chart quickly and writes the sample', () => {
    const input = {
      title: 'AWS Backup jobs per day',
      subtitle: 'Last 14 days · all accounts · eu-west-1, us-east-1 · times in Europe/Berlin',
      days: typicalFortnight(),
    };
    renderDailyChart(input); // warm up
    const runs = 10;
    const started = performance.now();
    let png: Buffer = Buffer.alloc(0);
    for (let i = 0; i < runs; i++) png = renderDailyChart(input);
    const meanMs = (performance.now() - started) / runs;
    console.log(`14-day chart: ${meanMs.toFixed(1)} ms per render, ${png.length} bytes`);

    expect(decodePng(png).chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(png.length).toBeLessThan(100_000);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/chart-sample.png', png);
  });
});
