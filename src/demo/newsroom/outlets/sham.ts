/**
 * «الشام اليوم», a Lebanese site on an old CMS: pages in windows-1256 (header and meta agree), an Atom
 * feed in UTF-8, OpenGraph meta, and a date in Levantine months with Arabic-Indic digits — which the
 * code page cannot hold, so they reach the crawler as character references.
 */
import type { DemoArticle } from '../../data/types.ts';
import type { OutletTemplate, Site } from '../types.ts';
import {
  articleUrl, creditLine, esc, htmlReply, imagePath, linkList, newestChange, notFoundMain, otherArticles,
  pageTitle, paragraphsOf, type PageParts,
} from '../layout.ts';
import { MONTHS_LEVANT, WEEKDAYS_AR, isoWithOffset, pad2, toIndicDigits, wallTime, weekday } from '../dates.ts';
import { xmlReply } from '../replies.ts';

const NAME = 'الشام اليوم';
const CHARSET = 'windows-1256';
const NAV = ['لبنان', 'سوريا', 'عربي ودولي', 'اقتصاد', 'رياضة', 'ثقافة', 'رأي'];

const articlePath = (a: DemoArticle): string => `/article/${a.slug}.html`;

/** «الثلاثاء ٢٤ تشرين الثاني ٢٠٢٦ - ١٠:٣٠» */
function levantineDate(iso: string): string {
  const t = wallTime(iso);
  return toIndicDigits(`${WEEKDAYS_AR[weekday(t)]} ${t.day} ${MONTHS_LEVANT[t.month - 1]} ${t.year} - ${pad2(t.hour)}:${pad2(t.minute)}`);
}

function page(site: Site, status: number, parts: Omit<PageParts, 'charset' | 'body'>, main: string, lastModified?: string) {
  // Like many old CMS headers, a date at the top that is not the article's: the freshest news date.
  const nav = NAV.map((s) => `<a href="/?cat=${encodeURIComponent(s)}">${esc(s)}</a>`).join(' | ');
  const body = `<div id="wrapper">
<div id="header"><div class="logo"><a href="/">${NAME}</a></div><div class="date-today">${levantineDate(site.articles[0]?.published ?? '2026-01-01T00:00:00+02:00')}</div></div>
<div id="menu"><a href="/">الرئيسية</a> | ${nav}</div>
${main}
<div id="footer">${NAME} © جميع الحقوق محفوظة - يُمنع النسخ أو إعادة النشر من دون إذن خطي.</div>
</div>`;
  return htmlReply(status, { ...parts, charset: CHARSET, body }, lastModified);
}

function newsletterBox(): string {
  return `<div class="newsletter"><h4>اشترك في النشرة البريدية</h4>
<p>أهم الأخبار تصلك يومياً إلى بريدك الإلكتروني.</p>
<form action="/newsletter" method="post"><input type="email" name="email" placeholder="بريدك الإلكتروني"><button>اشترك</button></form>
</div>`;
}

function articlePage(article: DemoArticle, site: Site) {
  const url = articleUrl(site, article);
  const published = isoWithOffset(wallTime(article.published));
  const head = [
    `<link rel="canonical" href="${esc(url)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${esc(article.title)}">`,
    `<meta property="og:description" content="${esc(article.lead)}">`,
    `<meta property="og:url" content="${esc(url)}">`,
    `<meta property="og:image" content="${esc(site.origin + imagePath(article))}">`,
    `<meta property="og:site_name" content="${NAME}">`,
    `<meta property="article:published_time" content="${published}">`,
    ...(article.updated ? [`<meta property="article:modified_time" content="${isoWithOffset(wallTime(article.updated))}">`] : []),
    `<meta property="article:section" content="${esc(article.section)}">`,
  ].join('\n');
  const related = otherArticles(site, article, 4);
  const main = `<div id="content">
<div class="path"><a href="/">الرئيسية</a> &raquo; <a href="/?cat=${encodeURIComponent(article.section)}">${esc(article.section)}</a></div>
<div class="article-box">
<h1>${esc(article.title)}</h1>
<div class="article-info">${levantineDate(article.published)}${article.author ? ` | <span class="writer">${esc(article.author)}</span>` : ''}</div>
<img class="main-img" src="${imagePath(article)}" alt="">
<div class="article-text">
${paragraphsOf(site.template, article).map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
${creditLine(article)}
${related.length ? `<div class="related"><h3>مواضيع ذات صلة</h3>\n${linkList(site, related, 'related-list')}\n</div>` : ''}
</div>
${newsletterBox()}
</div>`;
  return page(site, 200, { title: pageTitle(article, NAME, ' - '), head }, main, article.updated ?? article.published);
}

function atomFeed(site: Site): string {
  const updated = newestChange(site.articles);
  const entries = site.articles.map((a) => {
    const url = articleUrl(site, a);
    return `<entry>
  <id>tag:sham-alyawm.demo,2026:${a.slug}</id>
  <title>${esc(a.title)}</title>
  <link rel="alternate" type="text/html" href="${esc(url)}"/>
  <published>${isoWithOffset(wallTime(a.published))}</published>
  <updated>${isoWithOffset(wallTime(a.updated ?? a.published))}</updated>
  ${a.author ? `<author><name>${esc(a.author)}</name></author>` : `<author><name>${NAME}</name></author>`}
  <category term="${esc(a.section)}"/>
  <summary type="text">${esc(a.lead)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<id>${site.origin}/</id>
<title>${NAME}</title>
<subtitle>أخبار لبنان والمنطقة</subtitle>
<link rel="alternate" type="text/html" href="${site.origin}/"/>
<link rel="self" type="application/atom+xml" href="${site.origin}/atom.xml"/>
<updated>${updated ? isoWithOffset(wallTime(updated)) : '2026-01-01T00:00:00+02:00'}</updated>
${entries.join('\n')}
</feed>
`;
}

export const sham: OutletTemplate = {
  id: 'sham',
  name: NAME,
  country: 'LB',
  kind: 'feed',
  feedPath: '/atom.xml',
  articlePath,

  home(site) {
    const list = site.articles
      .map((a) => `<div class="news-item"><a href="${esc(articlePath(a))}">${esc(a.title)}</a><span class="date">${levantineDate(a.published)}</span></div>`)
      .join('\n');
    return page(site, 200, {
      title: `${NAME} - الصفحة الرئيسية`,
      head: `<link rel="alternate" type="application/atom+xml" href="/atom.xml" title="${NAME}">`,
    }, `<div id="content"><h2>آخر الأخبار</h2>\n${list}\n</div>\n${newsletterBox()}`, newestChange(site.articles));
  },

  article: articlePage,

  notFound(site) {
    return page(site, 404, { title: `الصفحة غير موجودة - ${NAME}` }, notFoundMain());
  },

  route(path, site) {
    if (path !== '/atom.xml') return null;
    return xmlReply('application/atom+xml', atomFeed(site), newestChange(site.articles));
  },
};
