/**
 * «بوابة النيل», an Egyptian portal: RSS 2.0 whose links carry utm tracking, pages with JSON-LD, and a
 * «اقرأ أيضاً» box in the middle of the body — the junk an extractor most often swallows as text.
 */
import type { DemoArticle } from '../../data/types.ts';
import type { OutletTemplate, Site } from '../types.ts';
import {
  articleUrl, creditLine, esc, htmlReply, imagePath, jsonLd, linkList, newestChange, notFoundMain,
  otherArticles, pageTitle, paragraphsOf,
} from '../layout.ts';
import { MONTHS_EGYPT, WEEKDAYS_AR, isoWithOffset, pad2, rfc822, wallTime, weekday } from '../dates.ts';
import { renderRss } from '../rss.ts';
import { xmlReply } from '../replies.ts';

const NAME = 'بوابة النيل';
const TRACKING = '?utm_source=rss&utm_medium=feed';
const articlePath = (a: DemoArticle): string => `/news/${a.slug}`;
const feedLink = (a: DemoArticle, origin: string): string => `${origin}${articlePath(a)}${TRACKING}`;
const NAV = ['أخبار مصر', 'عربي ودولي', 'اقتصاد', 'رياضة', 'فن وثقافة', 'حوادث', 'منوعات'];

/** «الثلاثاء، 24 نوفمبر 2026 - 09:30 ص», twelve-hour clock with ص/م as Egyptian sites print it. */
function egyptianDate(iso: string): string {
  const t = wallTime(iso);
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${WEEKDAYS_AR[weekday(t)]}، ${t.day} ${MONTHS_EGYPT[t.month - 1]} ${t.year} - ${pad2(hour12)}:${pad2(t.minute)} ${t.hour < 12 ? 'ص' : 'م'}`;
}

function chrome(site: Site, main: string): string {
  const latest = site.articles[0];
  const nav = NAV.map((s) => `<li><a href="/?section=${encodeURIComponent(s)}">${esc(s)}</a></li>`).join('');
  return `<header class="site-header">
<div class="topbar"><a href="/login">تسجيل الدخول</a> | <a href="/epaper">العدد الورقي</a></div>
<a class="logo" href="/">${NAME}</a>
<nav class="main-nav"><ul><li><a href="/">الرئيسية</a></li>${nav}</ul></nav>
${latest ? `<div class="breaking"><strong>عاجل:</strong> <a href="${esc(articlePath(latest))}">${esc(latest.title)}</a></div>` : ''}
</header>
${main}
<footer class="site-footer">
<ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul>
<p>جميع الحقوق محفوظة © 2026 ${NAME}</p>
</footer>`;
}

function shareButtons(url: string): string {
  const u = encodeURIComponent(url);
  return `<div class="share-buttons"><span>شارك:</span>
<a class="fb" href="https://www.facebook.com/sharer/sharer.php?u=${u}">فيسبوك</a>
<a class="tw" href="https://twitter.com/intent/tweet?url=${u}">تويتر</a>
<a class="wa" href="https://wa.me/?text=${u}">واتساب</a>
</div>`;
}

function readAlso(site: Site, article: DemoArticle): string {
  const links = otherArticles(site, article, 3);
  if (links.length === 0) return '';
  return `<div class="read-also"><span class="read-also-title">اقرأ أيضاً</span>\n${linkList(site, links, 'read-also-list')}\n</div>`;
}

function articlePage(article: DemoArticle, site: Site) {
  const url = articleUrl(site, article);
  const paragraphs = paragraphsOf(site.template, article).map((p, i) =>
    i === 0 ? `<p class="lead"><strong>${esc(p)}</strong></p>` : `<p>${esc(p)}</p>`,
  );
  // The box goes halfway through the text, where real portals put it to keep readers on the site.
  paragraphs.splice(Math.max(1, Math.ceil(paragraphs.length / 2)), 0, readAlso(site, article));
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.title,
    description: article.lead,
    datePublished: isoWithOffset(wallTime(article.published)),
    ...(article.updated ? { dateModified: isoWithOffset(wallTime(article.updated)) } : {}),
    author: article.author
      ? { '@type': 'Person', name: article.author }
      : { '@type': 'Organization', name: NAME },
    publisher: { '@type': 'Organization', name: NAME, url: `${site.origin}/` },
    image: [site.origin + imagePath(article)],
    articleSection: article.section,
    inLanguage: 'ar',
  };
  const main = `<main class="container">
<nav class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/?section=${encodeURIComponent(article.section)}">${esc(article.section)}</a> › <span>${esc(article.title)}</span></nav>
<article class="story">
<h1 class="story-title">${esc(article.title)}</h1>
<div class="story-meta">${article.author ? `<span class="author">كتب: ${esc(article.author)}</span> ` : ''}<span class="date">${egyptianDate(article.published)}</span></div>
${shareButtons(url)}
<figure class="story-image"><img src="${imagePath(article)}" alt="${esc(article.title)}"><figcaption>صورة أرشيفية</figcaption></figure>
<div class="story-body">
${paragraphs.join('\n')}
</div>
${creditLine(article)}
${shareButtons(url)}
</article>
<aside class="sidebar"><div class="ad">إعلان</div></aside>
</main>`;
  return htmlReply(200, {
    title: pageTitle(article, NAME, ' | '),
    head: `<link rel="canonical" href="${esc(url)}">\n<meta name="description" content="${esc(article.lead)}">\n${jsonLd(data)}`,
    body: chrome(site, main),
  }, article.updated ?? article.published);
}

export const nile: OutletTemplate = {
  id: 'nile',
  name: NAME,
  country: 'EG',
  kind: 'feed',
  feedPath: '/rss.xml',
  articlePath,
  feedLink,

  home(site) {
    const items = site.articles
      .map((a) => `<div class="card"><h3><a href="${esc(articlePath(a))}">${esc(a.title)}</a></h3><p>${esc(a.lead)}</p><span class="date">${egyptianDate(a.published)}</span></div>`)
      .join('\n');
    return htmlReply(200, {
      title: `${NAME} | آخر الأخبار`,
      head: `<link rel="alternate" type="application/rss+xml" title="${NAME}" href="/rss.xml">`,
      body: chrome(site, `<main class="container"><h2>آخر الأخبار</h2>\n${items}\n</main>`),
    }, newestChange(site.articles));
  },

  article: articlePage,

  notFound(site) {
    return htmlReply(404, { title: `الصفحة غير موجودة | ${NAME}`, body: chrome(site, notFoundMain()) });
  },

  route(path, site) {
    if (path !== '/rss.xml') return null;
    const newest = newestChange(site.articles);
    const body = renderRss({
      title: NAME,
      link: `${site.origin}/`,
      description: 'آخر أخبار مصر والعالم من بوابة النيل',
      selfUrl: `${site.origin}/rss.xml`,
      ...(newest ? { lastBuildDate: rfc822(newest) } : {}),
      items: site.articles.map((a) => ({
        title: a.title,
        link: feedLink(a, site.origin),
        guid: `nile-${a.slug}`,
        guidIsPermaLink: false,
        description: a.lead,
        ...(a.author ? { creator: a.author } : {}),
        categories: [a.section],
        pubDate: rfc822(a.published),
      })),
    });
    return xmlReply('application/rss+xml', body, newest);
  },
};
