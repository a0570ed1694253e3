// Small pictures drawn from API answers: bars for scores, a gauge for a
// similarity, and area-proportional Venn diagrams for what two roles share.

import { h, percent, s } from './dom.js';

/** A labelled horizontal bar for a value in 0..1. */
export function bar(label, value, { note, tone = 'accent', digits = 1, format } = {}) {
  const clamped = Math.max(0, Math.min(1, Number(value) || 0));
  const shown = format ? format(Number(value) || 0) : percent(clamped, digits);
  const fill = h('span', { class: 'bar__fill' });
  fill.style.width = `${(clamped * 100).toFixed(2)}%`;
  return h('div', { class: ['bar', `bar--${tone}`], role: 'img', 'aria-label': `${label}: ${shown}` },
    h('span', { class: 'bar__label', 'aria-hidden': 'true' }, label, note ? h('small', null, note) : null),
    h('span', { class: 'bar__track', 'aria-hidden': 'true' }, fill),
    h('span', { class: 'bar__value', 'aria-hidden': 'true' }, shown));
}

/** A ring that fills to `value` (0..1), its percentage in the middle. */
export function gauge(value, { label = '類似度', size = 148, testId } = {}) {
  const radius = 56;
  const circumference = 2 * Math.PI * radius;
  const clamped = Math.max(0, Math.min(1, Number(value) || 0));
  return s('svg', { class: 'gauge', viewBox: '0 0 140 140', width: size, height: size, role: 'img', 'aria-label': `${label} ${percent(clamped)}` },
    s('circle', { cx: 70, cy: 70, r: radius, class: 'gauge__track' }),
    s('circle', {
      cx: 70, cy: 70, r: radius, class: 'gauge__fill',
      'stroke-dasharray': `${(circumference * clamped).toFixed(2)} ${circumference.toFixed(2)}`,
      transform: 'rotate(-90 70 70)',
    }),
    s('text', { x: 70, y: 66, class: 'gauge__value', 'text-anchor': 'middle', 'dominant-baseline': 'central', 'data-testid': testId, 'data-value': String(value) }, percent(clamped)),
    s('text', { x: 70, y: 94, class: 'gauge__label', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, label));
}

/** The area two circles of radii `r1`, `r2` share when `d` apart. */
function lens(r1, r2, d) {
  if (d >= r1 + r2) return 0;
  if (d <= Math.abs(r1 - r2)) return Math.PI * Math.min(r1, r2) ** 2;
  const a = r1 * r1 * Math.acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1));
  const b = r2 * r2 * Math.acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2));
  const c = 0.5 * Math.sqrt((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2));
  return a + b - c;
}

/** The distance at which two circles share `area` (lens shrinks as they part). */
function distanceFor(r1, r2, area) {
  if (area <= 0) return r1 + r2 + 14;
  let low = Math.abs(r1 - r2);
  let high = r1 + r2;
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2;
    if (lens(r1, r2, middle) > area) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * A Venn diagram whose circle and overlap areas follow the counts: what
 * only A has, what both have, what only B has.
 */
export function venn({ title, onlyA, shared, onlyB, nameA, nameB }) {
  const width = 360;
  const height = 200;
  const room = width - 2 * 44;
  const totalA = onlyA + shared;
  const totalB = onlyB + shared;
  const largest = Math.max(totalA, totalB, 1);
  let scale = 72 / Math.sqrt(largest / Math.PI);
  let rA;
  let rB;
  let d;
  // Shrink until both circles fit between the margins kept for labels.
  for (let attempt = 0; attempt < 8; attempt += 1) {
    rA = Math.max(12, Math.sqrt(totalA / Math.PI) * scale);
    rB = Math.max(12, Math.sqrt(totalB / Math.PI) * scale);
    d = distanceFor(rA, rB, shared * scale * scale);
    const span = Math.max(rA + d + rB, 2 * rA, 2 * rB);
    if (span <= room) break;
    scale *= room / span;
  }
  const cy = 94;
  const cxA = width / 2 - (d + rB - rA) / 2;
  const cxB = cxA + d;
  const lensLeft = Math.max(cxB - rB, cxA - rA);
  const lensRight = Math.min(cxA + rA, cxB + rB);
  // A count sits in its crescent when the crescent is wide enough to hold
  // it, and just outside the circle otherwise.
  const crescentA = lensLeft - (cxA - rA);
  const crescentB = cxB + rB - lensRight;
  const labelA = crescentA >= 34
    ? count((cxA - rA + lensLeft) / 2, cy, onlyA, 'a', 'middle')
    : count(cxA - rA - 6, cy, onlyA, 'a', 'end');
  const labelB = crescentB >= 34
    ? count((lensRight + cxB + rB) / 2, cy, onlyB, 'b', 'middle')
    : count(cxB + rB + 6, cy, onlyB, 'b', 'start');
  const labelShared = shared > 0 ? count((lensLeft + lensRight) / 2, cy, shared, 'shared', 'middle') : null;
  const label = `${title}: ${nameA}だけ ${onlyA}、共通 ${shared}、${nameB}だけ ${onlyB}`;
  const circle = (cx, r, className) => s('circle', { cx: cx.toFixed(1), cy, r: r.toFixed(1), class: className });
  return s('svg', { class: 'venn', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    s('title', { text: label }),
    circle(cxA, rA, 'venn__a'),
    circle(cxB, rB, 'venn__b'),
    shared > 0 ? lensShape(cxA, rA, cxB, rB, cy) : null,
    circle(cxA, rA, 'venn__edge venn__edge--a'),
    circle(cxB, rB, 'venn__edge venn__edge--b'),
    labelA,
    labelShared,
    labelB,
    s('text', { x: width / 2, y: height - 8, class: 'venn__title', 'text-anchor': 'middle' }, title));
}

/** The region both circles cover, filled in the colour of what is shared. */
function lensShape(cxA, rA, cxB, rB, cy) {
  const d = cxB - cxA;
  if (d <= Math.abs(rA - rB)) {
    const inner = rA < rB ? [cxA, rA] : [cxB, rB];
    return s('circle', { cx: inner[0].toFixed(1), cy, r: inner[1].toFixed(1), class: 'venn__shared' });
  }
  // The chord through both crossing points, measured from A's centre.
  const x0 = (d * d + rA * rA - rB * rB) / (2 * d);
  const half = Math.sqrt(Math.max(0, rA * rA - x0 * x0));
  const x = (cxA + x0).toFixed(1);
  const top = (cy - half).toFixed(1);
  const bottom = (cy + half).toFixed(1);
  const largeA = x0 < 0 ? 1 : 0;
  const largeB = d - x0 < 0 ? 1 : 0;
  return s('path', {
    class: 'venn__shared',
    d: `M ${x} ${top} A ${rA.toFixed(1)} ${rA.toFixed(1)} 0 ${largeA} 1 ${x} ${bottom} A ${rB.toFixed(1)} ${rB.toFixed(1)} 0 ${largeB} 1 ${x} ${top} Z`,
  });
}

function count(x, y, value, tone, anchor) {
  return s('text', { x: x.toFixed(1), y, class: `venn__count venn__count--${tone}`, 'text-anchor': anchor, 'dominant-baseline': 'central' }, String(value));
}
