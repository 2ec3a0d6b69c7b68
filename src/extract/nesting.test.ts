import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlNestingDepth, MAX_HTML_DEPTH } from './nesting.ts';

const PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الحكومة تقر الموازنة</title>
<script>document.write('<div><div><div>' + '<span>'.repeat(9000));</script><style>div > div { margin: 0 }</style></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a><li><a href="/economy">اقتصاد</a></ul></nav></header>
<main><article><h1>الحكومة تقر الموازنة العامة</h1><img src="/a.jpg" alt="مجلس الوزراء"><br>
<p>أقر مجلس الوزراء مشروع الموازنة العامة.<p>وقال الوزير إن العجز تراجع.<br/><table><tr><td>الإيرادات<td>الإنفاق</table>
</article></main><footer><p>جميع الحقوق محفوظة</footer></body></html>`;

test('a real-looking page, with unclosed paragraphs, void tags and markup inside scripts, is shallow', () => {
  // header > nav > ul > a is the deepest: html, head, body, li, p and td are not counted.
  assert.equal(htmlNestingDepth(PAGE), 4);
});

test('a page nested a hundred thousand deep is measured past the limit without reading all of it', () => {
  const n = 100_000;
  const deep = `<html><body>${'<div>'.repeat(n)}<p>ارتفع منسوب النيل.</p>${'</div>'.repeat(n)}</body></html>`;
  assert.equal(htmlNestingDepth(deep), MAX_HTML_DEPTH + 1);
  // Unclosed inline tags stack up in the parser as they do here.
  assert.ok(htmlNestingDepth(`<body>${'<font color="red">خبر عاجل '.repeat(5_000)}</body>`) > MAX_HTML_DEPTH);
  assert.equal(htmlNestingDepth(`<body>${'<font>خبر</font>'.repeat(5_000)}</body>`), 1);
});
