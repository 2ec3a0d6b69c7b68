/**
 * «الرافدين نيوز», an Iraqi site behind a well-configured server: JSON Feed 1.1, ETag and Last-Modified
 * on everything with 304 answers to conditional requests, gzip when asked. Pages mark the date with
 * microdata and print it in Baghdad time («2026/11/25 09:15 بتوقيت بغداد»).
 */
import type { DemoArticle } from '../../data/types.ts';
import type { OutletTemplate, Reply, Site } from '../types.ts';
import {
  articleUrl, creditLine, esc, htmlReply, imagePath, linkList, newestChange, notFoundMain, otherArticles,
  pageTitle, paragraphsOf,
} from '../layout.ts';
import { isoWithOffset, pad2, wallTimeAt } from '../dates.ts';
import { jsonReply } from '../replies.ts';

const NAME = 'الرافدين نيوز';
/** Baghdad keeps UTC+3 all year. */
const BAGHDAD_OFFSET = 180;
const NAV = ['العراق', 'سياسة', 'أمن', 'اقتصاد', 'رياضة', 'منوعات'];

const articlePath = (a: DemoArticle): string => `/news/${a.slug}`;
const baghdadIso = (iso: string): string => isoWithOffset(wallTimeAt(iso, BAGHDAD_OFFSET));

/** «2026/11/25 09:15 بتوقيت بغداد» */
function baghdadDate(iso: string): string {
  const t = wallTimeAt(iso, BAGHDAD_OFFSET);
  return `${t.year}/${pad2(t.month)}/${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)} بتوقيت بغداد`;
}

function chrome(site: Site, main: string, aside = ''): string {
  const nav = NAV.map((s) => `<a href="/?cat=${encodeURIComponent(s)}">${esc(s)}</a>`).join('\n');
  const latest = site.articles.slice(0, 3).map((a) => `<a href="${esc(articlePath(a))}">${esc(a.title)}</a>`).join(' ◆ ');
  return `<div class="ticker"><b>الأخبار العاجلة</b> ${latest}</div>
<header><a class="logo" href="/">${NAME}</a>
<nav>\n<a href="/">الرئيسية</a>\n${nav}\n</nav></header>
<div class="page">
${main}
<aside>
<div class="poll"><h4>استطلاع رأي</h4><p>هل تتوقع تحسن الخدمات خلال العام المقبل؟</p>
<label><input type="radio" name="poll"> نعم</label> <label><input type="radio" name="poll"> لا</label> <button>صوّت</button></div>
${aside}
</aside>
</div>
<footer>جميع الحقوق محفوظة لـ${NAME} © 2026</footer>`;
}

function articlePage(article: DemoArticle, site: Site): Reply {
  const url = articleUrl(site, article);
  const paragraphs = paragraphsOf(site.template, article).map((p) => `<p>${esc(p)}</p>`);
  // A channel promotion after the lead, the way Iraqi sites push their Telegram channels.
  paragraphs.splice(1, 0, '<div class="tg-promo"><a href="https://t.me/rafidain_demo">تابعوا آخر الأخبار على قناتنا في تلغرام</a></div>');
  const main = `<main>
<div class="crumbs"><a href="/">الرئيسية</a> » <a href="/?cat=${encodeURIComponent(article.section)}">${esc(article.section)}</a></div>
<article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">${esc(article.title)}</h1>
<div class="meta">
<span class="date"><meta itemprop="datePublished" content="${baghdadIso(article.published)}">${baghdadDate(article.published)}</span>
${article.updated ? `<meta itemprop="dateModified" content="${baghdadIso(article.updated)}">` : ''}
${article.author ? `<span class="author" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">${esc(article.author)}</span></span>` : ''}
<span itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="${NAME}"></span>
</div>
<img itemprop="image" src="${imagePath(article)}" alt="">
<div class="text" itemprop="articleBody">
${paragraphs.join('\n')}
</div>
${creditLine(article)}
</article>
</main>`;
  const more = otherArticles(site, article, 4);
  const aside = more.length ? `<div class="more"><h4>المزيد من الأخبار</h4>${linkList(site, more, 'more-list')}</div>` : '';
  return htmlReply(200, {
    title: pageTitle(article, NAME, ' | '),
    head: `<link rel="canonical" href="${esc(url)}">`,
    body: chrome(site, main, aside),
  }, article.updated ?? article.published);
}

function jsonFeed(site: Site): unknown {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: NAME,
    home_page_url: `${site.origin}/`,
    feed_url: `${site.origin}/feed.json`,
    description: 'أخبار العراق على مدار الساعة',
    language: 'ar',
    authors: [{ name: NAME }],
    items: site.articles.map((a) => ({
      id: articleUrl(site, a),
      url: articleUrl(site, a),
      title: a.title,
      // A teaser only, so readers (and crawlers) have to come to the page for the text.
      content_text: a.lead,
      summary: a.lead,
      image: site.origin + imagePath(a),
      date_published: baghdadIso(a.published),
      ...(a.updated ? { date_modified: baghdadIso(a.updated) } : {}),
      ...(a.author ? { authors: [{ name: a.author }] } : {}),
      tags: [a.section],
    })),
  };
}

export const rafidain: OutletTemplate = {
  id: 'rafidain',
  name: NAME,
  country: 'IQ',
  kind: 'feed',
  feedPath: '/feed.json',
  articlePath,
  http: { validators: true, gzip: true },

  home(site) {
    const list = site.articles
      .map((a) => `<div class="item"><a href="${esc(articlePath(a))}">${esc(a.title)}</a> <small>${baghdadDate(a.published)}</small></div>`)
      .join('\n');
    return htmlReply(200, {
      title: `${NAME} | أخبار العراق`,
      head: `<link rel="alternate" type="application/feed+json" href="/feed.json" title="${NAME}">`,
      body: chrome(site, `<main>\n${list}\n</main>`),
    }, newestChange(site.articles));
  },

  article: articlePage,

  notFound(site) {
    return htmlReply(404, { title: `الصفحة غير موجودة | ${NAME}`, body: chrome(site, notFoundMain()) });
  },

  route(path, site) {
    if (path !== '/feed.json') return null;
    return jsonReply('application/feed+json', jsonFeed(site), newestChange(site.articles));
  },
};
