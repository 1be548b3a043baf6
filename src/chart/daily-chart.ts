import { type Canvas, createCanvas, drawHLine, fillRect } from './canvas.js';
import type { TextItem } from './geometry.js';
import { type ChartLayout, layoutDailyChart } from './layout.js';
import { encodePng } from './png.js';
import { type DailyChartInput, SERIES_STYLE, THEME } from './series.js';
import { drawText } from './text.js';

export type { ChartSeries, DailyChartInput, DailyCounts } from './series.js';
export { CHART_SERIES } from './series.js';

/**
 * Renders a stacked bar chart of job counts per day and state as a PNG (1000×500 by default):
 * title and subtitle, the total, a legend of the series present with their totals, round y ticks
 * with gridlines, and day labels thinned out when crowded. Pure and deterministic: no I/O, no
 * clock, same input gives the same bytes. With no jobs it says "No jobs in this period".
 */
export function renderDailyChart(input: DailyChartInput): Buffer {
  const layout = layoutDailyChart(input);
  const canvas = createCanvas(layout.width, layout.height, THEME.background);
  paint(canvas, layout);
  return encodePng(canvas);
}

function paint(canvas: Canvas, layout: ChartLayout): void {
  const { plot, unit } = layout;
  const line = Math.max(1, Math.floor(unit / 2));
  const right = plot.x + plot.w - 1;

  text(canvas, layout.title, THEME.title);
  if (layout.subtitle) text(canvas, layout.subtitle, THEME.text);
  text(canvas, layout.total, THEME.title);
  for (const item of layout.legend) {
    const { swatch } = item;
    fillRect(canvas, swatch.x, swatch.y, swatch.w, swatch.h, SERIES_STYLE[item.series].color);
    text(canvas, item.text, THEME.text);
  }

  for (const grid of layout.gridlines) {
    drawHLine(canvas, plot.x, right, grid.y, line, THEME.grid);
    text(canvas, grid.label, THEME.text);
  }
  for (const bar of layout.bars) {
    for (const { series, rect } of bar.segments) {
      fillRect(canvas, rect.x, rect.y, rect.w, rect.h, SERIES_STYLE[series].color);
    }
  }
  drawHLine(canvas, plot.x, right, plot.y + plot.h, line, THEME.axis);

  for (const item of layout.barTotals) text(canvas, item, THEME.title);
  for (const item of layout.dayLabels) text(canvas, item, THEME.text);
  if (layout.empty) text(canvas, layout.empty, THEME.text);
}

function text(canvas: Canvas, item: TextItem, color: number): void {
  if (!item.bold) {
    drawText(canvas, item.text, item.x, item.y, item.scale, color, item.align);
    return;
  }
  // Bold is the same text twice, a step apart: crisp at every integer scale, and it stays
  // inside its box because right-aligned text doubles to the left.
  const step = Math.max(1, Math.floor(item.scale / 2));
  const x = item.align === 'right' ? item.x - step : item.x;
  drawText(canvas, item.text, x, item.y, item.scale, color, item.align);
  drawText(canvas, item.text, x + step, item.y, item.scale, color, item.align);
}
