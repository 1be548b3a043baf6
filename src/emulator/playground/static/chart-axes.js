// What the bar, line and area charts share: the drawing's size, a value axis with grid lines, the
// category labels, the axis titles, and the tooltip that names a value on hover.
import { formatValue } from './chart-scale.js';
import { h, svg } from './dom.js';

export const W = 560;
export const H = 300;
/** Room for the y tick labels and y_label (left), the category labels and x_label (bottom). */
export const PAD = { top: 16, right: 16, bottom: 52, left: 64 };

/** The figure's tooltip; the function it returns shows `lines` while the pointer is on `node`. */
export function tooltipFor(figure) {
  const tip = h('div', { class: 'chart-tooltip', role: 'tooltip', hidden: true });
  figure.append(tip);
  return (node, lines) => {
    node.addEventListener('mouseenter', () => {
      tip.replaceChildren(
        ...lines.map((l, i) => h('div', { class: i ? 'chart-tip-line' : 'chart-tip-head' }, l)),
      );
      tip.hidden = false;
    });
    node.addEventListener('mousemove', (e) => {
      const box = figure.getBoundingClientRect();
      tip.style.left = `${e.clientX - box.left + 12}px`;
      tip.style.top = `${e.clientY - box.top + 12}px`;
    });
    node.addEventListener('mouseleave', () => {
      tip.hidden = true;
    });
  };
}

/** Grid, ticks and labels for `table` on `axis`; `y(value)` and the category band width for the marks. */
export function axes(table, axis, config, rotate) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v) => PAD.top + plotH - ((v - axis.min) / (axis.max - axis.min)) * plotH;
  const group = svg('g', { class: 'chart-axes' });
  for (const t of axis.ticks) {
    group.append(
      svg('line', {
        class: t === 0 ? 'chart-zero' : 'chart-grid',
        x1: PAD.left,
        x2: W - PAD.right,
        y1: y(t),
        y2: y(t),
      }),
      svg(
        'text',
        { class: 'chart-tick', x: PAD.left - 8, y: y(t) + 4, 'text-anchor': 'end' },
        formatValue(t),
      ),
    );
  }
  const band = plotW / Math.max(1, table.categories.length);
  table.categories.forEach((c, i) => {
    const x = PAD.left + band * (i + 0.5);
    const label = svg(
      'text',
      { class: 'chart-category', x, y: PAD.top + plotH + 16, 'text-anchor': rotate ? 'end' : 'middle' },
      c,
    );
    if (rotate) label.setAttribute('transform', `rotate(-35 ${x} ${PAD.top + plotH + 12})`);
    group.append(label);
  });
  if (config?.x_label)
    group.append(
      svg(
        'text',
        { class: 'chart-axis-label', x: PAD.left + plotW / 2, y: H - 4, 'text-anchor': 'middle' },
        config.x_label,
      ),
    );
  if (config?.y_label) {
    const cy = PAD.top + plotH / 2;
    group.append(
      svg(
        'text',
        {
          class: 'chart-axis-label',
          x: 14,
          y: cy,
          'text-anchor': 'middle',
          transform: `rotate(-90 14 ${cy})`,
        },
        config.y_label,
      ),
    );
  }
  return { group, y, band, plotW };
}
