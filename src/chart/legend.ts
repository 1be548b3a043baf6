import type { Rect, TextItem } from './geometry.js';
import { formatCount } from './scale.js';
import { CHART_SERIES, type ChartSeries, countOf, type DailyCounts, SERIES_STYLE } from './series.js';
import { capHeight, lineHeight, textWidth } from './text.js';

export interface LegendItem {
  series: ChartSeries;
  swatch: Rect;
  text: TextItem;
}

/**
 * The legend: one "■ Label total" item per series with jobs, in stacking order, flowing left to
 * right from (left, top) and wrapping before `right`. `bottom` is the y just below the last row.
 */
export function layoutLegend(
  days: readonly DailyCounts[],
  box: { left: number; right: number; top: number },
  unit: number,
): { items: LegendItem[]; bottom: number } {
  const items: LegendItem[] = [];
  const swatchSize = capHeight(unit);
  let x = box.left;
  let y = box.top;
  for (const series of CHART_SERIES) {
    const sum = days.reduce((acc, day) => acc + countOf(day, series), 0);
    if (sum === 0) continue;
    const text = `${SERIES_STYLE[series].label} ${formatCount(sum)}`;
    const width = swatchSize + 3 * unit + textWidth(text, unit);
    if (x > box.left && x + width > box.right) {
      x = box.left;
      y += lineHeight(unit) + 2 * unit;
    }
    items.push({
      series,
      swatch: { x, y, w: swatchSize, h: swatchSize },
      text: { text, x: x + swatchSize + 3 * unit, y, scale: unit, align: 'left' },
    });
    x += width + 12 * unit;
  }
  return { items, bottom: items.length > 0 ? y + lineHeight(unit) : box.top };
}
