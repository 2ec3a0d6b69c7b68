import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SECTIONS, sectionByKey, sectionOf, sectionOfLabel, sectionOfUrl } from './sections.ts';

// What outlets print as a section, and where we file it.
const LABELS: Array<[string, string | null]> = [
  ['رياضة', 'sports'],
  ['الرياضة', 'sports'],
  ['رياضه', 'sports'],
  ['Sports', 'sports'],
  ['كرة القدم', 'sports'],
  ['اقتصاد', 'economy'],
  ['الاقتصاد', 'economy'],
  ['مال وأعمال', 'economy'],
  ['مال و أعمال', 'economy'],
  ['البورصة', 'economy'],
  ['Business', 'economy'],
  ['سياسة', 'politics'],
  ['السياسة', 'politics'],
  ['عربي ودولي', 'world'],
  ['عربي', 'world'],
  ['دولي', 'world'],
  ['العالم', 'world'],
  ['الشرق الأوسط', 'world'],
  ['محليات', 'local'],
  ['وطني', 'local'],
  ['فن وثقافة', 'culture'],
  ['ثقافة وفنون', 'culture'],
  ['الفن', 'culture'],
  ['تكنولوجيا', 'technology'],
  ['علوم وتكنولوجيا', 'technology'],
  ['صحّة', 'health'],
  ['الصحة', 'health'],
  ['رأي', 'opinion'],
  ['آراء', 'opinion'],
  ['مقالات الرأي', 'opinion'],
  ['حوادث', 'incidents'],
  ['منوعات', 'misc'],
  ['أخبار › رياضة', 'sports'],
  ['News / Economy', 'economy'],
  ['الرئيسية » عربي ودولي', 'world'],
  // Names we cannot file: countries (local to one outlet, foreign to another), keywords, nothing.
  ['أخبار مصر', null],
  ['لبنان', null],
  ['عمّان', null],
  ['قمة المياه', null],
  ['فيديو', null],
  ['', null],
];

for (const [label, key] of LABELS) {
  test(`the section label "${label}" is filed under ${key ?? 'no section'}`, () => {
    assert.equal(sectionOfLabel(label), key);
  });
}

test('addresses name sections by their folders, never by the article\'s own slug', () => {
  assert.equal(sectionOfUrl('https://nile.example/sport/2026/11/29/ahly-wins'), 'sports');
  assert.equal(sectionOfUrl('https://sham.example/ar/economy/lebanon-electricity-plan'), 'economy');
  assert.equal(sectionOfUrl(`https://quds.example/${encodeURIComponent('رياضة')}/12345`), 'sports');
  assert.equal(sectionOfUrl(`https://quds.example/${encodeURIComponent('عربي-ودولي')}/12345`), 'world');
  assert.equal(sectionOfUrl('https://nile.example/news/sports'), null, 'the last segment is the article');
  assert.equal(sectionOfUrl('https://nile.example/news/2026/11/29/123'), null);
  assert.equal(sectionOfUrl('https://nile.example/%E0%A4%A/x'), null, 'a broken escape is no section');
  assert.equal(sectionOfUrl('not a url'), null);
});

test('the page\'s own section wins over the feed\'s categories, which win over the address', () => {
  const url = 'https://nile.example/economy/123';
  assert.equal(sectionOf({ page: ['رياضة'], feed: ['اقتصاد'], url }), 'sports');
  assert.equal(sectionOf({ page: [null, 'قمة المياه'], feed: ['عمّان', 'سياسة'], url }), 'politics', 'feeds mix keywords with the section');
  assert.equal(sectionOf({ page: [], feed: ['عمّان'], url }), 'economy');
  assert.equal(sectionOf({ feed: ['أخبار مصر'] }), null);
});

test('every section has a key, an Arabic name, and is found by its own name', () => {
  assert.equal(new Set(SECTIONS.map((s) => s.key)).size, SECTIONS.length);
  for (const s of SECTIONS) {
    assert.match(s.name, /[\u0600-\u06ff]/);
    assert.equal(sectionOfLabel(s.name), s.key);
    assert.deepEqual(sectionByKey(s.key), s);
  }
  assert.equal(sectionByKey('weather'), null);
});
