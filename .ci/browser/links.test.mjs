// The explorer's hash router, checked in Node without a browser: links.js
// touches the DOM only inside the functions that store long texts.
//
//   node --test .ci/browser/links.test.mjs

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { href, parse } from '../../assets/explorer/links.js';

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
