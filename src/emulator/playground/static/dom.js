// Builds DOM nodes from data. Text always becomes text nodes: nothing from a message is parsed as HTML.

/**
 * `h('a', { class: 'x', href, onclick }, 'text', child)`: attributes starting with `on` become
 * listeners, `dataset` sets data-* attributes, `false`/`null`/`undefined` attributes are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), nodes and nested arrays; skips null and undefined. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(document.createTextNode(String(child)));
  }
  return parent;
}

/** An SVG icon from a small path set (drawn in currentColor). */
export function icon(name, size = 16) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('icon', `icon-${name}`);
  for (const d of ICONS[name] ?? []) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill-rule', 'evenodd');
    svg.append(path);
  }
  return svg;
}

const ICONS = {
  eye: [
    'M10 4.5c-4 0-7 3.2-8 5.5 1 2.3 4 5.5 8 5.5s7-3.2 8-5.5c-1-2.3-4-5.5-8-5.5Zm0 9.3a3.8 3.8 0 1 1 0-7.6 3.8 3.8 0 0 1 0 7.6Zm0-5.8a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z',
  ],
  hash: [
    'M8.3 3 7.8 6.5h3.9l.5-3.5h1.6l-.5 3.5H16v1.6h-2.9l-.6 3.8H15v1.6h-2.7l-.5 3.5h-1.6l.5-3.5H6.8l-.5 3.5H4.7l.5-3.5H3v-1.6h2.4L6 8.1H3.5V6.5h2.7L6.7 3h1.6Zm3.2 5.1H7.6L7 11.9h3.9l.6-3.8Z',
  ],
  lock: [
    'M10 2.5a3.5 3.5 0 0 0-3.5 3.5v2H5.5A1.5 1.5 0 0 0 4 9.5v6A1.5 1.5 0 0 0 5.5 17h9a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 14.5 8h-1V6A3.5 3.5 0 0 0 10 2.5ZM8 6a2 2 0 1 1 4 0v2H8V6Z',
  ],
  sheet: [
    'M4 3h12a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Zm1 2v3h4V5H5Zm6 0v3h4V5h-4ZM5 10v5h4v-5H5Zm6 0v5h4v-5h-4Z',
  ],
  file: ['M5 2h6.5L16 6.5V17a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1Zm6 1.5V7h3.5L11 3.5Z'],
  download: ['M9.2 3h1.6v8.1l2.9-2.9 1.1 1.1L10 14.1 5.2 9.3l1.1-1.1 2.9 2.9V3ZM4 15.5h12V17H4v-1.5Z'],
  external: ['M11 3h6v6h-1.6V5.7l-6.1 6.1-1.1-1.1 6.1-6.1H11V3ZM4 5h5v1.6H5.6v7.8h7.8V11H15v5H4V5Z'],
  thread: [
    'M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v8a1.5 1.5 0 0 1-1.5 1.5H8l-4 3v-3h-.5A1.5 1.5 0 0 1 2 12.5v-8h1Z',
  ],
  menu: ['M3 5h14v1.6H3V5Zm0 4.2h14v1.6H3V9.2Zm0 4.2h14V15H3v-1.6Z'],
  chevron: ['M5.5 7.5 10 12l4.5-4.5 1 1L10 14 4.5 8.5l1-1Z'],
  dots: [
    'M10 4.5a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Zm0 7a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Zm0 7a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Z',
  ],
  send: ['M2.5 3.2 18 10 2.5 16.8l1.9-5.9L12 10l-7.6-.9-1.9-5.9Z'],
  close: ['m5.1 4 4.9 4.9L14.9 4l1.1 1.1-4.9 4.9 4.9 4.9-1.1 1.1-4.9-4.9L5.1 16 4 14.9 8.9 10 4 5.1 5.1 4Z'],
  search: [
    'M8.5 3a5.5 5.5 0 0 1 4.4 8.8l4 4-1.1 1.1-4-4A5.5 5.5 0 1 1 8.5 3Zm0 1.6a3.9 3.9 0 1 0 0 7.8 3.9 3.9 0 0 0 0-7.8Z',
  ],
};

const SVG_NS = 'http://www.w3.org/2000/svg';

/** `svg('rect', { x: 1 }, child)`: an SVG element; attributes set as given, text as text nodes. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}
