// `#/graph/:id?depth=1&kinds=JOB,SKILL&dir=td`: the graph around any node,
// drawn by the API, with every node a link to move on.

import { gql, loadCatalog, pick } from '../api.js';
import { h, replace } from '../dom.js';
import { KINDS, KIND_LABELS, graphHref, roleHref } from '../links.js';
import { graphFigure } from '../picture.js';
import { chip, chips, failure, kindBadge, loading, note, pageHeading, section } from '../ui.js';

const VIEW = `query Neighbourhood($id: ID!, $depth: Int!, $kinds: [NodeKind!]) {
  neighborhood(id: $id, depth: $depth, kinds: $kinds) { nodes { id kind label } edges { source target kind } }
}`;

const PICTURE = `query NeighbourhoodPicture($id: ID!, $depth: Int!, $kinds: [NodeKind!], $direction: PictureDirection!) {
  neighborhood(id: $id, depth: $depth, kinds: $kinds) { svg(direction: $direction) }
}`;

/** Around a job, everything at depth 1 is a hundred nodes: start with the readable kinds. */
const JOB_KINDS = ['JOB', 'SKILL', 'TEAM'];

function settings(route) {
  const id = route.segments[0] ?? null;
  const depth = Math.min(3, Math.max(1, Number(route.get('depth')) || 1));
  const listed = route.list('kinds').filter((kind) => KINDS.includes(kind));
  const kinds = listed.length ? listed : id?.startsWith('job:') ? JOB_KINDS : KINDS;
  const direction = route.get('dir') === 'td' ? 'TOP_DOWN' : 'LEFT_RIGHT';
  return { id, depth, kinds, direction };
}

function linkWith(id, { depth, kinds, direction }, keepKinds) {
  return graphHref(id, {
    depth: depth === 1 ? null : depth,
    kinds: keepKinds && kinds.length !== KINDS.length ? kinds : null,
    dir: direction === 'TOP_DOWN' ? 'td' : null,
  });
}

export default {
  nav: 'graph',
  title: (route) => route.segments[0] ?? 'グラフをたどる',
  async render(main, route, context) {
    const current = settings(route);
    if (!current.id) {
      await chooser(main, context);
      return;
    }
    replace(main, loading('グラフを読み込み中…'));
    const picture = h('div', { class: 'slot' });
    const list = h('div', { class: 'slot' });
    const controls = controlsFor(current);
    const heading = pageHeading(current.id);
    Object.assign(context.state, { id: current.id, picture, list, controls, heading, ready: true });
    replace(main,
      h('p', { class: 'eyebrow' }, 'グラフ'),
      heading,
      controls.form,
      h('div', { class: 'columns columns--graph' },
        section('図', { id: 'picture' }, picture),
        section('ノード', { id: 'nodes', lead: '選ぶとそのノードを中心に描き直します。' }, list)));
    await refresh(current, context);
  },
  update(main, route, context) {
    const next = settings(route);
    if (!context.state.ready || next.id !== context.state.id || !main.contains(context.state.heading)) return false;
    context.state.controls.sync(next);
    refresh(next, context).catch((error) => {
      if (error.name !== 'AbortError') replace(context.state.picture, failure(error));
    });
    return true;
  },
};

async function refresh(current, context) {
  const { signal, state } = context;
  const variables = { id: current.id, depth: current.depth, kinds: current.kinds };
  replace(state.picture, loading('図を描いています…'));
  replace(state.list, loading());
  // Answers to earlier settings may arrive after later ones: only the
  // latest is shown.
  state.ticket = (state.ticket ?? 0) + 1;
  const ticket = state.ticket;
  const drawn = gql(PICTURE, { ...variables, direction: current.direction }, { signal });
  drawn.catch(() => {});
  const view = pick(await gql(VIEW, variables, { signal }), 'neighborhood');
  if (ticket !== state.ticket) return;
  const center = view.nodes[0];
  state.heading.replaceChildren(center.label, ' ', kindBadge(center.kind));
  context.setTitle(`${center.label} のまわり`);
  replace(state.list, nodeList(view, current));
  try {
    const svg = pick(await drawn, 'neighborhood').svg;
    if (ticket !== state.ticket) return;
    replace(state.picture, graphFigure(svg, view.nodes, view.edges, {
      caption: `${view.nodes.length} ノード・${view.edges.length} 本の関係`,
      label: `${center.label} のまわりのグラフ`,
      linkFor: (node) => linkWith(node.id, current, false),
    }));
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    replace(state.picture, failure(error.code === 'BAD_USER_INPUT'
      ? new Error(`ノードが多すぎて描けません（${view.nodes.length} 個）。種類を絞るか、深さを下げてください。右の一覧からはたどれます。`)
      : error));
  }
}

function controlsFor(initial) {
  const depth = h('select', { id: 'graph-depth' }, [1, 2, 3].map((value) => h('option', { value, selected: value === initial.depth }, `${value} 歩`)));
  const boxes = KINDS.map((kind) => h('input', { type: 'checkbox', name: 'kinds', value: kind, checked: initial.kinds.includes(kind) }));
  const directions = [['LEFT_RIGHT', '左から右'], ['TOP_DOWN', '上から下']].map(([value, label]) => [
    h('input', { type: 'radio', name: 'direction', value, id: `dir-${value}`, checked: initial.direction === value }), label]);
  const form = h('form', { class: 'card graph-controls', onsubmit: (event) => event.preventDefault() },
    h('div', { class: 'field field--inline' }, h('label', { for: 'graph-depth' }, '深さ'), depth),
    h('fieldset', { class: 'kinds' }, h('legend', null, '表示する種類'),
      boxes.map((box) => h('label', { class: ['kind-toggle', `kind-${box.value}`] }, box, KIND_LABELS[box.value]))),
    h('fieldset', { class: 'directions' }, h('legend', null, '向き'),
      directions.map(([radio, label]) => h('label', null, radio, label))));
  const go = () => {
    const kinds = boxes.filter((box) => box.checked).map((box) => box.value);
    const direction = form.querySelector('input[name=direction]:checked')?.value ?? 'LEFT_RIGHT';
    location.hash = linkWith(initial.id, { depth: Number(depth.value), kinds: kinds.length ? kinds : KINDS, direction }, true);
  };
  form.addEventListener('change', go);
  return {
    form,
    sync(next) {
      depth.value = String(next.depth);
      for (const box of boxes) box.checked = next.kinds.includes(box.value);
      for (const [radio] of directions) radio.checked = radio.value === next.direction;
    },
  };
}

function nodeList(view, current) {
  const [center, ...rest] = view.nodes;
  const groups = KINDS.map((kind) => [kind, rest.filter((node) => node.kind === kind)]).filter(([, nodes]) => nodes.length);
  return h('div', { class: 'node-list' },
    h('p', { class: 'node-list__center' }, kindBadge(center.kind), ' ', h('strong', null, center.label),
      center.kind === 'JOB' ? [' ', h('a', { href: roleHref(center.id.slice(4)) }, 'プロフィールを見る')] : null),
    groups.length ? groups.map(([kind, nodes]) => h('div', { class: 'node-list__group' },
      h('h3', { class: 'subhead' }, KIND_LABELS[kind], h('span', { class: 'count' }, String(nodes.length))),
      h('ul', { class: 'chips' }, nodes.map((node) => h('li', null, chip(node.label, { href: linkWith(node.id, current, false), tone: `kind-${kind}`, title: node.id }))))))
      : note('この条件でつながるノードはありません。'));
}

async function chooser(main, context) {
  replace(main, loading());
  const catalog = await loadCatalog();
  context.setTitle('グラフをたどる');
  replace(main,
    pageHeading('グラフをたどる'),
    h('p', { class: 'lead' }, '職種・スキル・ツールなど、どのノードからでもまわりを図にできます。図や一覧のノードを選ぶと、そこを中心に描き直します。'),
    section('職種から', { id: 'from-jobs' },
      h('ul', { class: 'chips' }, catalog.jobs.map((job) => h('li', null, chip(job.name, { href: graphHref(job.id), tone: 'kind-JOB' }))))),
    section('ツールから', { id: 'from-tools' },
      chips(catalog.tools, { limit: 40, tone: 'kind-TOOL', textFor: (tool) => tool.name, hrefFor: (tool) => graphHref(tool.id), label: 'ツール' })),
    section('スキルから', { id: 'from-skills' },
      h('ul', { class: 'chips' }, catalog.skills.map((skill) => h('li', null, chip(skill.name, { href: graphHref(skill.id), tone: 'kind-SKILL' }))))));
}
