// Block Kit blocks to DOM, laid out the way Slack lays them out.
import { renderChart } from './chart.js';
import { renderDataTable } from './data-table.js';
import { h } from './dom.js';
import { imageUrl, renderElement, textObject } from './elements.js';
import { renderInputBlock } from './input-block.js';
import { renderMrkdwn } from './mrkdwn.js';
import { renderRichText } from './rich-text.js';

/** A text object in a block: mrkdwn keeps line breaks, quotes and code blocks. */
function blockText(t, ctx, cls) {
  if (t?.type === 'mrkdwn') {
    return h(
      'div',
      { class: `mrkdwn ${cls}` },
      renderMrkdwn(String(t.text ?? ''), ctx, { verbatim: t.verbatim !== false }),
    );
  }
  return h('div', { class: `plain ${cls}` }, ...textObject(t, ctx));
}

function section(b, ctx) {
  const main = h('div', { class: 'bk-section-main' });
  if (b.text) main.append(blockText(b.text, ctx, 'bk-section-text'));
  if (Array.isArray(b.fields) && b.fields.length > 0) {
    main.append(h('div', { class: 'bk-fields' }, ...b.fields.map((f) => blockText(f, ctx, 'bk-field'))));
  }
  const accessory = b.accessory
    ? h('div', { class: 'bk-accessory' }, renderElement(b.accessory, b.block_id, ctx, 'accessory'))
    : null;
  return h('div', { class: 'bk-section' }, main, accessory);
}

function context(b, ctx) {
  const items = (b.elements ?? []).map((el) => {
    if (el.type === 'image') return renderElement(el, b.block_id, ctx, 'context');
    return blockText(el, ctx, 'bk-context-text');
  });
  return h('div', { class: 'bk-context' }, ...items);
}

function image(b, ctx) {
  const src = imageUrl(b);
  const title = b.title ? h('div', { class: 'bk-image-title' }, ...textObject(b.title, ctx)) : null;
  const img = src
    ? h('img', {
        class: 'bk-image',
        src,
        alt: b.alt_text ?? '',
        loading: 'lazy',
        referrerpolicy: 'no-referrer',
      })
    : h('div', { class: 'bk-missing' }, b.alt_text ?? 'image');
  return h('figure', { class: 'bk-image-block' }, title, img);
}

function cell(c, ctx, tag, align) {
  const content = c?.type === 'rich_text' ? renderRichText(c, ctx) : String(c?.text ?? '');
  return h(tag, { class: `bk-cell bk-align-${align}` }, content);
}

function table(b, ctx) {
  const settings = b.column_settings ?? [];
  const rows = Array.isArray(b.rows) ? b.rows : [];
  const align = (i) =>
    ['left', 'center', 'right'].includes(settings[i]?.align) ? settings[i].align : 'left';
  const wrap = (i) => (settings[i]?.is_wrapped ? ' bk-wrap' : '');
  const [head, ...body] = rows;
  const thead = head
    ? h('thead', {}, h('tr', {}, ...head.map((c, i) => cell(c, ctx, 'th', align(i)))))
    : null;
  const tbody = h(
    'tbody',
    {},
    ...body.map((r) => h('tr', {}, ...r.map((c, i) => cell(c, ctx, 'td', `${align(i)}${wrap(i)}`)))),
  );
  return h('div', { class: 'bk-table-wrap' }, h('table', { class: 'bk-table' }, thead, tbody));
}

function block(b, ctx) {
  switch (b?.type) {
    case 'header':
      return h('div', { class: 'bk-header' }, ...textObject(b.text, ctx));
    case 'section':
      return section(b, ctx);
    case 'context':
      return context(b, ctx);
    case 'divider':
      return h('hr', { class: 'bk-divider' });
    case 'actions':
      return h(
        'div',
        { class: 'bk-actions' },
        ...(b.elements ?? []).map((el) => renderElement(el, b.block_id, ctx)),
      );
    case 'image':
      return image(b, ctx);
    case 'rich_text':
      return renderRichText(b, ctx);
    case 'table':
      return table(b, ctx);
    case 'data_table':
      return renderDataTable(b, ctx);
    case 'data_visualization':
      return renderChart(b);
    case 'input':
      // Inputs live in views (ctx.form); Slack's messages take none the app could read back.
      if (ctx.form) return renderInputBlock(b, ctx);
      return h('div', { class: 'bk-unsupported' }, 'This block (input) is not shown here.');
    default:
      return h('div', { class: 'bk-unsupported' }, `This block (${b?.type ?? 'unknown'}) is not shown here.`);
  }
}

/** All blocks of a message; a table block shows at the bottom of the message, as in Slack. */
export function renderBlocks(blocks, ctx) {
  const list = Array.isArray(blocks) ? blocks : [];
  const ordered = [...list.filter((b) => b?.type !== 'table'), ...list.filter((b) => b?.type === 'table')];
  return h(
    'div',
    { class: 'blocks' },
    ...ordered.map((b) => {
      const node = block(b, ctx);
      node.classList.add('bk-block', `bk-${b?.type ?? 'unknown'}-block`);
      if (b?.block_id) node.dataset.blockId = b.block_id;
      return node;
    }),
  );
}
