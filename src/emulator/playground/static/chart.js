// The data_visualization block drawn as SVG: a title, the chart, a legend, and a tooltip on hover
// (Slack shows each value "in the legend and on hover"). Bar, line and area charts share the axes.
import { axes, H, PAD, tooltipFor, W } from './chart-axes.js';
import { pie } from './chart-pie.js';
import { barSlots, formatValue, seriesTable, valueAxis } from './chart-scale.js';
import { h, svg } from './dom.js';

function bars(chart, tip) {
  const table = seriesTable(chart);
  const axis = valueAxis(table.series.flatMap((s) => s.values));
  const rotate = table.categories.length > 8;
  const { group, y, plotW } = axes(table, axis, chart.axis_config, rotate);
  const { slots } = barSlots(plotW, table.categories.length, table.series.length);
  const labels = table.categories.length * table.series.length <= 16;
  const marks = svg('g', { class: 'chart-marks' });
  table.series.forEach((s, si) => {
    s.values.forEach((v, ci) => {
      if (v === null) return;
      const slot = slots[ci][si];
      const top = y(Math.max(0, v));
      const height = Math.max(v === 0 ? 0 : 1, Math.abs(y(v) - y(0)));
      const line = `${s.name}: ${formatValue(v)}`;
      const rect = svg(
        'rect',
        {
          class: 'chart-bar',
          x: PAD.left + slot.x,
          y: top,
          width: slot.width,
          height,
          rx: 2,
          fill: s.color,
          dataset: { series: s.name, category: table.categories[ci], value: v },
        },
        svg('title', {}, `${table.categories[ci]} · ${line}`),
      );
      tip(rect, [table.categories[ci], line]);
      marks.append(rect);
      if (labels)
        marks.append(
          svg(
            'text',
            {
              class: 'chart-value',
              x: PAD.left + slot.x + slot.width / 2,
              y: v >= 0 ? top - 4 : top + height + 12,
              'text-anchor': 'middle',
            },
            formatValue(v),
          ),
        );
    });
  });
  return { nodes: [group, marks], legend: table.series };
}

function lines(chart, tip, filled) {
  const table = seriesTable(chart);
  const axis = valueAxis(table.series.flatMap((s) => s.values));
  const { group, y, band } = axes(table, axis, chart.axis_config, table.categories.length > 8);
  const marks = svg('g', { class: 'chart-marks' });
  const x = (i) => PAD.left + band * (i + 0.5);
  // Area series are "layered in array order (first at back)"; lines draw in the same order.
  for (const s of table.series) {
    const points = s.values.map((v, i) => (v === null ? null : [x(i), y(v)])).filter(Boolean);
    if (points.length === 0) continue;
    const d = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
    if (filled) {
      const base = y(Math.max(axis.min, 0));
      const area = `${d} L${points.at(-1)[0].toFixed(1)},${base} L${points[0][0].toFixed(1)},${base} Z`;
      marks.append(svg('path', { class: 'chart-area', d: area, fill: s.color, dataset: { series: s.name } }));
    }
    marks.append(svg('path', { class: 'chart-line', d, stroke: s.color, dataset: { series: s.name } }));
    s.values.forEach((v, i) => {
      if (v === null) return;
      const line = `${s.name}: ${formatValue(v)}`;
      const dot = svg(
        'circle',
        {
          class: 'chart-point',
          cx: x(i),
          cy: y(v),
          r: 3.5,
          fill: s.color,
          dataset: { series: s.name, category: table.categories[i], value: v },
        },
        svg('title', {}, `${table.categories[i]} · ${line}`),
      );
      tip(dot, [table.categories[i], line]);
      marks.append(dot);
    });
  }
  return { nodes: [group, marks], legend: table.series };
}

const KINDS = { bar: bars, line: (c, t) => lines(c, t, false), area: (c, t) => lines(c, t, true), pie };

/** A data_visualization block: title, chart and legend. */
export function renderChart(b) {
  const chart = b.chart ?? {};
  const title = String(b.title ?? '');
  const figure = h(
    'figure',
    { class: 'bk-chart', dataset: { chartType: chart.type ?? 'unknown' } },
    h('figcaption', { class: 'chart-title' }, title),
  );
  const draw = KINDS[chart.type];
  if (!draw) {
    figure.append(
      h('div', { class: 'bk-unsupported' }, `This chart (${chart.type ?? 'unknown'}) is not shown here.`),
    );
    return figure;
  }
  const { nodes, legend } = draw(chart, tooltipFor(figure));
  figure.insertBefore(
    svg('svg', { class: 'chart-svg', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title }, ...nodes),
    figure.lastChild,
  );
  const items = legend.map((l) => {
    const swatch = h('span', { class: 'chart-swatch', 'aria-hidden': 'true' });
    // Set through the CSSOM: the page's CSP refuses style attributes, not this.
    swatch.style.background = l.color;
    return h('li', { class: 'chart-legend-item', dataset: { series: l.name } }, swatch, l.name);
  });
  figure.insertBefore(h('ul', { class: 'chart-legend' }, ...items), figure.lastChild);
  return figure;
}
