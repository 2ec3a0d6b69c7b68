import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeForStories, DocumentFrequencies, weighTerms, InvalidArticleTimeError } from './features.ts';

const article = {
  id: 1,
  title: 'انتحاري يفجر نفسه في مسجد قوات الطوارئ بعسير',
  text: 'فجر انتحاري نفسه داخل مسجد قوات الطوارئ الخاصة في منطقة عسير أثناء صلاة الظهر.\nوأعلنت وزارة الداخلية السعودية أسماء الشهداء في أبها.',
  published: '2015-08-06 18:00:00',
  source: 'alriyadh',
};

test('title words weigh three times body words, the lead twice', () => {
  const a = analyzeForStories(article);
  // مسجد is in the title (×3), the lead (×2), and not in the rest of the body.
  assert.equal(a.counts.get('مسجد'), 5);
  // أسماء appears only after the lead.
  assert.equal(a.counts.get('اسماء'), 1);
  assert.equal(a.time, Date.parse('2015-08-06T18:00:00Z'));
  assert.deepEqual(a.entities.map((e) => e.id).sort(), ['city:abha', 'org:ministry-interior-sa', 'region:asir']);
});

test('vectors are L2-normalized and weigh rare terms above common ones', () => {
  const df = new DocumentFrequencies();
  for (let i = 0; i < 50; i++) df.observe(['سعودي', i % 10 === 0 ? 'طوارئ' : 'اخبار']);
  const v = weighTerms(new Map([['سعودي', 1], ['طوارئ', 1]]), df);
  assert.ok(Math.abs(v.norm() - 1) < 1e-9);
  assert.ok(v.get('طوارئ') > v.get('سعودي'));
});

test('the document-frequency table stays bounded', () => {
  const df = new DocumentFrequencies(1000, 1_000_000);
  for (let i = 0; i < 5000; i++) df.observe([`t${i}`, 'common']);
  assert.ok(df.size <= 1000, `${df.size} terms`);
  assert.ok(df.idf('common') < df.idf('t4999'));
});

test('an article without a readable time is refused with a clear error', () => {
  assert.throws(() => analyzeForStories({ ...article, published: 'أمس' }), InvalidArticleTimeError);
});
