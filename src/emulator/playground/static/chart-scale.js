// The arithmetic of data_visualization charts: which value each series has per category, a value
// axis with round ticks, where grouped bars sit, and pie slices. No DOM here: the unit tests import it.
// The shape is Slack's (data visualization block reference): bar, line and area charts take `series`
// of `{ name, data: [{ label, value }] }` with `axis_config: { categories, x_label, y_label }`; a pie
// chart takes `segments` of `{ label, value }`.

/** Slack's brand colours, one per series or segment (at most six of either). */
export const PALETTE = ['#36c5f0', '#2eb67d', '#ecb22e', '#e01e5a', '#4a154b', '#1264a3'];

/** The categories in axis order, and each series' value per category (null where it has none). */
export function seriesTable(chart) {
  const categories = (chart?.axis_config?.categories ?? []).map(String);
  const series = (chart?.series ?? []).map((s, i) => {
    const byLabel = new Map((s.data ?? []).map((p) => [String(p.label), Number(p.value)]));
    const values = categories.map((c) => {
      const v = byLabel.get(c);
      return Number.isFinite(v) ? v : null;
    });
    return { name: String(s.name ?? `Series ${i + 1}`), color: PALETTE[i % PALETTE.length], values };
  });
  return { categories, series };
}

function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A value axis from 0 (or below, for negative values) to a round number above the largest value,
 * with about `count` round ticks.
 */
export function valueAxis(values, count = 5) {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (lo === hi) return { min: 0, max: 1, ticks: [0, 1] };
  const step = niceStep(hi - lo, count);
  const round = (x) => Number(x.toPrecision(12));
  const min = round(Math.floor(lo / step) * step);
  const max = round(Math.ceil(hi / step) * step);
  const ticks = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(round(t));
  return { min, max, ticks };
}

/** A number as an axis or tooltip shows it: 1,250 · 12.5k · 3.4M. */
export function formatValue(n) {
  const abs = Math.abs(n);
  const trim = (x) => String(Number(x.toFixed(1)));
  if (abs >= 1e9) return `${trim(n / 1e9)}B`;
  if (abs >= 1e6) return `${trim(n / 1e6)}M`;
  if (abs >= 1e4) return `${trim(n / 1e3)}k`;
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
}

/**
 * Grouped bars (Slack: "for multiple series, bars are grouped by label"): each category gets a band
 * of `width / categories`, and each series a bar side by side within it. Returns x and width.
 */
export function barSlots(width, categories, seriesCount) {
  const band = width / Math.max(1, categories);
  const inner = band * 0.72;
  const gap = seriesCount > 1 ? Math.min(4, (inner / seriesCount) * 0.15) : 0;
  const bar = (inner - gap * (seriesCount - 1)) / Math.max(1, seriesCount);
  const slots = [];
  for (let c = 0; c < categories; c++) {
    const start = c * band + (band - inner) / 2;
    slots.push(Array.from({ length: seriesCount }, (_, s) => ({ x: start + s * (bar + gap), width: bar })));
  }
  return { band, slots };
}

/** Pie slices: each segment's share of the total and its start and end angle (radians, from 12 o'clock). */
export function pieSlices(segments) {
  const usable = (segments ?? []).filter((s) => Number.isFinite(Number(s.value)) && Number(s.value) > 0);
  const total = usable.reduce((sum, s) => sum + Number(s.value), 0);
  let angle = 0;
  return usable.map((s, i) => {
    const share = total > 0 ? Number(s.value) / total : 0;
    const slice = {
      label: String(s.label),
      value: Number(s.value),
      share,
      start: angle,
      end: angle + share * 2 * Math.PI,
      color: PALETTE[i % PALETTE.length],
    };
    angle = slice.end;
    return slice;
  });
}

/** A share as the legend shows it: 45%, 2.5%, <0.1%. */
export function formatShare(share) {
  const pct = share * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return `${Number(pct.toFixed(pct < 10 ? 1 : 0))}%`;
}
