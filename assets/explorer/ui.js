// Pieces every view uses: loading and error states, chips, sections.

import { h, replace } from './dom.js';
import { KIND_LABELS } from './kinds.js';
import { roleHref } from './links.js';

/** A spinner with a message, announced politely. */
export function loading(message = '読み込み中…') {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), message);
}

/** What went wrong, and a button to try again when that can help. */
export function failure(error, retry) {
  const message = error?.message || String(error);
  return h('div', { class: 'notice notice--error', role: 'alert' },
    h('p', { class: 'notice__title' }, '読み込めませんでした'),
    h('p', null, message),
    retry ? h('button', { type: 'button', class: 'button', onclick: retry }, 'もう一度試す') : null);
}

/**
 * Runs `refresh(route, context)` for a view whose form stays on the page:
 * a failure clears its status line and is shown in its results, with a
 * retry that runs it again.
 */
export function refreshInPlace(refresh, route, context) {
  refresh(route, context).catch((error) => {
    if (error.name === 'AbortError') return;
    context.state.status.textContent = '';
    replace(context.state.results, failure(error, () => refreshInPlace(refresh, route, context)));
  });
}

/** A quiet note (nothing found, nothing chosen yet). */
export function note(...children) {
  return h('p', { class: 'notice' }, ...children);
}

/** A named section with a heading. */
export function section(title, { id, level = 2, lead, className } = {}, ...children) {
  return h('section', { class: ['card', className], 'aria-labelledby': id },
    h(`h${level}`, { id, class: 'card__title' }, title),
    lead ? h('p', { class: 'card__lead' }, lead) : null,
    ...children);
}

/** A pill: a link when `href` is given, plain text otherwise. */
export function chip(text, { href, tone, kind, title } = {}) {
  const attrs = { class: ['chip', tone && `chip--${tone}`], 'data-kind': kind, title };
  return href ? h('a', { ...attrs, href }, text) : h('span', attrs, text);
}

/**
 * Chips for `items`, the first `limit` shown and the rest behind a
 * disclosure, so a list of sixty tools does not bury the page.
 */
export function chips(items, { limit = 24, tone, hrefFor, textFor = (item) => item, empty = 'なし', label } = {}) {
  if (!items.length) return h('p', { class: 'muted' }, empty);
  const make = (item) => h('li', null, chip(textFor(item), { href: hrefFor?.(item), tone }));
  const shown = h('ul', { class: 'chips', 'aria-label': label }, items.slice(0, limit).map(make));
  if (items.length <= limit) return shown;
  return h('div', null, shown,
    h('details', { class: 'more' },
      h('summary', null, `残り ${items.length - limit} 件を表示`),
      h('ul', { class: 'chips' }, items.slice(limit).map(make))));
}

/** A badge saying what kind of node something is. */
export function kindBadge(kind) {
  return h('span', { class: 'badge', 'data-kind': kind }, KIND_LABELS[kind] ?? kind);
}

/** A link to a job's profile, marked when no guide describes it. */
export function jobLink(job, attrs = {}) {
  return h('a', { href: roleHref(job.slug), ...attrs }, job.name,
    job.hasGuide === false ? h('span', { class: 'muted small' }, '（ガイドなし）') : null);
}

/**
 * Paragraphs of a guide's prose, split at blank lines. Text longer than
 * `clamp` characters is cut to a few lines with a button to show it all.
 */
export function prose(text, { clamp } = {}) {
  const whole = String(text ?? '');
  const paragraphs = whole.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
  const body = h('div', { class: 'prose' }, paragraphs.map((paragraph) => h('p', null, paragraph)));
  if (!clamp || whole.length <= clamp) return body;
  body.classList.add('is-clamped');
  const toggle = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, '続きを読む');
  toggle.addEventListener('click', () => {
    const open = body.classList.toggle('is-clamped') === false;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? '閉じる' : '続きを読む';
  });
  return h('div', null, body, toggle);
}

/** The page heading, focusable so navigation can move focus to it. */
export function pageHeading(text, ...rest) {
  return h('h1', { class: 'page-title', tabindex: '-1' }, text, ...rest);
}
