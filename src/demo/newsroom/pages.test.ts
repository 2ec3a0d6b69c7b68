import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { OutletId } from '../data/types.ts';
import { expectedFor, startNewsroom, type DemoOutlet, type Newsroom } from './index.ts';
import { FIXTURE_ARTICLES, FIXTURE_NOW } from './testdata/articles.ts';

let newsroom: Newsroom;
const outlet = (id: OutletId): DemoOutlet => newsroom.outlets.find((o) => o.id === id)!;
const published = FIXTURE_ARTICLES.filter((a) => Date.parse(a.published) <= FIXTURE_NOW.getTime());

before(async () => {
  newsroom = await startNewsroom({ articles: FIXTURE_ARTICLES, now: FIXTURE_NOW });
});
after(() => newsroom.close());

/** Where each template keeps the article's own paragraphs. */
const BODY: Record<OutletId, string> = {
  nile: '.story-body > p',
  sham: '.article-text > p',
  khaleej: '.article-body > p',
  maghreb: '.post-content > p',
  rafidain: '[itemprop="articleBody"] > p',
  wire: '.news-text > p',
  quds: '.entry-content > p',
};

const SEPARATOR: Record<OutletId, string> = {
  nile: ' | ', sham: ' - ', khaleej: ' | ', maghreb: ' - ', rafidain: ' | ', wire: ' - ', quds: ' | ',
};

/** The date a template states in machine-readable form; maghreb has none. */
function machineDate(id: OutletId, document: Document): string | null {
  const ld = () => JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!).datePublished;
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? null;
  switch (id) {
    case 'nile':
    case 'wire':
      return ld();
    case 'sham':
    case 'quds':
      return meta('meta[property="article:published_time"]');
    case 'khaleej':
      return document.querySelector('.article-header time')!.getAttribute('datetime');
    case 'rafidain':
      return meta('meta[itemprop="datePublished"]');
    case 'maghreb':
      return null;
  }
}

async function load(url: string, id: OutletId): Promise<Document> {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  const html = new TextDecoder(id === 'sham' ? 'windows-1256' : 'utf-8').decode(await res.arrayBuffer());
  return parseHTML(html).document as unknown as Document;
}

test('every article page matches its ground truth', async () => {
  for (const article of published) {
    const o = outlet(article.outlet);
    const expected = expectedFor(article, o);
    const document = await load(expected.url, o.id);
    const where = `${o.id}/${article.slug}`;
    assert.equal(document.documentElement.getAttribute('lang'), 'ar', where);
    assert.equal(document.documentElement.getAttribute('dir'), 'rtl', where);
    assert.equal(document.title, `${expected.title}${SEPARATOR[o.id]}${o.name}`, where);
    assert.equal(document.querySelector('h1')!.textContent, expected.title, where);
    assert.equal(document.querySelector('link[rel="canonical"]')!.getAttribute('href'), expected.canonicalUrl, where);
    const paragraphs = Array.from(document.querySelectorAll(BODY[o.id])).map((p) => p.textContent);
    assert.deepEqual(paragraphs, expected.paragraphs, where);
    const date = machineDate(o.id, document);
    if (date !== null) assert.equal(Date.parse(date), Date.parse(expected.publishedIso), where);
    assert.equal(expected.url.startsWith(o.homeUrl), true, where);
  }
});

test('nile: the feed link carries tracking that the canonical URL drops', () => {
  const e = expectedFor(published.find((a) => a.outlet === 'nile')!, outlet('nile'));
  assert.equal(e.url, `${e.canonicalUrl}?utm_source=rss&utm_medium=feed`);
});

test('nile: «اقرأ أيضاً» sits between body paragraphs with three links to other nile stories', async () => {
  const document = await load(outlet('nile').homeUrl + 'news/cbe-holds-rates', 'nile');
  const box = document.querySelector('.story-body > .read-also')!;
  assert.match(box.textContent!, /اقرأ أيضاً/);
  assert.ok(box.previousElementSibling?.tagName === 'P' && box.nextElementSibling?.tagName === 'P');
  const links = Array.from(box.querySelectorAll('a')).map((a) => a.getAttribute('href'));
  assert.equal(links.length, 3);
  assert.ok(links.every((h) => h!.startsWith('/news/') && h !== '/news/cbe-holds-rates'));
  const share = document.querySelector('.share-buttons')!.textContent!;
  for (const name of ['فيسبوك', 'تويتر', 'واتساب']) assert.ok(share.includes(name));
});

test('syndicated copies credit the agency outside the body paragraphs', async () => {
  const copy = published.find((a) => a.outlet === 'quds' && a.copyOf)!;
  const document = await load(expectedFor(copy, outlet('quds')).url, 'quds');
  assert.equal(document.querySelector('.source-credit')!.textContent, 'المصدر: وأع');
  assert.ok(!expectedFor(copy, outlet('quds')).paragraphs.some((p) => p.includes('المصدر')));
});

test('quds: two reader comments follow the article and are not part of its text', async () => {
  const article = published.find((a) => a.outlet === 'quds')!;
  const document = await load(expectedFor(article, outlet('quds')).url, 'quds');
  const comments = Array.from(document.querySelectorAll('#comments .comment p')).map((p) => p.textContent!);
  assert.equal(comments.length, 2);
  assert.match(document.querySelector('#comments h3')!.textContent!, /التعليقات/);
  const body = expectedFor(article, outlet('quds')).paragraphs.join('\n');
  assert.ok(comments.every((c) => !body.includes(c)));
});

test('maghreb: the only date is Arabic text with Moroccan months, to the minute', async () => {
  const article = published.find((a) => a.slug === 'azilal-earthquake')!;
  const expected = expectedFor(article, outlet('maghreb'));
  const res = await fetch(expected.url);
  const html = await res.text();
  assert.ok(html.includes('الخميس 26 نونبر 2026 - 18:05'));
  assert.doesNotMatch(html, /2026-11-26|datetime=|published_time|ld\+json|datePublished/);
  assert.match(html, /تابعونا على/);
  assert.match(html, /كلمات دلالية/);
  assert.match(html, /href="\/print\/azilal-earthquake\.html"/);
  const withSeconds = expectedFor(published.find((a) => a.slug === 'azilal-aftershocks')!, outlet('maghreb'));
  assert.equal(withSeconds.publishedIso, '2026-11-27T08:40:00+01:00');
});

test('rafidain and khaleej print their own date forms', async () => {
  const iraq = await (await fetch(outlet('rafidain').homeUrl + 'news/iraq-water-share')).text();
  assert.ok(iraq.includes('2026/11/25 09:15 بتوقيت بغداد'));
  const gulf = await load(outlet('khaleej').homeUrl + 'ar/news/2026-11-26/cbe-decision-gulf', 'khaleej');
  assert.equal(gulf.querySelector('meta[property="og:title"]')!.getAttribute('content'), 'المركزي المصري يبقي الفائدة دون تغيير وسط تباطؤ التضخم');
  assert.match(gulf.querySelector('.most-read')!.textContent!, /الأكثر قراءة/);
  assert.match(gulf.querySelector('.watch-also')!.textContent!, /شاهد أيضاً/);
});

test('wire: the dateline opens the first paragraph', async () => {
  const article = published.find((a) => a.outlet === 'wire')!;
  const expected = expectedFor(article, outlet('wire'));
  assert.equal(expected.paragraphs[0], `عمّان - وأع: ${article.lead}`);
});

test('expectedFor refuses an article of another outlet', () => {
  assert.throws(() => expectedFor(published.find((a) => a.outlet === 'nile')!, outlet('quds')));
});

test('the bundled demo articles all render and match their ground truth', async () => {
  const { ARTICLES } = await import('../data/articles.ts');
  const demo = await startNewsroom();
  try {
    for (const article of ARTICLES) {
      const o = demo.outlets.find((x) => x.id === article.outlet)!;
      const expected = expectedFor(article, o);
      const document = await load(expected.url, o.id);
      const where = `${o.id}/${article.slug}`;
      assert.equal(document.querySelector('h1')!.textContent, expected.title, where);
      assert.equal(document.querySelector('link[rel="canonical"]')!.getAttribute('href'), expected.canonicalUrl, where);
      const paragraphs = Array.from(document.querySelectorAll(BODY[o.id])).map((p) => p.textContent);
      assert.deepEqual(paragraphs, expected.paragraphs, where);
    }
    assert.equal(demo.stats().disallowed, 0);
  } finally {
    await demo.close();
  }
});
