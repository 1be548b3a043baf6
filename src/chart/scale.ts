/** A value axis from zero: the top value and the tick values, evenly spaced by `step`. */
export interface ValueAxis {
  top: number;
  step: number;
  ticks: number[];
}

/**
 * Round ticks for counts from 0 to `max`: steps of 1, 2 or 5 times a power of ten (2.5 from 10 up,
 * never a fraction), about `target` intervals, the top tick at or just above `max`.
 */
export function niceAxis(max: number, target = 5): ValueAxis {
  const rough = Math.max(max, 1) / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multipliers = power >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = Math.max(1, (multipliers.find((m) => m * power >= rough) ?? 10) * power);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= top; i++) ticks.push(i * step);
  return { top, step, ticks };
}

/** A whole count with thousands separators: 12345 -> "12,345". */
export function formatCount(value: number): string {
  const digits = String(Math.round(value));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count short enough for an axis or a bar top: 950, 9,500, 95k, 1.2M. */
export function formatCompact(value: number): string {
  if (value < 10_000) return formatCount(value);
  if (value < 1_000_000) return `${trimDecimal(value / 1000)}k`;
  return `${trimDecimal(value / 1_000_000)}M`;
}

function trimDecimal(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/** "2026-11-09" -> "11-09"; anything else is shown as given. */
export function dayLabel(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day.slice(5) : day;
}
