import { get, el } from '../api.js';
import { session } from '../auth.js';
import { t, formatNumber, current } from '../i18n.js';
import { today } from '../ui.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** A horizontal bar chart of one measure by row; a withheld cell is drawn as an outline and says so. */
function barChart(title, rows, measure, unit) {
  const shown = rows.filter(r => r.group !== 'ALL');
  const values = shown.map(r => r.values[measure]).filter(v => v !== null && v !== undefined);
  const max = Math.max(1, ...values);
  const barHeight = 28;
  const width = 640;
  const labelWidth = 160;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${shown.length * barHeight + 10}`, role: 'img',
    'aria-label': title, class: 'chart' });
  shown.forEach((row, i) => {
    const y = i * barHeight + 5;
    const value = row.values[measure];
    chart.append(svg('text', { x: labelWidth - 8, y: y + 18, 'text-anchor': 'end' }, row.label));
    if (value === null || value === undefined) {
      chart.append(svg('rect', { x: labelWidth, y, width: 60, height: barHeight - 8, class: 'withheld' }),
        svg('text', { x: labelWidth + 68, y: y + 18 }, t('report.withheld')));
    } else {
      const w = Math.max(2, (width - labelWidth - 90) * value / max);
      chart.append(svg('rect', { x: labelWidth, y, width: w, height: barHeight - 8, class: 'bar' }),
        svg('text', { x: labelWidth + w + 6, y: y + 18 }, `${formatNumber(value)} ${unit}`));
    }
  });
  return el('figure', {}, el('figcaption', {}, title), chart);
}

async function labels(groupBy) {
  if (groupBy === 'district') {
    const districts = await get('/districts');
    return Object.fromEntries(districts.map(d => [d.code, current() === 'ko' ? d.nameKo : d.nameEn]));
  }
  if (groupBy === 'category') {
    const categories = await get('/categories');
    return Object.fromEntries(categories.map(c => [c.code, { ko: c.nameKo, fr: c.nameFr }[current()] || c.nameEn]));
  }
  return {};
}

export async function reportPage(main) {
  main.replaceChildren(el('h1', {}, t('report.title')));
  if (!session()) {
    main.append(el('p', {}, t('me.signInFirst')));
    return;
  }
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  // By default the last twelve whole months of the city's calendar.
  const [year, monthNow] = today().split('-').map(Number);
  const month = back => {
    const d = new Date(Date.UTC(year, monthNow - 1 - back, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const from = params.get('from') || month(12);
  const to = params.get('to') || month(1);
  const groupBy = params.get('groupBy') || 'month';
  const fromInput = el('input', { id: 'from', type: 'month', value: from, required: 'required' });
  const toInput = el('input', { id: 'to', type: 'month', value: to, required: 'required' });
  const bySelect = el('select', { id: 'groupBy' },
    ...['month', 'district', 'category'].map(g => el('option', { value: g }, t(`report.by.${g}`))));
  bySelect.value = groupBy;
  const form = el('form', { class: 'search' },
    el('label', { for: 'from' }, t('report.from'), fromInput),
    el('label', { for: 'to' }, t('report.to'), toInput),
    el('label', { for: 'groupBy' }, t('report.groupBy'), bySelect),
    el('button', { type: 'submit' }, t('report.show')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/council/report?${new URLSearchParams({ from: fromInput.value, to: toInput.value, groupBy: bySelect.value })}`;
  });
  const status = el('p', { class: 'status', role: 'status' }, t('search.loading'));
  main.append(el('p', {}, t('report.intro')), form, status);
  try {
    const report = await get(`/council/reports/usage?${new URLSearchParams({ from, to, groupBy })}`);
    const names = await labels(groupBy);
    const rows = report.rows.map(r => ({ ...r, label: r.group === 'ALL' ? t('report.all') : (names[r.group] || r.group) }));
    status.textContent = t('report.period', { from: report.from, to: report.to });
    const measure = groupBy === 'month' ? 'TIMEBANK_HOURS' : 'LOANS_MADE';
    const total = rows.find(r => r.group === 'ALL');
    main.append(
      barChart(t(`report.chart.${measure}`), rows, measure, t(`report.unit.${measure}`)),
      groupBy === 'month' ? barChart(t('report.chart.LOANS_MADE'), rows, 'LOANS_MADE', t('report.unit.LOANS_MADE')) : '',
      el('p', {}, t('report.carbon', {
        kg: total.values.CARBON_AVOIDED_KG == null ? t('report.withheld') : formatNumber(total.values.CARBON_AVOIDED_KG),
        coverage: report.carbonCoverage == null ? '—' : formatNumber(Math.round(report.carbonCoverage * 100)) })),
      // A wide table scrolls on its own; the region takes the keyboard's focus so it can be scrolled.
      el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('report.table') }, el('table', {},
        el('caption', {}, t('report.table')),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('report.group')),
          ...report.measures.map(m => el('th', { scope: 'col' }, t(`measure.${m.name}`))))),
        el('tbody', {}, ...rows.map(r => el('tr', {}, el('th', { scope: 'row' }, r.label),
          ...report.measures.map(m => el('td', {}, r.withheld.includes(m.name) ? t('report.withheld')
            : r.values[m.name] == null ? '' : formatNumber(r.values[m.name])))))))),
      el('p', { class: 'meta' }, t('report.digest', { digest: report.digest, version: report.queryVersion })));
  } catch (e) {
    status.textContent = e.status === 403 ? t('report.notMember') : t('error.load');
    status.className = 'error';
  }
}
