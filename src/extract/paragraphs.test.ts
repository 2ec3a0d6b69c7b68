import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToParagraphs } from './paragraphs.ts';

test('each block is one paragraph, in order, with whitespace collapsed and entities decoded', () => {
  const html = `<h2>خلفية   الأزمة</h2><p>بدأت الأزمة&nbsp;في <a href="https://x.example/">أكتوبر</a>
    الماضي.</p><ul><li>النقطة الأولى<p>تفصيل داخل البند</p></li><li>النقطة الثانية</li></ul>
    <blockquote><p>&quot;لن نتراجع&quot;، قال الوزير.</p></blockquote><figure><img src="https://x.example/a.jpg" /><figcaption>الوزير في مؤتمر صحفي</figcaption></figure>
    <table><tr><th>الدولة</th><th>العدد</th></tr><tr><td>مصر</td><td>105</td></tr></table>`;
  assert.deepEqual(htmlToParagraphs(html), [
    'خلفية الأزمة',
    'بدأت الأزمة في أكتوبر الماضي.',
    'النقطة الأولى',
    'تفصيل داخل البند',
    'النقطة الثانية',
    '"لن نتراجع"، قال الوزير.',
    'الوزير في مؤتمر صحفي',
    'الدولة العدد',
    'مصر 105',
  ]);
});

test('a double line break separates paragraphs, a single one does not', () => {
  assert.deepEqual(htmlToParagraphs('<p>السطر الأول<br />السطر الثاني</p>الفقرة الثالثة<br /><br />الفقرة الرابعة'), [
    'السطر الأول السطر الثاني',
    'الفقرة الثالثة',
    'الفقرة الرابعة',
  ]);
  assert.deepEqual(htmlToParagraphs(''), []);
});
