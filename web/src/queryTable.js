import { el } from './dom.js';
import { pick, t, tValue } from './i18n.js';

export function formatFixed(n, digits) {
  return Number(n).toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The parcel query's results table: one page of parcels, sortable by a header click, with the
 * pager under it. It holds the sort order; what a click on a header, a pager button or a row
 * means is the caller's.
 */
export function createResultsTable({ landUseClasses, pageSize, onSort, onPage, onSelect }) {
  const $ = (id) => document.getElementById(id);
  const tbody = document.querySelector('#query-table tbody');
  const headers = [...document.querySelectorAll('#query-table th[data-sort]')];
  let sort = { key: 'parcel_code', dir: 1 };
  let shown = { features: [], matched: 0, offset: 0 };

  function render(page = shown) {
    shown = page;
    const { features, matched, offset } = page;
    tbody.replaceChildren();
    for (const f of features) {
      const p = f.getProperties();
      const c = landUseClasses.find((x) => String(x.code) === String(p.land_use_code));
      const tr = el('tr', { 'data-id': f.getId() ?? '' },
        el('td', { text: p.parcel_code ?? '' }),
        el('td', { text: c ? pick(c, 'name') : (p.land_use_name ?? '') }),
        el('td', { text: tValue(p.status ?? '') }),
        el('td', { class: 'num', text: formatFixed(p.area_ha ?? 0, 2) }),
        el('td', { class: 'num', text: formatFixed(p.area_mu ?? 0, 1) }));
      tr.addEventListener('click', () => { markSelected(tr); onSelect(f); });
      tbody.append(tr);
    }
    headers.forEach((th) => {
      th.classList.toggle('sorted-asc', th.dataset.sort === sort.key && sort.dir > 0);
      th.classList.toggle('sorted-desc', th.dataset.sort === sort.key && sort.dir < 0);
    });
    $('q-page').textContent = matched
      ? t('pager.page', { from: offset + 1, to: offset + features.length, count: matched.toLocaleString() }) : '';
    $('q-prev').disabled = offset === 0;
    $('q-next').disabled = offset + features.length >= matched;
  }

  function markSelected(row) {
    tbody.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
    row.classList.add('selected');
  }

  headers.forEach((th) => {
    th.addEventListener('click', () => {
      sort = sort.key === th.dataset.sort ? { key: sort.key, dir: -sort.dir } : { key: th.dataset.sort, dir: 1 };
      render();
      onSort(sort);
    });
  });
  $('q-prev').addEventListener('click', () => onPage(Math.max(0, shown.offset - pageSize)));
  $('q-next').addEventListener('click', () => onPage(shown.offset + pageSize));

  return {
    render,
    /** The sort as `sortby` wants it: `area_ha` or `-area_ha`. */
    sortby: () => `${sort.dir < 0 ? '-' : ''}${sort.key}`,
    /** Sorts by a column of the table given as `sortby` writes it (a link's; anything else is ignored). */
    setSortby: (text) => {
      const key = String(text).replace(/^[-+]/, '');
      if (headers.some((th) => th.dataset.sort === key)) sort = { key, dir: String(text).startsWith('-') ? -1 : 1 };
      render();
    },
  };
}
