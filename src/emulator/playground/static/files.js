// Shared files: images inline (click for full size), anything else as a card with a download link.
import { h, icon } from './dom.js';

export function formatSize(bytes) {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${bytes || 0} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

function isImage(file) {
  return /^image\/(?:png|jpeg|gif|webp)$/.test(file.mimetype);
}

function imageFile(file, ctx) {
  const img = h('img', { class: 'file-image', src: file.url, alt: file.title || file.name });
  const open = h(
    'button',
    {
      class: 'file-image-button',
      type: 'button',
      title: 'Open full size',
      'aria-label': `Open ${file.name} full size`,
    },
    img,
  );
  open.addEventListener('click', () => ctx.openImage(file));
  return h(
    'figure',
    { class: 'file file-kind-image', dataset: { fileId: file.id, fileName: file.name } },
    h(
      'figcaption',
      { class: 'file-caption' },
      h('span', { class: 'file-caption-name' }, file.title || file.name),
      h('span', { class: 'file-caption-size' }, formatSize(file.size)),
    ),
    open,
  );
}

function card(file) {
  const type = (file.filetype || 'file').toUpperCase();
  return h(
    'div',
    {
      class: `file file-card file-type-${file.filetype || 'binary'}`,
      dataset: { fileId: file.id, fileName: file.name },
    },
    h(
      'div',
      { class: 'file-tile', 'aria-hidden': 'true' },
      icon(file.filetype === 'csv' ? 'sheet' : 'file', 24),
    ),
    h(
      'div',
      { class: 'file-meta' },
      h(
        'a',
        { class: 'file-name', href: file.url, target: '_blank', rel: 'noopener' },
        file.title || file.name,
      ),
      h('div', { class: 'file-detail' }, `${type} · ${formatSize(file.size)}`),
    ),
    h(
      'a',
      {
        class: 'file-download',
        href: file.downloadUrl,
        download: file.name,
        title: `Download ${file.name}`,
        'aria-label': `Download ${file.name}`,
      },
      icon('download', 18),
    ),
  );
}

export function renderFiles(files, ctx) {
  if (!files?.length) return null;
  return h('div', { class: 'files' }, ...files.map((f) => (isImage(f) ? imageFile(f, ctx) : card(f))));
}

/** The full-size view of an image file, over the page; Escape or a click outside closes it. */
export function openLightbox(file) {
  document.querySelector('.lightbox')?.remove();
  const close = () => {
    box.remove();
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (event) => {
    if (event.key === 'Escape') close();
  };
  const bar = h(
    'div',
    { class: 'lightbox-bar' },
    h('span', { class: 'lightbox-name' }, file.title || file.name),
    h('span', { class: 'lightbox-size' }, formatSize(file.size)),
    h(
      'a',
      { class: 'lightbox-action', href: file.url, target: '_blank', rel: 'noopener' },
      icon('external', 14),
      'Open in new tab',
    ),
    h(
      'a',
      { class: 'lightbox-action', href: file.downloadUrl, download: file.name },
      icon('download', 14),
      'Download',
    ),
    h(
      'button',
      { class: 'lightbox-close', type: 'button', 'aria-label': 'Close', onclick: close },
      icon('close', 18),
    ),
  );
  const img = h('img', { class: 'lightbox-image', src: file.url, alt: file.title || file.name });
  const stage = h('div', { class: 'lightbox-stage' }, img);
  const box = h(
    'div',
    { class: 'lightbox', role: 'dialog', 'aria-modal': 'true', 'aria-label': file.name },
    bar,
    stage,
  );
  stage.addEventListener('click', (event) => {
    if (event.target === stage) close();
  });
  document.addEventListener('keydown', onKey);
  document.body.append(box);
}
