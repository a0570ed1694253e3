// `#/graph/:id?depth=1&kinds=JOB,SKILL&dir=td`: the graph around any node,
// drawn by the API, with every node a link to move on.

import { gql, pick } from '../api.js';
import { h, replace } from '../dom.js';
import { KINDS, KIND_LABELS } from '../kinds.js';
import { graphHref, roleHref, searchHref } from '../links.js';
import { zoomableFigure } from '../picture.js';
import { suggest } from '../suggest.js';
import { chip, failure, kindBadge, loading, note, pageHeading, section } from '../ui.js';

const VIEW = `query Neighbourhood($id: ID!, $depth: Int!, $kinds: [NodeKind!]) {
  neighborhood(id: $id, depth: $depth, kinds: $kinds) { nodes { id: nodeId kind label } edges { source target kind } }
}`;

const PICTURE = `query NeighbourhoodPicture($id: ID!, $depth: Int!, $kinds: [NodeKind!], $direction: PictureDirection!, $lang: String) {
  neighborhood(id: $id, depth: $depth, kinds: $kinds) { svg(direction: $direction, lang: $lang) }
}`;

const STARTS = `query GraphStarts { jobs(first: 100, filter: { hasGuide: true }) { totalCount nodes { id name } } }`;

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
    const page = [
      h('p', { class: 'eyebrow' }, 'グラフ'),
      heading,
      controls.form,
      h('div', { class: 'columns columns--graph' },
        section('図', { id: 'picture' }, picture),
        section('ノード', { id: 'nodes', lead: '選ぶとそのノードを中心に描き直します。' }, list)),
    ];
    try {
      await refresh(current, context, () => replace(main, ...page));
    } catch (error) {
      if (error.code !== 'NOT_FOUND') throw error;
      context.setTitle('ノードが見つかりません');
      replace(main, pageHeading('ノードが見つかりません'),
        note(`「${current.id}」というノードはグラフにありません。`, h('a', { href: '#/graph' }, 'グラフの入り口'), 'から探してください。'));
    }
  },
  update(main, route, context) {
    const next = settings(route);
    if (!context.state.ready || next.id !== context.state.id || !main.contains(context.state.heading)) return false;
    context.state.controls.sync(next);
    refreshInPlace(next, context);
    return true;
  },
};

/**
 * `refresh` for new settings of the same node: the page stays, and a
 * failure replaces both spinners with what went wrong and a retry.
 */
function refreshInPlace(current, context) {
  const { state } = context;
  refresh(current, context).catch((error) => {
    if (error.name === 'AbortError') return;
    const retry = () => refreshInPlace(current, context);
    replace(state.list, failure(error, retry));
    replace(state.picture, note('ノードを読み込めなかったため、図は描いていません。'));
  });
}

/**
 * Draws the view for `current`: the node list as soon as the nodes
 * arrive, the picture when it does. `onView` runs once the nodes are in,
 * before anything is shown (the first drawing puts the page up then, so
 * an unknown node never shows a page for it). Rejects when the nodes
 * cannot be read, unless newer settings have been asked for since.
 */
async function refresh(current, context, onView = null) {
  const first = Boolean(onView);
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
  let view;
  try {
    view = pick(await gql(VIEW, variables, { signal }), 'neighborhood');
  } catch (error) {
    if (ticket === state.ticket) throw error;
    return;
  }
  if (ticket !== state.ticket) return;
  // The first drawing waits for the picture too, so the page goes up whole:
  // on a phone the picture stands above the list, and arriving later it
  // would push the list down.
  if (first) await drawn.catch(() => {});
  if (ticket !== state.ticket) return;
  onView?.();
  const center = view.nodes[0];
  state.heading.replaceChildren(center.label, ' ', kindBadge(center.kind));
  context.setTitle(`${center.label} のまわり`);
  replace(state.list, nodeList(view, current));
  try {
    const svg = pick(await drawn, 'neighborhood', 'svg');
    if (ticket !== state.ticket) return;
    // A neighbourhood two or three steps deep is drawn wider than any
    // screen: it pans and zooms like the map, the wheel left to the page.
    const { figure, viewer } = zoomableFigure(svg, view.nodes, view.edges, {
      caption: `${view.nodes.length} ノード・${view.edges.length} 本の関係`,
      label: `${center.label} のまわりのグラフ`,
      linkFor: (node) => linkWith(node.id, current, false),
      wheelZooms: false,
    });
    replace(state.picture, figure);
    // The picture opens on the node it is drawn around, wherever the layout put it.
    const middle = figure.querySelector('a.node.is-center');
    if (middle) viewer.reveal(middle);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    if (ticket !== state.ticket) return;
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
      boxes.map((box) => h('label', { class: 'kind-toggle', 'data-kind': box.value }, box, KIND_LABELS[box.value]))),
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
      h('ul', { class: 'chips' }, nodes.map((node) => h('li', null, chip(node.label, { href: linkWith(node.id, current, false), kind, title: node.id }))))))
      : note('この条件でつながるノードはありません。'));
}

/**
 * The way in without a node: a field that suggests nodes of every kind as
 * it is typed, and the roles that have a guide.
 */
async function chooser(main, context) {
  const { signal } = context;
  replace(main, loading());
  const { data } = await gql(STARTS, {}, { signal });
  context.setTitle('グラフをたどる');
  const input = h('input', { id: 'graph-start', type: 'text', placeholder: '例: Kubernetes、監視、SRE' });
  const options = suggest(input, { kinds: KINDS, signal });
  const form = h('form', {
    class: 'card',
    onsubmit: (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      // A name not picked from the suggestions goes to search, which lists
      // every node it may mean.
      const node = options.find(text);
      location.hash = node ? graphHref(node.id) : searchHref(text);
    },
  },
  h('div', { class: 'field' },
    h('label', { for: 'graph-start' }, '中心にするノード（職種・スキル・ツールなど）'),
    h('div', { class: 'inline' }, input, h('button', { type: 'submit', class: 'button' }, '描く'))),
  options.list);
  const { jobs } = data;
  const more = jobs.totalCount - jobs.nodes.length;
  replace(main,
    pageHeading('グラフをたどる'),
    h('p', { class: 'lead' }, '職種・スキル・ツールなど、どのノードからでもまわりを図にできます。図や一覧のノードを選ぶと、そこを中心に描き直します。'),
    form,
    section('ガイドのある職種から', { id: 'from-jobs' },
      h('ul', { class: 'chips' }, jobs.nodes.map((job) => h('li', null, chip(job.name, { href: graphHref(job.id), kind: 'JOB' })))),
      more > 0 ? h('p', { class: 'muted small' }, `ほかに ${more} 件あります。上の欄に名前を入れて探してください。`) : null));
}
