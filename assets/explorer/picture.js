// The API's pictures (`GraphView.svg`, a layered layout drawn by the
// server) made part of the page: read as SVG, stripped of anything active,
// and each node turned into a link. The server marks every node's group
// with `data-node-id` and every edge's with `data-edge-source`,
// `data-edge-target` and `data-edge-kind`, and breaks labels itself, so
// the page finds each element by id and keeps the text as drawn.

import { h, s } from './dom.js';
import { KIND_LABELS } from './kinds.js';
import { nodeHref } from './links.js';
import { panZoom } from './zoom.js';

let pictures = 0;

/**
 * A `<figure>` holding the SVG `svgText` of the view whose nodes are
 * `nodes` and edges `edges`. The picture is shown at the size it was drawn,
 * in a frame that scrolls, never shrunk to fit: its labels stay as large
 * as the server drew them (13 px), on a phone too. `center` is the node
 * marked as the view's centre: the first node unless given (`null` marks
 * none).
 */
export function graphFigure(svgText, nodes, edges, options = {}) {
  return figureParts(svgText, nodes, edges, options).figure;
}

/**
 * A figure as `graphFigure` draws it, that pans and zooms (`zoom.js`):
 * `{ figure, viewer }`, where `viewer.show(view)` moves to a view once the
 * figure is in the page, `onChange(view)` hears every view settled on, and
 * `wheelZooms` (the default) lets the wheel zoom without Ctrl.
 */
export function zoomableFigure(svgText, nodes, edges, { onChange, wheelZooms, ...options } = {}) {
  const parts = figureParts(svgText, nodes, edges, options);
  const { frame, svg, width, height, figure } = parts;
  const label = options.label ?? 'グラフの図';
  frame.tabIndex = 0;
  frame.setAttribute('role', 'group');
  frame.setAttribute('aria-label', `${label}（矢印キーで動かし、+ と − で拡大・縮小）`);
  const viewer = panZoom(frame, svg, { width, height, label, onChange, wheelZooms });
  figure.querySelector('.picture__caption').append(viewer.controls);
  return { figure, viewer };
}

function figureParts(svgText, nodes, edges, { caption, label, linkFor = (node) => nodeHref(node.id), center = nodes[0]?.id } = {}) {
  const { svg, width, height } = readPicture(svgText, nodes, { label, linkFor, center });
  const frame = h('div', { class: 'picture__frame' }, svg);
  // The drawn size, so the frame holds its room before the picture paints.
  svg.style.setProperty('--natural-width', `${width}px`);
  svg.style.setProperty('--natural-height', `${height}px`);
  const figure = h('figure', { class: 'picture' },
    frame,
    h('figcaption', { class: 'picture__caption' },
      h('span', null, caption ?? ''),
      legend(nodes, edges)));
  return { figure, frame, svg, width, height };
}

/** What the edges' colours mean; kinds not listed are drawn grey. */
const EDGE_LABELS = {
  HAS_STAGE: '段階',
  NEXT: '次の段階',
  LEADS_TO: '段階の行き先',
  RELATED_TO: '関連職種',
  REQUIRES: '必要なスキル',
  USES: '使うツール',
  MENTIONS: '説明に出るツール',
  COMPOSED_OF: 'スキルの構成',
  COLLABORATES_WITH: '協業',
  HIRED_BY: '採用企業',
  LEARN_WITH: '教材',
  FORESEES: 'トレンド',
};

function legend(nodes, edges) {
  const kinds = [...new Set(nodes.map((node) => node.kind))];
  const edgeKinds = [...new Set(edges.map((edge) => edge.kind))]
    .filter((kind) => EDGE_LABELS[kind] && kind !== 'NEXT');
  return h('ul', { class: 'legend', 'aria-label': '色の凡例' },
    kinds.map((kind) => h('li', null, h('span', { class: 'swatch', 'data-kind': kind, 'aria-hidden': 'true' }), KIND_LABELS[kind] ?? kind)),
    edgeKinds.map((kind) => h('li', null,
      s('svg', { class: `edge-swatch edge-${kind}`, viewBox: '0 0 26 10', 'aria-hidden': 'true' }, s('line', { x1: 1, y1: 5, x2: 25, y2: 5 })),
      EDGE_LABELS[kind])));
}

function readPicture(svgText, nodes, { label, linkFor, center }) {
  // The page's policy refuses inline styles even in a parsed, never shown
  // document, so any <style> is cut before parsing.
  const parsed = new DOMParser().parseFromString(svgText.replace(/<style[\s\S]*?<\/style>/gi, ''), 'image/svg+xml');
  if (parsed.querySelector('parsererror') || parsed.documentElement.localName !== 'svg') {
    throw new Error('図を読み込めませんでした');
  }
  const svg = document.importNode(parsed.documentElement, true);
  sanitize(svg);
  namespaceIds(svg, `pic${(pictures += 1)}-`);
  const width = parseFloat(svg.getAttribute('width')) || 600;
  const height = parseFloat(svg.getAttribute('height')) || 400;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('class', 'graph-svg');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', label ?? 'グラフの図');
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const group of svg.querySelectorAll('g[data-node-id]')) {
    const node = byId.get(group.dataset.nodeId);
    if (!node) continue;
    const link = s('a', { href: linkFor(node), class: ['node', node.id === center && 'is-center'], 'data-kind': node.kind });
    link.dataset.id = node.id;
    group.replaceWith(link);
    link.append(s('title', { text: `${KIND_LABELS[node.kind] ?? node.kind}: ${node.label}` }), group);
  }
  for (const group of svg.querySelectorAll('g[data-edge-kind]')) {
    group.querySelector('path')?.classList.add('edge', `edge-${group.dataset.edgeKind}`);
  }
  return { svg, width, height };
}

/** Keeps shapes and text only: no script, no handlers, no outside links. */
function sanitize(root) {
  for (const element of root.querySelectorAll('script, foreignObject, iframe, image, style, use')) element.remove();
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) element.removeAttribute(attribute.name);
      if ((name === 'href' || name === 'xlink:href') && !attribute.value.startsWith('#')) element.removeAttribute(attribute.name);
    }
  }
}

/** Two pictures on one page must not share marker or path ids. */
function namespaceIds(root, prefix) {
  for (const element of root.querySelectorAll('[id]')) element.id = prefix + element.id;
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      if (attribute.value.includes('url(#')) {
        element.setAttribute(attribute.name, attribute.value.replaceAll('url(#', `url(#${prefix}`));
      } else if ((attribute.name === 'href' || attribute.name === 'xlink:href') && attribute.value.startsWith('#')) {
        element.setAttribute(attribute.name, `#${prefix}${attribute.value.slice(1)}`);
      }
    }
  }
}
