// The explorer's hash router, checked in Node without a browser: links.js
// touches the DOM only inside the functions that store long texts.
//
//   node --test .ci/browser/links.test.mjs

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { href, mapHref, mapViewOf, parse } from '../../assets/explorer/links.js';

test('a value holding = is read whole', () => {
  const route = parse('#/search?q=a=b&kind=TOOL');
  assert.equal(route.name, 'search');
  assert.equal(route.get('q'), 'a=b');
  assert.equal(route.get('kind'), 'TOOL');
});

test('a value holding ? is read whole', () => {
  assert.equal(parse('#/search?q=why?').get('q'), 'why?');
  assert.equal(parse('#/text?t=x=1?y=2').get('t'), 'x=1?y=2');
});

test('a key without a value reads as empty, a missing key as null', () => {
  const route = parse('#/recommend?skills&from=');
  assert.equal(route.get('skills'), '');
  assert.equal(route.get('from'), '');
  assert.equal(route.get('tools'), null);
  assert.deepEqual(route.list('skills'), []);
});

test('lists split at commas before decoding, so an escaped comma stays in its item', () => {
  const route = parse('#/recommend?skills=CI%2FCD,a%2Cb,%E7%9B%A3%E8%A6%96');
  assert.deepEqual(route.list('skills'), ['CI/CD', 'a,b', '監視']);
});

test('what href writes, parse reads back', () => {
  const written = href(['graph', 'job:platform_engineer'], { q: 'a=b&c', skills: ['x,y', 'z'] });
  const route = parse(written);
  assert.deepEqual(route.segments, ['job:platform_engineer']);
  assert.equal(route.get('q'), 'a=b&c');
  assert.deepEqual(route.list('skills'), ['x,y', 'z']);
});

test('a malformed escape is kept as typed', () => {
  assert.equal(parse('#/search?q=100%').get('q'), '100%');
});

test('a number reads as a number, anything else as null', () => {
  const route = parse('#/map?z=1.5&x=-3&y=abc&w=');
  assert.equal(route.number('z'), 1.5);
  assert.equal(route.number('x'), -3);
  assert.equal(route.number('y'), null);
  assert.equal(route.number('w'), null);
  assert.equal(route.number('missing'), null);
});

test('a map address keeps its family and view, and reads them back', () => {
  const written = mapHref('cloud-infra', { z: 1.4999, x: 120.4, y: 40.6 });
  assert.equal(written, '#/map?category=cloud-infra&z=1.5&x=120&y=41');
  const route = parse(written);
  assert.equal(route.get('category'), 'cloud-infra');
  assert.deepEqual(mapViewOf(route), { z: 1.5, x: 120, y: 41 });
});

test('a map at rest has a short address, and a bare address reads as at rest', () => {
  assert.equal(mapHref('', { z: 1, x: 0.2, y: 0 }), '#/map');
  assert.equal(mapHref(null), '#/map');
  assert.deepEqual(mapViewOf(parse('#/map')), { z: 1, x: 0, y: 0 });
  // Zoomed in at the corner still says where it is.
  assert.equal(mapHref('', { z: 2 }), '#/map?z=2&x=0&y=0');
});
