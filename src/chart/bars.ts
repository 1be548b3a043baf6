import type { Rect, TextItem } from './geometry.js';
import { dayLabel, formatCompact, type ValueAxis } from './scale.js';
import { CHART_SERIES, type ChartSeries, countOf, type DailyCounts, dayTotal } from './series.js';
import { capHeight, fitText, textWidth } from './text.js';

export interface BarLayout {
  /** Centre of the bar's slot, where its day label sits. */
  center: number;
  /** Bottom to top, one per series with jobs that day. */
  segments: { series: ChartSeries; rect: Rect }[];
}

export interface BarsLayout {
  bars: BarLayout[];
  /** Each bar's total above it, or none at all when one of them would not fit its slot. */
  totals: TextItem[];
  /** Day labels under the axis; the most recent day always has one, others thin out when crowded. */
  days: TextItem[];
}

/** One stacked bar per day, spread evenly across the plot, heights on `axis`. */
export function layoutBars(
  days: readonly DailyCounts[],
  plot: Rect,
  axis: ValueAxis,
  unit: number,
): BarsLayout {
  const bottom = plot.y + plot.h;
  const slot = plot.w / Math.max(1, days.length);
  const barWidth = Math.max(1, Math.min(Math.round(slot * 0.7), 40 * unit));
  // A series with a single job among thousands still shows as a sliver, never as nothing.
  const minSegment = Math.max(2, unit);
  const yOf = (value: number) => Math.round(bottom - (value / axis.top) * plot.h);

  const bars = days.map((day, i): BarLayout => {
    const center = plot.x + slot * (i + 0.5);
    const x = Math.round(center - barWidth / 2);
    const segments: BarLayout['segments'] = [];
    let sum = 0;
    let floor = bottom;
    for (const series of CHART_SERIES) {
      const count = countOf(day, series);
      if (count === 0) continue;
      sum += count;
      const top = Math.max(plot.y, Math.min(yOf(sum), floor - minSegment));
      if (top < floor) segments.push({ series, rect: { x, y: top, w: barWidth, h: floor - top } });
      floor = top;
    }
    return { center, segments };
  });

  const totalTexts = days.map((day) => formatCompact(dayTotal(day)));
  const totalsFit = totalTexts.every((text) => textWidth(text, unit) + 2 * unit <= slot);
  const totals = totalsFit
    ? bars.flatMap((bar, i): TextItem[] => {
        const top = bar.segments.at(-1)?.rect.y;
        if (top === undefined) return [];
        const y = top - capHeight(unit) - 2 * unit;
        return [{ text: totalTexts[i] ?? '', x: bar.center, y, scale: unit, align: 'center' }];
      })
    : [];

  const labels = days.map((day) => dayLabel(day.day));
  const widest = Math.max(0, ...labels.map((text) => textWidth(text, unit)));
  const every = Math.max(1, Math.ceil((widest + 4 * unit) / slot));
  const dayItems = bars.flatMap((bar, i): TextItem[] => {
    if ((days.length - 1 - i) % every !== 0) return [];
    const text = fitText(labels[i] ?? '', every * slot - 2 * unit, unit);
    // The last label may not reach past the plot's right edge (the image's margin).
    const x = Math.min(bar.center, plot.x + plot.w - textWidth(text, unit) / 2);
    return [{ text, x, y: bottom + 4 * unit, scale: unit, align: 'center' }];
  });

  return { bars, totals, days: dayItems };
}
