// Pan and zoom for a picture shown in a scrolling frame (the career map,
// the graph around a node). Owns the zoom level, the frame's scroll
// position, and the controls that change them: buttons, the keyboard, the
// mouse wheel and dragging with a pointer.
//
// Panning is the frame's own scrolling, and zooming resizes the picture
// rather than scaling it with a transform, so everything the browser does
// for a scroller keeps working: arrow keys and touch scroll it, and a box
// reached by Tab is scrolled into view. Nothing is animated, so
// `prefers-reduced-motion` has nothing to turn off.
//
// A view is `{ z, x, y }`: the zoom, and the picture point (in the
// picture's own units) at the frame's top left corner.

import { h } from './dom.js';

/** The picture's labels are drawn at 13 px; zoomed out past this they would read under 11 px. */
export const LABEL_PX = 13;
export const MIN_LABEL_PX = 11;
export const MIN_ZOOM = MIN_LABEL_PX / LABEL_PX;
export const MAX_ZOOM = 3;
const STEP = 1.25;
/** A press that moves less than this is a click on a box, not a drag. */
const DRAG_THRESHOLD = 5;

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/** A view within bounds: a zoom between MIN_ZOOM and MAX_ZOOM, no negative corner. */
export function normalView({ z = 1, x = 0, y = 0 } = {}) {
  return {
    z: clamp(Number.isFinite(z) ? z : 1, MIN_ZOOM, MAX_ZOOM),
    x: Math.max(0, Number.isFinite(x) ? x : 0),
    y: Math.max(0, Number.isFinite(y) ? y : 0),
  };
}

/**
 * Makes `frame` (a scrolling element holding `svg`, drawn `width` × `height`
 * at zoom 1) pan and zoom. `onChange(view)` is told of every view the
 * person settles on. The wheel zooms when `wheelZooms`; otherwise it
 * scrolls the page past the picture as anywhere else, and zooms only with
 * Ctrl held (as a trackpad's pinch sends it): a picture among other
 * content must not catch a reader scrolling down the page. Returns the
 * controls to put beside the frame, `show(view)`, which moves to a view,
 * and `reveal(element)`, which brings a box to the middle (both once the
 * frame is in the page).
 */
export function panZoom(frame, svg, { width, height, label, onChange = () => {}, wheelZooms = true }) {
  let zoom = 1;

  const resize = () => {
    svg.style.width = `${width * zoom}px`;
    svg.style.height = `${height * zoom}px`;
  };

  /** Zooms to `next`, keeping the picture point under (`atX`, `atY`) of the frame where it is. */
  const zoomTo = (next, atX = frame.clientWidth / 2, atY = frame.clientHeight / 2) => {
    const target = clamp(next, MIN_ZOOM, MAX_ZOOM);
    const pointX = (frame.scrollLeft + atX) / zoom;
    const pointY = (frame.scrollTop + atY) / zoom;
    zoom = target;
    resize();
    frame.scrollLeft = pointX * zoom - atX;
    frame.scrollTop = pointY * zoom - atY;
    settled();
  };

  const current = () => ({ z: zoom, x: frame.scrollLeft / zoom, y: frame.scrollTop / zoom });

  // Scrolling fires many events; the view is reported once it rests.
  let timer = 0;
  const settled = () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(current()), 120);
  };
  frame.addEventListener('scroll', settled, { passive: true });

  // A sign alone says nothing to a screen reader, so + and − are named;
  // a button that shows words is named by them.
  const button = (text, name, action) => h('button', { type: 'button', class: 'button button--small', 'aria-label': name, title: name ?? undefined, onclick: action }, text);
  const controls = h('div', { class: 'zoom-controls', role: 'group', 'aria-label': `${label}の拡大と縮小` },
    button('+', '拡大', () => zoomTo(zoom * STEP)),
    button('−', '縮小', () => zoomTo(zoom / STEP)),
    button('元に戻す', null, () => show({ z: 1, x: 0, y: 0 })));

  frame.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const keys = { '+': () => zoomTo(zoom * STEP), '=': () => zoomTo(zoom * STEP), '-': () => zoomTo(zoom / STEP), 0: () => show({ z: 1, x: 0, y: 0 }) };
    if (!keys[event.key]) return;
    event.preventDefault();
    keys[event.key]();
  });

  frame.addEventListener('wheel', (event) => {
    if (!wheelZooms && !event.ctrlKey) return;
    event.preventDefault();
    // Lines and pages are turned into pixels, so a mouse and a trackpad zoom alike.
    const pixels = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? frame.clientHeight : 1);
    const box = frame.getBoundingClientRect();
    zoomTo(zoom * Math.exp(-pixels * 0.002), event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });

  dragToPan(frame);

  /** Moves to `view`; the frame must be in the page for its scroll to take. */
  function show(view) {
    const next = normalView(view);
    zoom = next.z;
    resize();
    frame.scrollLeft = next.x * zoom;
    frame.scrollTop = next.y * zoom;
    settled();
  }

  /** Scrolls the frame so `element` (a box of the picture) stands in its middle, where the frame has room to. */
  function reveal(element) {
    const box = element.getBoundingClientRect();
    const room = frame.getBoundingClientRect();
    frame.scrollLeft += box.left + box.width / 2 - (room.left + frame.clientLeft + frame.clientWidth / 2);
    frame.scrollTop += box.top + box.height / 2 - (room.top + frame.clientTop + frame.clientHeight / 2);
  }

  resize();
  return { controls, show, reveal, view: current };
}

/**
 * Dragging with a mouse or pen scrolls the frame (touch scrolls it
 * natively). A press that does not move is left alone, so a click on a
 * box still follows its link; one that moved does not follow it.
 */
function dragToPan(frame) {
  let press = null;
  frame.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'touch' || event.button !== 0) return;
    press = { id: event.pointerId, x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop, moved: false };
  });
  frame.addEventListener('pointermove', (event) => {
    if (!press || event.pointerId !== press.id) return;
    const dx = event.clientX - press.x;
    const dy = event.clientY - press.y;
    if (!press.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!press.moved) {
      press.moved = true;
      frame.setPointerCapture(event.pointerId);
      frame.classList.add('is-dragging');
    }
    frame.scrollLeft = press.left - dx;
    frame.scrollTop = press.top - dy;
  });
  const release = (event) => {
    if (!press || event.pointerId !== press.id) return;
    if (press.moved) {
      frame.classList.remove('is-dragging');
      // The click that ends a drag is not a choice of the box under it.
      // It follows pointerup in the same task, if it comes at all, so the
      // guard is gone by the next one and never eats a later click.
      const swallow = (click) => {
        click.preventDefault();
        click.stopPropagation();
      };
      frame.addEventListener('click', swallow, { capture: true });
      setTimeout(() => frame.removeEventListener('click', swallow, { capture: true }), 0);
    }
    press = null;
  };
  frame.addEventListener('pointerup', release);
  frame.addEventListener('pointercancel', release);
}
