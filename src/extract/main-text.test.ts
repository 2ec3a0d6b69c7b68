import assert from 'node:assert/strict';
import { test } from 'node:test';

test('a wire dateline at the start of the first paragraph stays in the text', async () => {
  const { extractArticle } = await import('./extract-article.ts');
  const p = 'انطلقت في العاصمة الأردنية عمّان، صباح الاثنين، أعمال القمة العربية للأمن المائي بمشاركة وزراء المياه والري في 18 دولة عربية.';
  const html = `<html lang="ar"><body><header><nav><a href="/">الرئيسية</a></nav></header><article><h1>انطلاق القمة العربية للأمن المائي في عمّان</h1>
    <div class="news-text"><p><span class="dateline">عمّان - وأع:</span> ${p}</p>${`<p>${p}</p>`.repeat(4)}</div></article></body></html>`;
  const article = extractArticle(html, { url: 'https://wire.example/ar/news/1' });
  assert.match(article.paragraphs[0] ?? '', /^عمّان - وأع: انطلقت/);
});
