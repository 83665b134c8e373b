// A map of the city drawn from Nanum's own data. Nanum has no district boundaries, only each
// district's centre (its office), so each district is drawn as the part of the city nearest its
// centre: a Voronoi cell, computed by clipping the bounding box with the perpendicular bisector of
// every other centre (25 districts: the simple O(n²) way is plenty). These areas are "nearest
// district office", not legal boundaries. Results are dots at their public, approximate places.
import { t, current, formatNumber } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== undefined && child !== null && child !== '') node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Keeps the part of a convex polygon where (p − m)·d ≤ 0: the side of the bisector nearer the cell's own centre. */
function clip(polygon, m, d) {
  const side = p => (p[0] - m[0]) * d[0] + (p[1] - m[1]) * d[1];
  const out = [];
  polygon.forEach((a, i) => {
    const b = polygon[(i + 1) % polygon.length];
    const fa = side(a);
    const fb = side(b);
    if (fa <= 0) out.push(a);
    if ((fa <= 0) !== (fb <= 0)) {
      const k = fa / (fa - fb);
      out.push([a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k]);
    }
  });
  return out;
}

/** The Voronoi cell of centres[i] inside the box: the box cut by each bisector in turn. */
export function cell(centres, i, box) {
  let polygon = [[box.x0, box.y0], [box.x1, box.y0], [box.x1, box.y1], [box.x0, box.y1]];
  const c = centres[i];
  centres.forEach((o, j) => {
    if (j === i || polygon.length === 0) return;
    const d = [o[0] - c[0], o[1] - c[1]];
    if (d[0] === 0 && d[1] === 0) return;
    polygon = clip(polygon, [(c[0] + o[0]) / 2, (c[1] + o[1]) / 2], d);
  });
  return polygon;
}

/**
 * The city's districts as the areas nearest their centres, with their names, and the given points.
 * districts: [{code, nameKo, nameEn, latitude, longitude}]; points: [{latitude, longitude, title}];
 * options: {title, counts: {code: n}, selected: code, near: {latitude, longitude, km}}.
 * Returns an SVG element (role="img", with its title), or null when there are no districts.
 */
export function districtMap(districts, points = [], options = {}) {
  const located = districts.filter(d => Number.isFinite(d.latitude) && Number.isFinite(d.longitude));
  if (!located.length) return null;
  // An equirectangular projection around the city's middle latitude: fine for a city's extent.
  const lat0 = located.reduce((s, d) => s + d.latitude, 0) / located.length;
  const kx = Math.cos(lat0 * Math.PI / 180);
  const project = (lat, lon) => [lon * kx, -lat];
  const centres = located.map(d => project(d.latitude, d.longitude));
  const xs = centres.map(c => c[0]);
  const ys = centres.map(c => c[1]);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 0.02);
  const margin = span * 0.08;
  const box = { x0: Math.min(...xs) - margin, x1: Math.max(...xs) + margin, y0: Math.min(...ys) - margin, y1: Math.max(...ys) + margin };
  const scale = WIDTH / (box.x1 - box.x0);
  const height = Math.round((box.y1 - box.y0) * scale);
  const toView = ([x, y]) => [(x - box.x0) * scale, (y - box.y0) * scale];
  const inBox = ([x, y]) => x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
  const round = n => Math.round(n * 10) / 10;
  const name = d => (current() === 'ko' ? d.nameKo : d.nameEn) || d.code;
  const counts = options.counts || {};

  const title = options.title || t('map.title');
  const map = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': title, class: 'map' },
    svg('title', {}, title));
  const areas = svg('g', { class: 'areas' });
  const labels = svg('g', { class: 'labels' });
  located.forEach((d, i) => {
    const polygon = cell(centres, i, box).map(toView);
    const selected = options.selected === d.code;
    areas.append(svg('polygon', { points: polygon.map(p => `${round(p[0])},${round(p[1])}`).join(' '),
      class: selected ? 'area selected' : 'area' }));
    const [x, y] = toView(centres[i]);
    labels.append(svg('circle', { cx: round(x), cy: round(y), r: 2.5, class: 'office' }),
      svg('text', { x: round(x), y: round(y - 6), 'text-anchor': 'middle', class: selected ? 'name selected' : 'name' }, name(d)),
      counts[d.code] ? svg('text', { x: round(x), y: round(y + 14), 'text-anchor': 'middle', class: 'count' },
        t('map.count', { n: formatNumber(counts[d.code]) })) : '');
  });
  map.append(areas);

  const near = options.near;
  if (near && Number.isFinite(near.latitude) && Number.isFinite(near.longitude)) {
    const [x, y] = toView(project(near.latitude, near.longitude));
    // A kilometre is 1/111.32 of a degree of latitude; the projection keeps x and y in those units.
    const r = near.km ? near.km / 111.32 * scale : 0;
    map.append(svg('g', { class: 'near' },
      r ? svg('circle', { cx: round(x), cy: round(y), r: round(r), class: 'within' }) : '',
      svg('path', { d: `M${round(x - 6)},${round(y)}h12M${round(x)},${round(y - 6)}v12`, class: 'here' })));
  }

  const dots = svg('g', { class: 'points' });
  for (const p of points) {
    if (!Number.isFinite(p.latitude) || !Number.isFinite(p.longitude)) continue;
    const at = project(p.latitude, p.longitude);
    if (!inBox(at)) continue;
    const [x, y] = toView(at);
    dots.append(svg('circle', { cx: round(x), cy: round(y), r: 5, class: 'point' }, p.title ? svg('title', {}, p.title) : ''));
  }
  map.append(dots, labels);
  return map;
}
