import { describe, expect, it } from 'vitest';
import type { DailyCounts } from '../../src/chart/daily-chart.js';
import { layoutDailyChart } from '../../src/chart/layout.js';
import { textWidth } from '../../src/chart/text.js';

function days(count: number, counts: DailyCounts['counts']): DailyCounts[] {
  return Array.from({ length: count }, (_, i) => ({
    day: new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10),
    counts,
  }));
}

describe('layoutDailyChart', () => {
  it('labels all 14 days of a typical chart and puts each total above its bar', () => {
    const layout = layoutDailyChart({ title: 'Jobs', days: days(14, { COMPLETED: 180, FAILED: 3 }) });
    expect(layout.dayLabels.map((l) => l.text)).toEqual(days(14, {}).map((d) => d.day.slice(5)));
    expect(layout.barTotals.map((l) => l.text)).toEqual(Array(14).fill('183'));
  });

  it('thins out day labels when crowded, always keeping the latest day, without overlaps', () => {
    const layout = layoutDailyChart({ title: 'Jobs', days: days(31, { COMPLETED: 100_000 }) });
    const labels = layout.dayLabels;
    expect(labels.length).toBeLessThan(31);
    expect(labels.length).toBeGreaterThanOrEqual(8);
    expect(labels.at(-1)?.text).toBe('12-01');
    for (let i = 1; i < labels.length; i++) {
      const gap = labels[i]!.x - labels[i - 1]!.x - textWidth(labels[i]!.text, 2);
      expect(gap).toBeGreaterThan(4);
    }
    const lastRight = labels.at(-1)!.x + textWidth('12-01', 2) / 2;
    expect(lastRight).toBeLessThanOrEqual(layout.width);
    expect(layout.barTotals).toEqual([]); // "100k" over bars this narrow would collide
  });

  it('cuts a long title with an ellipsis so it ends before the total', () => {
    const title = 'Backup jobs across every account and region of the whole organisation, day by day';
    const layout = layoutDailyChart({ title, subtitle: 'x'.repeat(500), days: days(3, { FAILED: 100_000 }) });
    expect(layout.title.text).toMatch(/^Backup jobs across .+…$/);
    const titleRight = layout.title.x + textWidth(layout.title.text, layout.title.scale);
    const totalLeft = layout.total.x - textWidth(layout.total.text, layout.total.scale);
    expect(layout.total.text).toBe('300,000 jobs');
    expect(titleRight).toBeLessThan(totalLeft);
    expect(layout.subtitle?.text.endsWith('…')).toBe(true);
    expect(textWidth(layout.subtitle!.text, 2)).toBeLessThanOrEqual(1000 - 2 * 20);
  });

  it('keeps every bar inside the plot, even with 100,000 jobs of every series', () => {
    const all = { COMPLETED: 1e5, COMPLETED_WITH_ISSUES: 1e5, FAILED: 1e5, PARTIAL: 1e5, RUNNING: 1e5 };
    const layout = layoutDailyChart({ title: 'Jobs', days: days(31, all) });
    const { plot } = layout;
    for (const bar of layout.bars) {
      expect(bar.segments).toHaveLength(5);
      for (const { rect } of bar.segments) {
        expect(rect.y).toBeGreaterThanOrEqual(plot.y);
        expect(rect.y + rect.h).toBeLessThanOrEqual(plot.y + plot.h);
        expect(rect.x).toBeGreaterThanOrEqual(plot.x);
        expect(rect.x + rect.w).toBeLessThanOrEqual(plot.x + plot.w);
      }
    }
    expect(layout.gridlines.at(-1)?.label.text).toBe('500k');
  });

  it('still shows a single job among thousands as a sliver', () => {
    const layout = layoutDailyChart({ title: 'Jobs', days: days(1, { COMPLETED: 5000, FAILED: 1 }) });
    const failed = layout.bars[0]?.segments.find((s) => s.series === 'FAILED');
    expect(failed?.rect.h).toBeGreaterThanOrEqual(2);
  });

  it('keeps sizes within 320..4096 x 200..4096', () => {
    expect(layoutDailyChart({ title: 'J', days: [], width: 10, height: 1e6 })).toMatchObject({
      width: 320,
      height: 4096,
    });
  });
});
