// The pie chart of a data_visualization block: a slice per segment (Slack: "rendered percentage is
// the value divided by the sum of all segment values"), its share on slices big enough to hold it.
import { H, W } from './chart-axes.js';
import { formatShare, formatValue, pieSlices } from './chart-scale.js';
import { svg } from './dom.js';

function arc(cx, cy, r, start, end) {
  const at = (a) => [cx + r * Math.sin(a), cy - r * Math.cos(a)];
  if (end - start >= 2 * Math.PI - 1e-9) return `M${cx},${cy - r} A${r},${r} 0 1 1 ${cx - 0.01},${cy - r} Z`;
  const [x1, y1] = at(start);
  const [x2, y2] = at(end);
  const large = end - start > Math.PI ? 1 : 0;
  return `M${cx},${cy} L${x1.toFixed(2)},${y1.toFixed(2)} A${r},${r} 0 ${large} 1 ${x2.toFixed(2)},${y2.toFixed(2)} Z`;
}

export function pie(chart, tip) {
  const slices = pieSlices(chart.segments);
  const cx = W / 2;
  const cy = H / 2;
  const r = H / 2 - 16;
  const marks = svg('g', { class: 'chart-marks' });
  for (const s of slices) {
    const text = `${formatValue(s.value)} (${formatShare(s.share)})`;
    const path = svg(
      'path',
      {
        class: 'chart-slice',
        d: arc(cx, cy, r, s.start, s.end),
        fill: s.color,
        dataset: { label: s.label, value: s.value },
      },
      svg('title', {}, `${s.label}: ${text}`),
    );
    tip(path, [s.label, text]);
    marks.append(path);
    if (s.share >= 0.06) {
      const mid = (s.start + s.end) / 2;
      marks.append(
        svg(
          'text',
          {
            class: 'chart-slice-label',
            x: cx + r * 0.62 * Math.sin(mid),
            y: cy - r * 0.62 * Math.cos(mid) + 4,
            'text-anchor': 'middle',
          },
          formatShare(s.share),
        ),
      );
    }
  }
  return {
    nodes: [marks],
    legend: slices.map((s) => ({ name: `${s.label} · ${formatShare(s.share)}`, color: s.color })),
  };
}
