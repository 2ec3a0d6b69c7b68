import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromRecord } from './import.ts';

const AT = '2026-11-29T00:00:00.000Z';

test('a SaudiNewsNet line becomes an article with paragraphs, an author and Mecca time', () => {
  const r = articleFromRecord({
    id: 'snn-2015-07-21-00000', source: 'aawsat', source_name: 'Al-Sharq Al-Awsat', url: 'http://aawsat.com/home/article/410826',
    date: '2015-07-21 02:51:32', title: 'بريطانيا: أربعة محاور لاستراتيجية جديدة', author: 'لندن: رنيم حنوش',
    body: 'حدد رئيس الوزراء البريطاني ملامح استراتيجية للتصدي للتطرف.\n\n ورسم الإطار العام للاستراتيجية.',
  }, AT);
  assert.ok(typeof r !== 'string');
  assert.equal(r.sourceName, 'Al-Sharq Al-Awsat');
  assert.equal(r.article.external_id, 'snn-2015-07-21-00000');
  assert.equal(r.article.published_at, '2015-07-20T23:51:32.000Z');
  assert.equal(r.article.body, '<p>حدد رئيس الوزراء البريطاني ملامح استراتيجية للتصدي للتطرف.</p><p>ورسم الإطار العام للاستراتيجية.</p>');
  assert.equal(r.article.text, 'حدد رئيس الوزراء البريطاني ملامح استراتيجية للتصدي للتطرف.\n\nورسم الإطار العام للاستراتيجية.');
  assert.deepEqual(r.article.authors, ['لندن: رنيم حنوش']);
});

test('an HTML body is sanitized and plain text is escaped, never markup', () => {
  const html = articleFromRecord({ id: 'x1', url: 'https://sabq.org/a', title: 'عنوان', body: '<p>نص <script>alert(1)</script><img src=x onerror=alert(1)></p>' }, AT);
  assert.ok(typeof html !== 'string');
  assert.doesNotMatch(html.article.body, /script|onerror/);
  const text = articleFromRecord({ id: 'x2', url: 'https://sabq.org/b', title: 'عنوان', body: 'أقل من <5> بالمئة & أكثر' }, AT);
  assert.ok(typeof text !== 'string');
  assert.equal(text.article.body, '<p>أقل من &lt;5&gt; بالمئة &amp; أكثر</p>');
});

test('dates with Arabic-Indic digits and an explicit offset are read exactly', () => {
  const r = articleFromRecord({ id: 'x3', url: 'https://okaz.com.sa/n/3', title: 'خبر', body: 'نص', published_at: '٢٠١٥-٠٨-٠١T10:00:00+03:00' }, AT);
  assert.ok(typeof r !== 'string');
  assert.equal(r.article.published_at, '2015-08-01T07:00:00.000Z');
});

test('lines that cannot be articles say why', () => {
  assert.equal(articleFromRecord(['not', 'an', 'object'], AT), 'not a JSON object');
  assert.equal(articleFromRecord({ id: 'x4', url: 'https://a.b/c' }, AT), 'no title and no body');
  assert.equal(articleFromRecord({ title: 'عنوان', body: 'نص', url: 'ftp://a.b/c' }, AT), 'no usable url and no id');
  const noUrl = articleFromRecord({ id: 'snn-9', title: 'عنوان', body: 'نص' }, AT);
  assert.ok(typeof noUrl !== 'string');
  assert.equal(noUrl.article.url, 'urn:marsad:import:snn-9');
});
