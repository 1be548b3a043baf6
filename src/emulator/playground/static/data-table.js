// The data_table block as Slack's client draws it: a caption, a header row whose columns sort on
// click, a filter, and pages of `page_size` rows (5 unless set). raw_number cells align right.
import { h, icon } from './dom.js';
import { renderRichText } from './rich-text.js';
import { filterRows, isNumericColumn, nextSort, pageOf, pageSizeOf, sortRows } from './table-model.js';

const ARIA_SORT = { asc: 'ascending', desc: 'descending', none: 'none' };

function cellNode(cell, ctx, header) {
  const content = cell?.type === 'rich_text' ? renderRichText(cell, ctx) : String(cell?.text ?? '');
  const align = cell?.type === 'raw_number' ? 'right' : 'left';
  return header
    ? h('th', { class: `dt-cell bk-align-${align}`, scope: 'row' }, content)
    : h('td', { class: `dt-cell bk-align-${align}` }, content);
}

/** A data_table block; sorting, filtering and paging stay in the page, as in Slack's client. */
export function renderDataTable(b, ctx) {
  const [head = [], ...data] = Array.isArray(b.rows) ? b.rows : [];
  const size = pageSizeOf(b);
  const rowHeader = Number.isInteger(b.row_header_column_index) ? b.row_header_column_index : 0;
  const view = { sort: { column: null, dir: 'none' }, query: '', page: 1 };
  const thead = h('thead');
  const tbody = h('tbody');
  const pager = h('div', { class: 'dt-pager' });
  const filter = h('input', {
    class: 'dt-filter',
    type: 'search',
    placeholder: 'Filter',
    'aria-label': `Filter ${b.caption ?? 'table'}`,
  });
  filter.addEventListener('input', () => {
    view.query = filter.value;
    view.page = 1;
    draw();
  });

  function header() {
    return h(
      'tr',
      {},
      ...head.map((cell, i) => {
        const dir = view.sort.column === i ? view.sort.dir : 'none';
        const button = h(
          'button',
          { class: 'dt-sort', type: 'button', dataset: { column: String(i), dir } },
          h('span', {}, String(cell?.text ?? '')),
          h('span', { class: `dt-arrow dt-arrow-${dir}`, 'aria-hidden': 'true' }, dir === 'desc' ? '▼' : '▲'),
        );
        button.addEventListener('click', () => {
          view.sort = nextSort(view.sort, i);
          view.page = 1;
          draw();
        });
        const align = isNumericColumn(data, i) ? 'right' : 'left';
        return h(
          'th',
          { class: `dt-head bk-align-${align}`, scope: 'col', 'aria-sort': ARIA_SORT[dir] },
          button,
        );
      }),
    );
  }

  function pagerButton(label, page, disabled, cls) {
    const button = h(
      'button',
      { class: `dt-page ${cls}`, type: 'button', disabled, 'aria-label': label },
      icon('chevron', 14),
    );
    button.addEventListener('click', () => {
      view.page = page;
      draw();
    });
    return button;
  }

  function draw() {
    const rows = sortRows(filterRows(data, view.query), view.sort.column, view.sort.dir);
    const page = pageOf(rows, view.page, size);
    view.page = page.page;
    thead.replaceChildren(header());
    tbody.replaceChildren(
      ...page.rows.map((row) => h('tr', {}, ...row.map((cell, i) => cellNode(cell, ctx, i === rowHeader)))),
    );
    if (page.total === 0) {
      tbody.append(
        h('tr', {}, h('td', { class: 'dt-empty', colspan: String(head.length || 1) }, 'No matching rows')),
      );
    }
    const range = page.total === 0 ? '0 rows' : `${page.from}–${page.to} of ${page.total}`;
    pager.replaceChildren(
      h('span', { class: 'dt-range' }, range),
      pagerButton('Previous page', page.page - 1, page.page <= 1, 'dt-prev'),
      h('span', { class: 'dt-page-of' }, `Page ${page.page} of ${page.pages}`),
      pagerButton('Next page', page.page + 1, page.page >= page.pages, 'dt-next'),
    );
    pager.hidden = data.length <= size;
  }

  draw();
  return h(
    'div',
    { class: 'bk-data-table' },
    h('div', { class: 'dt-toolbar' }, h('span', { class: 'dt-title' }, String(b.caption ?? '')), filter),
    h(
      'div',
      { class: 'dt-scroll' },
      h(
        'table',
        { class: 'dt-table' },
        h('caption', { class: 'dt-caption' }, String(b.caption ?? '')),
        thead,
        tbody,
      ),
    ),
    pager,
  );
}
