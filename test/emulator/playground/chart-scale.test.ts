import { beforeAll, describe, expect, it } from 'vitest';
import { staticModule } from './static-module.js';

interface Series {
  name: string;
  color: string;
  values: (number | null)[];
}
interface Slice {
  label: string;
  value: number;
  share: number;
  start: number;
  end: number;
  color: string;
}
interface ChartScale {
  PALETTE: string[];
  seriesTable(chart: unknown): { categories: string[]; series: Series[] };
  valueAxis(values: number[], count?: number): { min: number; max: number; ticks: number[] };
  formatValue(n: number): string;
  barSlots(
    width: number,
    categories: number,
    series: number,
  ): { band: number; slots: { x: number; width: number }[][] };
  pieSlices(segments: unknown): Slice[];
  formatShare(share: number): string;
}

let m: ChartScale;
beforeAll(async () => {
  m = await staticModule<ChartScale>('chart-scale.js');
});

describe('the data_visualization arithmetic of the playground', () => {
  it('puts each series’ values in axis order, null where a category has no point', () => {
    const chart = {
      type: 'bar',
      series: [
        {
          name: 'A',
          data: [
            { label: 'Tue', value: 2 },
            { label: 'Mon', value: 1 },
          ],
        },
        { name: 'B', data: [{ label: 'Mon', value: 5 }] },
      ],
      axis_config: { categories: ['Mon', 'Tue'] },
    };
    expect(m.seriesTable(chart)).toEqual({
      categories: ['Mon', 'Tue'],
      series: [
        { name: 'A', color: m.PALETTE[0], values: [1, 2] },
        { name: 'B', color: m.PALETTE[1], values: [5, null] },
      ],
    });
  });

  it('draws the value axis from zero to a round number, with round ticks; below zero for negatives', () => {
    expect(m.valueAxis([12, 15, 9])).toEqual({ min: 0, max: 15, ticks: [0, 5, 10, 15] });
    expect(m.valueAxis([0.3, 0.7])).toEqual({ min: 0, max: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(m.valueAxis([-4, 9])).toMatchObject({ min: -5, max: 10 });
    expect(m.valueAxis([])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
    expect(m.valueAxis([1234567]).max).toBe(1_250_000);
  });

  it('formats axis and tooltip numbers compactly', () => {
    expect([5, 1250, 12500, 3_400_000, 2.5e9, 0.25].map((n) => m.formatValue(n))).toEqual([
      '5',
      '1,250',
      '12.5k',
      '3.4M',
      '2.5B',
      '0.25',
    ]);
  });

  it('groups bars by category: series side by side inside each band, never overlapping', () => {
    const { band, slots } = m.barSlots(400, 4, 2);
    expect(band).toBe(100);
    expect(slots).toHaveLength(4);
    for (const [c, pair] of slots.entries()) {
      const [a, b] = pair;
      expect(a!.x).toBeGreaterThanOrEqual(c * band);
      expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x);
      expect(b!.x + b!.width).toBeLessThanOrEqual((c + 1) * band);
    }
  });

  it('cuts pie slices by share of the total, leaving out values that are not above zero', () => {
    const slices = m.pieSlices([
      { label: 'A', value: 3 },
      { label: 'skip', value: 0 },
      { label: 'B', value: 1 },
    ]);
    expect(slices.map((s) => [s.label, s.share])).toEqual([
      ['A', 0.75],
      ['B', 0.25],
    ]);
    expect(slices[0]!.start).toBe(0);
    expect(slices[1]!.end).toBeCloseTo(2 * Math.PI);
    expect([0.8333, 0.05, 0.0004].map((s) => m.formatShare(s))).toEqual(['83%', '5%', '<0.1%']);
  });
});
