// The API's pictures (`GraphView.svg`, a layered layout drawn by the
// server) made part of the page: read as SVG, stripped of anything active,
// relabelled in the page's font, and each node turned into a link.

import { h, s } from './dom.js';
import { KIND_LABELS, nodeHref } from './links.js';

const FONT_SIZE = 13;
const LINE_HEIGHT = 15;
let pictures = 0;

/**
 * A `<figure>` holding the SVG `svgText` of the view whose nodes are
 * `nodes` (in the API's order, which is the drawing order), with a button
 * to switch between fitting the width and the actual size.
 */
export function graphFigure(svgText, nodes, edges, { caption, label, linkFor = (node) => nodeHref(node.id) } = {}) {
  const { svg, width } = readPicture(svgText, nodes, edges, { label, linkFor });
  const frame = h('div', { class: 'picture__frame' }, svg);
  const toggle = h('button', { type: 'button', class: 'button button--small', 'aria-pressed': 'false' }, '実寸で表示');
  toggle.addEventListener('click', () => {
    const actual = frame.classList.toggle('is-actual');
    toggle.setAttribute('aria-pressed', String(actual));
    toggle.textContent = actual ? '幅に合わせる' : '実寸で表示';
  });
  svg.style.setProperty('--natural-width', `${width}px`);
  fitOnceShown(svg);
  return h('figure', { class: 'picture' },
    frame,
    h('figcaption', { class: 'picture__caption' },
      h('span', null, caption ?? ''),
      legend(nodes, edges),
      toggle));
}

/**
 * The layout's canvas is larger than what it draws; once the picture is in
 * the page, crop the view box to the drawing so it fills its frame.
 */
function fitOnceShown(svg, tries = 0) {
  requestAnimationFrame(() => {
    if (!svg.isConnected) {
      if (tries < 120) fitOnceShown(svg, tries + 1);
      return;
    }
    let box;
    try {
      box = svg.getBBox();
    } catch {
      return;
    }
    if (!box.width || !box.height) return;
    const margin = 10;
    svg.setAttribute('viewBox', [box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin].map((value) => value.toFixed(1)).join(' '));
    svg.style.setProperty('--natural-width', `${Math.ceil(box.width + 2 * margin)}px`);
    svg.dataset.fitted = 'true';
  });
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
    kinds.map((kind) => h('li', null, h('span', { class: `swatch kind-${kind}`, 'aria-hidden': 'true' }), KIND_LABELS[kind] ?? kind)),
    edgeKinds.map((kind) => h('li', null,
      s('svg', { class: `edge-swatch edge-${kind}`, viewBox: '0 0 26 10', 'aria-hidden': 'true' }, s('line', { x1: 1, y1: 5, x2: 25, y2: 5 })),
      EDGE_LABELS[kind])));
}

function readPicture(svgText, nodes, edges, { label, linkFor }) {
  // The layout's own <style> (Times, serif) is replaced by the page's; it
  // is cut before parsing because the page's policy refuses inline styles
  // even in a parsed, never shown document.
  const parsed = new DOMParser().parseFromString(svgText.replace(/<style[\s\S]*?<\/style>/gi, ''), 'image/svg+xml');
  if (parsed.querySelector('parsererror') || parsed.documentElement.localName !== 'svg') {
    throw new Error('図を読み込めませんでした');
  }
  const svg = document.importNode(parsed.documentElement, true);
  sanitize(svg);
  const prefix = `pic${(pictures += 1)}-`;
  namespaceIds(svg, prefix);
  const width = parseFloat(svg.getAttribute('width')) || 600;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('class', 'graph-svg');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', label ?? 'グラフの図');
  for (const text of svg.querySelectorAll('text')) {
    if (!text.textContent.trim()) text.remove();
  }
  const boxes = [...svg.querySelectorAll('g')].filter((group) => group.querySelector('rect'));
  const byLabel = new Map();
  for (const node of nodes) {
    if (!byLabel.has(node.label)) byLabel.set(node.label, []);
    byLabel.get(node.label).push(node);
  }
  const measure = measurer();
  const links = [];
  boxes.forEach((group, index) => {
    const text = group.nextElementSibling?.localName === 'text' ? group.nextElementSibling : null;
    const written = text ? [...text.querySelectorAll('tspan')].map((span) => span.textContent).join('') : '';
    // Nodes are drawn in the API's order; the label check guards against
    // a layout that ever reorders them.
    let node = nodes[index];
    if (!node || node.label !== written) node = byLabel.get(written)?.shift() ?? null;
    if (text) relabel(text, group.querySelector('rect'), node?.label ?? written, measure);
    if (!node) return;
    const link = s('a', { href: linkFor(node), class: ['node', `kind-${node.kind}`, index === 0 && 'is-center'] });
    link.dataset.id = node.id;
    link.append(s('title', { text: `${KIND_LABELS[node.kind] ?? node.kind}: ${node.label}` }), group);
    if (text) link.append(text);
    links.push(link);
  });
  // Boxes go last so they are drawn over the edges and take the clicks.
  svg.append(...links);
  const paths = [...svg.querySelectorAll('path')].filter((path) => !path.closest('marker'));
  paths.forEach((path, index) => {
    path.classList.add('edge');
    if (paths.length === edges.length) path.classList.add(`edge-${edges[index].kind}`);
  });
  return { svg, width };
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

/** Width of a line of text in the page's font, without laying anything out. */
function measurer() {
  const context = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return (text) => {
    if (!context) return text.length * FONT_SIZE;
    context.font = `${FONT_SIZE}px ${family}`;
    return context.measureText(text).width;
  };
}

/**
 * The server breaks labels every 14 characters, even inside a word. Break
 * them again at spaces (or anywhere, for Japanese) to fit the box it drew.
 */
function relabel(text, rect, label, measure) {
  if (!rect) return;
  const x = Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) / 2;
  const top = Number(rect.getAttribute('y'));
  const height = Number(rect.getAttribute('height'));
  const room = Number(rect.getAttribute('width')) - 12;
  const capacity = Math.max(1, Math.floor((height - 6) / LINE_HEIGHT));
  const fits = (candidate) => candidate.length <= capacity && candidate.every((line) => measure(line) <= room);
  let lines = wrap(tokens(label), room, measure);
  if (!fits(lines)) lines = wrap([...label], room, measure);
  if (lines.length > capacity) {
    lines = lines.slice(0, capacity);
    lines[capacity - 1] = `${lines[capacity - 1].slice(0, -1)}…`;
  }
  const middle = top + height / 2;
  text.replaceChildren(...lines.map((line, index) => s('tspan', {
    x,
    y: (middle + (index - (lines.length - 1) / 2) * LINE_HEIGHT).toFixed(1),
  }, line)));
  text.removeAttribute('x');
  text.removeAttribute('y');
  text.setAttribute('dominant-baseline', 'central');
  text.setAttribute('text-anchor', 'middle');
}

/** Latin words with their trailing spaces stay whole; any other character stands alone. */
function tokens(label) {
  return label.match(/[\x21-\x7e]+\s*|\s+|[^\s\x21-\x7e]\s*/g) ?? [];
}

function wrap(parts, room, measure) {
  const lines = [];
  let line = '';
  for (const part of parts) {
    const candidate = line + part;
    if (line && measure(candidate.trimEnd()) > room) {
      lines.push(line.trimEnd());
      line = part.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
