/**
 * «وكالة الأنباء العربية الموحدة» (وأع), the agency whose stories the other outlets republish. Its feed
 * moved: `/rss` answers 301 to `/rss/ar.xml`, so the crawler follows one redirect. Pages carry JSON-LD
 * and open with the agency dateline «عمّان - وأع:», which is part of the first paragraph's text.
 */
import type { DemoArticle } from '../../data/types.ts';
import type { OutletTemplate, Reply, Site } from '../types.ts';
import {
  articleUrl, esc, htmlReply, imagePath, jsonLd, linkList, newestChange, notFoundMain,
  otherArticles, pageTitle,
} from '../layout.ts';
import { isoWithOffset, pad2, rfc822, wallTime } from '../dates.ts';
import { renderRss } from '../rss.ts';
import { redirectReply, xmlReply } from '../replies.ts';

const NAME = 'وكالة الأنباء العربية الموحدة';
const SHORT_NAME = 'وأع';
const DATELINE = `عمّان - ${SHORT_NAME}:`;
const FEED_PATH = '/rss/ar.xml';

const articlePath = (a: DemoArticle): string => `/ar/news/${a.slug}`;

/** «2026-11-24 09:30», the terse stamp agencies print. */
function agencyStamp(iso: string): string {
  const t = wallTime(iso);
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}`;
}

function chrome(main: string): string {
  return `<header class="agency-header">
<a class="logo" href="/">${NAME} <small>(${SHORT_NAME})</small></a>
<nav class="services">خدمات الوكالة: <a href="/photos">الصور</a> | <a href="/video">الفيديو</a> | <a href="/subscribe">الاشتراكات</a> | <a href="/en">English</a></nav>
<nav class="desks"><a href="/">الرئيسية</a> <a href="/?desk=arab">عربي</a> <a href="/?desk=world">دولي</a> <a href="/?desk=economy">اقتصاد</a> <a href="/?desk=sport">رياضة</a></nav>
</header>
${main}
<footer><p>${NAME} - جميع الحقوق محفوظة © 2026</p></footer>`;
}

function articlePage(article: DemoArticle, site: Site): Reply {
  const url = articleUrl(site, article);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.lead,
    dateline: 'عمّان',
    datePublished: isoWithOffset(wallTime(article.published)),
    dateModified: isoWithOffset(wallTime(article.updated ?? article.published)),
    author: article.author ? { '@type': 'Person', name: article.author } : { '@type': 'Organization', name: NAME },
    publisher: { '@type': 'NewsMediaOrganization', name: NAME, alternateName: SHORT_NAME },
    image: site.origin + imagePath(article),
    articleSection: article.section,
    mainEntityOfPage: url,
    inLanguage: 'ar',
  };
  const related = otherArticles(site, article, 3);
  const main = `<main class="story">
<div class="crumbs"><a href="/">الرئيسية</a> &gt; ${esc(article.section)}</div>
<article class="news-article">
<h1>${esc(article.title)}</h1>
<div class="stamp">${agencyStamp(article.published)}${article.author ? ` | ${esc(article.author)}` : ''}</div>
<div class="news-text">
<p><span class="dateline">${DATELINE}</span> ${esc(article.lead)}</p>
${article.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
<div class="rights">© ${NAME}. يُسمح بإعادة النشر مع ذكر المصدر.</div>
</article>
${related.length ? `<section class="related"><h2>أخبار ذات صلة</h2>${linkList(site, related, 'related')}</section>` : ''}
</main>`;
  return htmlReply(200, {
    title: pageTitle(article, NAME, ' - '),
    head: `<link rel="canonical" href="${esc(url)}">\n${jsonLd(data)}`,
    body: chrome(main),
  }, article.updated ?? article.published);
}

function feed(site: Site): Reply {
  const newest = newestChange(site.articles);
  const body = renderRss({
    title: `${NAME} - الأخبار العربية`,
    link: `${site.origin}/`,
    description: `خدمة الأخبار العربية في ${NAME}`,
    selfUrl: site.origin + FEED_PATH,
    ...(newest ? { lastBuildDate: rfc822(newest) } : {}),
    items: site.articles.map((a) => ({
      title: a.title,
      link: articleUrl(site, a),
      guid: articleUrl(site, a),
      guidIsPermaLink: true,
      description: a.lead,
      ...(a.author ? { creator: a.author } : {}),
      categories: [a.section],
      pubDate: rfc822(a.published),
    })),
  });
  return xmlReply('application/rss+xml', body, newest);
}

export const wire: OutletTemplate = {
  id: 'wire',
  name: NAME,
  country: 'JO',
  kind: 'feed',
  // The old address: crawlers configured years ago still poll it.
  feedPath: '/rss',
  articlePath,
  bodyParagraphs: (a) => [`${DATELINE} ${a.lead}`, ...a.paragraphs],

  home(site) {
    const rows = site.articles
      .map((a) => `<li><span class="stamp">${agencyStamp(a.published)}</span> <a href="${esc(articlePath(a))}">${esc(a.title)}</a></li>`)
      .join('\n');
    return htmlReply(200, {
      title: `${NAME} (${SHORT_NAME})`,
      head: `<link rel="alternate" type="application/rss+xml" href="${FEED_PATH}">`,
      body: chrome(`<main><h1>آخر الأخبار</h1><ul class="wire-list">\n${rows}\n</ul></main>`),
    }, newestChange(site.articles));
  },

  article: articlePage,

  notFound() {
    return htmlReply(404, { title: `الصفحة غير موجودة - ${NAME}`, body: chrome(notFoundMain()) });
  },

  route(path, site) {
    if (path === '/rss') return redirectReply(301, FEED_PATH);
    if (path === FEED_PATH) return feed(site);
    return null;
  },
};
