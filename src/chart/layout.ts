import { type BarLayout, layoutBars } from './bars.js';
import type { Rect, TextItem } from './geometry.js';
import { type LegendItem, layoutLegend } from './legend.js';
import { formatCompact, formatCount, niceAxis } from './scale.js';
import { type DailyChartInput, dayTotal } from './series.js';
import { capHeight, fitText, lineHeight, textWidth } from './text.js';

/** Where everything goes; the painter only paints what this says. */
export interface ChartLayout {
  width: number;
  height: number;
  /** The base text scale; line widths and gaps are multiples of it. */
  unit: number;
  title: TextItem;
  subtitle?: TextItem;
  /** "1,234 jobs", at the right of the title. */
  total: TextItem;
  legend: LegendItem[];
  plot: Rect;
  gridlines: { y: number; label: TextItem }[];
  bars: BarLayout[];
  barTotals: TextItem[];
  dayLabels: TextItem[];
  /** Set when there are no jobs: the message shown in the middle of the plot. */
  empty?: TextItem;
}

const NO_JOBS = 'No jobs in this period';

function clampSize(value: number | undefined, fallback: number, min: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(4096, Math.max(min, Math.round(value)));
}

/** Lays out the daily chart, top to bottom. Pure: same input, same layout. */
export function layoutDailyChart(input: DailyChartInput): ChartLayout {
  const width = clampSize(input.width, 1000, 320);
  const height = clampSize(input.height, 500, 200);
  // Text scale 2 at the default size, 4 at twice the size: every size reads the same.
  const unit = Math.max(1, Math.round(Math.min(width / 500, height / 250)));
  const titleScale = unit + Math.ceil(unit / 2);
  const margin = 10 * unit;
  const totals = input.days.map(dayTotal);
  const maxTotal = Math.max(0, ...totals);
  const grandTotal = totals.reduce((a, b) => a + b, 0);

  const totalText = `${formatCount(grandTotal)} ${grandTotal === 1 ? 'job' : 'jobs'}`;
  const right = width - margin;
  const total: TextItem = {
    text: totalText,
    x: right,
    y: margin,
    scale: titleScale,
    align: 'right',
    bold: true,
  };
  const titleRoom = width - 2 * margin - textWidth(totalText, titleScale) - 8 * unit;
  const titleText = fitText(input.title, titleRoom, titleScale);
  const title: TextItem = {
    text: titleText,
    x: margin,
    y: margin,
    scale: titleScale,
    align: 'left',
    bold: true,
  };
  let y = margin + lineHeight(titleScale) + unit;
  let subtitle: TextItem | undefined;
  if (input.subtitle) {
    const text = fitText(input.subtitle, width - 2 * margin, unit);
    subtitle = { text, x: margin, y, scale: unit, align: 'left' };
    y += lineHeight(unit);
  }

  const legend = layoutLegend(input.days, { left: margin, right: width - margin, top: y + 4 * unit }, unit);
  y = legend.bottom + 4 * unit;

  const empty = maxTotal === 0;
  const axis = niceAxis(maxTotal);
  const ticks = empty ? [0] : axis.ticks;
  const tickTexts = ticks.map(formatCompact);
  const labelWidth = Math.max(...tickTexts.map((text) => textWidth(text, unit)));
  const plotTop = y + lineHeight(unit) + 2 * unit; // room for the totals above the bars
  const plotBottom = height - margin - lineHeight(unit) - 4 * unit;
  const plotLeft = margin + labelWidth + 4 * unit;
  const plot: Rect = { x: plotLeft, y: plotTop, w: width - margin - plotLeft, h: plotBottom - plotTop };

  const gridlines = ticks.map((value, i): ChartLayout['gridlines'][number] => {
    const gy = Math.round(plotBottom - (value / axis.top) * plot.h);
    const text = tickTexts[i] ?? '';
    const x = plotLeft - 4 * unit;
    return { y: gy, label: { text, x, y: gy - capHeight(unit) / 2, scale: unit, align: 'right' } };
  });
  const bars = layoutBars(input.days, plot, axis, unit);

  const layout: ChartLayout = {
    width,
    height,
    unit,
    title,
    total,
    legend: legend.items,
    plot,
    gridlines,
    bars: bars.bars,
    barTotals: bars.totals,
    dayLabels: bars.days,
  };
  if (subtitle) layout.subtitle = subtitle;
  if (empty) {
    const scale = unit + 1;
    const messageY = plot.y + plot.h / 2 - capHeight(scale) / 2;
    layout.empty = { text: NO_JOBS, x: plot.x + plot.w / 2, y: messageY, scale, align: 'center' };
  }
  return layout;
}
