import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDensestBlock } from './densest-block.ts';
import { parseHtml, textOf } from './dom.ts';

const SENTENCE = 'أعلنت وزارة الصحة تسجيل انخفاض في عدد الإصابات الجديدة للأسبوع الثالث على التوالي';

test('the container with the most prose wins over menus and link lists', () => {
  const doc = parseHtml(`<html><body>
    <div id="menu"><p><a href="/1">الرئيسية والأخبار العاجلة من كل مكان</a></p><p><a href="/2">الرياضة والاقتصاد والثقافة والفنون</a></p></div>
    <div id="story"><p>${SENTENCE}.</p><p>${SENTENCE} في المحافظات.</p><p>${SENTENCE} وفق البيان.</p></div>
    <div id="footer"><p>عن الموقع واتصل بنا وسياسة الخصوصية</p></div></body></html>`)!;
  assert.equal(findDensestBlock(doc.body)?.id, 'story');
});

test('text separated by <br> in one div counts for that div', () => {
  const doc = parseHtml(`<html><body><div id="nav"><a href="/">الرئيسية</a></div>
    <div id="text">${SENTENCE}.<br><br>${SENTENCE} مجددا.<br><br>${SENTENCE} أخيرا.</div></body></html>`)!;
  const block = findDensestBlock(doc.body);
  assert.equal(block?.id, 'text');
  assert.ok(textOf(block).includes('أخيرا'));
});

test('a page without prose has no densest block', () => {
  const doc = parseHtml('<html><body><a href="/">الرئيسية</a> <span>دخول</span></body></html>')!;
  assert.equal(findDensestBlock(doc.body), null);
});
