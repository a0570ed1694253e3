// `#/map?category=cloud-infra&z=1.5&x=120&y=40`: the career map of the
// whole corpus or of one family, drawn by the API at the places it
// compiled (roles across, levels down, the highest at the top). Every box
// opens its role. The map pans and zooms (`zoom.js`), and the address
// keeps where it was left, so a reload or a shared link shows the same
// part of the map.

import { gql, pick } from '../api.js';
import { h, replace } from '../dom.js';
import { mapHref, mapViewOf, roleHref } from '../links.js';
import { zoomableFigure } from '../picture.js';
import { loading, note, pageHeading } from '../ui.js';

export const MAP = `query CareerMapView($category: String, $lang: String) {
  careerMap(category: $category, first: 100) {
    totalCount
    roles { job { id slug name } stages { stage { id name } } }
    edges { kind }
    picture(lang: $lang)
  }
}`;

const FAMILIES = `query MapFamilies { jobs(first: 100, filter: { hasGuide: true }) { nodes { category } } }`;

/**
 * The nodes the map's picture draws, as the figure's legend and links want
 * them, and the role each one opens.
 */
function mapParts(map) {
  const nodes = [];
  const roleOf = new Map();
  for (const role of map.roles) {
    nodes.push({ id: role.job.id, kind: 'JOB', label: role.job.name });
    roleOf.set(role.job.id, role.job.slug);
    for (const { stage } of role.stages) {
      nodes.push({ id: stage.id, kind: 'CAREER_STAGE', label: stage.name });
      roleOf.set(stage.id, role.job.slug);
    }
  }
  return { nodes, roleOf };
}

/**
 * The map answered by `MAP` as a figure that pans and zooms:
 * `{ figure, viewer }` (see `zoomableFigure`). `onChange(view)` hears
 * every view settled on; `wheelZooms: false` leaves the wheel to scroll
 * the page where the map is one part of it.
 */
export function mapFigure(map, { category, onChange, wheelZooms = true }) {
  const { nodes, roleOf } = mapParts(map);
  const shown = map.roles.length < map.totalCount ? `${map.totalCount} 職種のうち ${map.roles.length} 職種` : `${map.roles.length} 職種`;
  return zoomableFigure(map.picture, nodes, map.edges, {
    caption: `${shown}。横に職種、縦にレベル（上ほど上位）。`,
    label: category ? `${category} の職種マップ` : '職種マップ',
    linkFor: (node) => roleHref(roleOf.get(node.id) ?? ''),
    // A map has no centre: every role is marked alike.
    center: null,
    onChange,
    wheelZooms,
  });
}

function familyPicker(families, current) {
  const select = h('select', { id: 'map-family', name: 'category' },
    h('option', { value: '' }, 'すべての職種群'),
    families.map((family) => h('option', { value: family, selected: family === current }, family)));
  select.addEventListener('change', () => {
    location.hash = mapHref(select.value);
  });
  return h('form', { class: 'card graph-controls', onsubmit: (event) => event.preventDefault() },
    h('div', { class: 'field field--inline' }, h('label', { for: 'map-family' }, '職種群'), select));
}

export default {
  nav: 'map',
  title: () => '職種マップ',
  async render(main, route, context) {
    const category = route.get('category') || null;
    const { signal } = context;
    replace(main, loading('職種マップを描画中…'));
    const [families, answer] = await Promise.all([
      gql(FAMILIES, {}, { signal }),
      gql(MAP, { category }, { signal }),
    ]);
    const map = pick(answer, 'careerMap');
    const known = [...new Set(families.data.jobs.nodes.map((job) => job.category).filter(Boolean))].sort();
    const heading = pageHeading('職種マップ');
    if (!map.roles.length) {
      replace(main, heading, familyPicker(known, category),
        note(category ? `「${category}」の職種群に、キャリアラダーのある職種はありません。` : 'キャリアラダーのある職種がまだありません。'));
      return;
    }
    const { figure, viewer } = mapFigure(map, {
      category,
      onChange: (view) => context.keepAddress(mapHref(category, view)),
    });
    Object.assign(context.state, { category, viewer, figure });
    replace(main,
      h('p', { class: 'eyebrow' }, 'キャリア'),
      heading,
      h('p', { class: 'lead' }, '職種ごとのキャリアラダーを、同じレベルの段階が同じ高さに並ぶように置いた地図です。箱を選ぶと、その職種へ移ります。ドラッグやスクロールで動かし、ホイールやボタンで拡大・縮小できます。'),
      familyPicker(known, category),
      figure);
    viewer.show(mapViewOf(route));
  },
  /** Another view of the same family (Back, an edited address) moves the map in place. */
  update(main, route, context) {
    const { viewer, figure, category } = context.state;
    if (!viewer || !main.contains(figure) || (route.get('category') || null) !== category) return false;
    viewer.show(mapViewOf(route));
    return true;
  },
};
