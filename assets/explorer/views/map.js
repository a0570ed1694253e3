// `#/map?category=cloud-infra`: the career map of the whole corpus or of one
// family, drawn by the API at the places it compiled (roles across, levels
// down, the highest at the top). Every box opens its role.

import { gql, pick } from '../api.js';
import { h, replace } from '../dom.js';
import { href, roleHref } from '../links.js';
import { graphFigure } from '../picture.js';
import { loading, note, pageHeading } from '../ui.js';

const MAP = `query CareerMapView($category: String, $lang: String) {
  careerMap(category: $category, first: 100) {
    totalCount
    roles { job { id slug name } stages { stage { id name } } }
    edges { kind }
    picture(lang: $lang)
  }
}`;

const FAMILIES = `query MapFamilies { jobs(first: 100, filter: { hasGuide: true }) { nodes { category } } }`;

/** The address of the map of `category` (every family when empty). */
export function mapHref(category) {
  return href(['map'], { category: category || null });
}

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
    const { nodes, roleOf } = mapParts(map);
    const shown = map.roles.length < map.totalCount ? `${map.totalCount} 職種のうち ${map.roles.length} 職種` : `${map.roles.length} 職種`;
    const figure = graphFigure(map.picture, nodes, map.edges, {
      caption: `${shown}。横に職種、縦にレベル（上ほど上位）。`,
      label: category ? `${category} の職種マップ` : '職種マップ',
      linkFor: (node) => roleHref(roleOf.get(node.id) ?? ''),
      // A map has no centre: every role is marked alike.
      center: null,
    });
    replace(main,
      h('p', { class: 'eyebrow' }, 'キャリア'),
      heading,
      h('p', { class: 'lead' }, '職種ごとのキャリアラダーを、同じレベルの段階が同じ高さに並ぶように置いた地図です。箱を選ぶと、その職種へ移ります。'),
      familyPicker(known, category),
      figure);
  },
};

