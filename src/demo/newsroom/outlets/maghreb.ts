/**
 * «المغرب الإخباري», a Moroccan site: RSS 2.0 without dates, pages whose only date is Arabic text with
 * Moroccan month names («الخميس 26 نونبر 2026 - 18:05»), and a robots.txt that shuts crawlers out of
 * the print versions — which the feed nonetheless lists once, so an impolite crawler is caught.
 */
import type { DemoArticle } from '../../data/types.ts';
import type { OutletTemplate, Reply, Site } from '../types.ts';
import {
  articleUrl, creditLine, esc, htmlReply, linkList, newestChange, notFoundMain, otherArticles, pageTitle,
  paragraphsOf,
} from '../layout.ts';
import { MONTHS_MOROCCO, WEEKDAYS_AR, pad2, wallTime, weekday } from '../dates.ts';
import { renderRss } from '../rss.ts';
import { xmlReply } from '../replies.ts';

const NAME = 'المغرب الإخباري';
const NAV = ['وطني', 'سياسة', 'اقتصاد', 'مجتمع', 'رياضة', 'دولي', 'فن وثقافة'];
const PRINT_PREFIX = '/print/';
const PRINT_PATH = /^\/print\/([A-Za-z0-9_-]+)\.html$/;

const articlePath = (a: DemoArticle): string => `/${a.published.slice(0, 4)}/${a.published.slice(5, 7)}/${a.slug}.html`;
const printPath = (a: DemoArticle): string => `${PRINT_PREFIX}${a.slug}.html`;

/** «الخميس 26 نونبر 2026 - 18:05» — the only date these pages carry. */
function moroccanDate(iso: string): string {
  const t = wallTime(iso);
  return `${WEEKDAYS_AR[weekday(t)]} ${t.day} ${MONTHS_MOROCCO[t.month - 1]} ${t.year} - ${pad2(t.hour)}:${pad2(t.minute)}`;
}

/** Tags as the CMS derives them: the section and the title's longer words. */
function tagsOf(article: DemoArticle): string[] {
  const words = article.title.split(/[\s،:«»"]+/).filter((w) => w.length >= 5);
  return [...new Set([article.section, ...words.slice(0, 3)])];
}

function followUs(): string {
  return `<div class="widget follow-us"><h4>تابعونا على</h4><ul>
<li><a href="https://www.facebook.com/almaghrib.demo">فيسبوك</a></li>
<li><a href="https://twitter.com/almaghrib_demo">تويتر</a></li>
<li><a href="https://www.youtube.com/@almaghrib.demo">يوتيوب</a></li>
<li><a href="https://www.instagram.com/almaghrib.demo">إنستغرام</a></li>
</ul></div>`;
}

function chrome(main: string, aside = ''): string {
  const nav = NAV.map((s) => `<li><a href="/?rubrique=${encodeURIComponent(s)}">${esc(s)}</a></li>`).join('');
  return `<div class="top-header"><a class="logo" href="/">${NAME}</a><span class="slogan">جريدة إلكترونية مغربية مستقلة</span></div>
<nav class="menu"><ul><li><a href="/">الرئيسية</a></li>${nav}</ul></nav>
<div class="content-wrap">
${main}
<aside class="sidebar">${followUs()}${aside}</aside>
</div>
<footer><p>${NAME} © 2026 - جميع الحقوق محفوظة</p></footer>`;
}

function articlePage(article: DemoArticle, site: Site): Reply {
  const url = articleUrl(site, article);
  const tags = tagsOf(article).map((t) => `<a href="/?tag=${encodeURIComponent(t)}">${esc(t)}</a>`).join(' ');
  const main = `<main class="main-col">
<div class="breadcrumbs"><a href="/">الرئيسية</a> / <a href="/?rubrique=${encodeURIComponent(article.section)}">${esc(article.section)}</a> / ${esc(article.title)}</div>
<div class="post">
<h1 class="post-title">${esc(article.title)}</h1>
<div class="post-meta">${article.author ? `<span class="author">${esc(article.author)}</span> - ` : ''}<span class="post-date">${moroccanDate(article.published)}</span></div>
<div class="post-tools"><a href="${printPath(article)}" rel="nofollow">نسخة للطباعة</a> | <a href="#comments">أضف تعليقاً</a></div>
<div class="post-content">
${paragraphsOf(site.template, article).map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
${creditLine(article)}
<div class="post-tags"><span>كلمات دلالية:</span> ${tags}</div>
</div>
</main>`;
  const latest = otherArticles(site, article, 5);
  const aside = latest.length ? `<div class="widget"><h4>آخر الأخبار</h4>${linkList(site, latest, 'latest')}</div>` : '';
  return htmlReply(200, {
    title: pageTitle(article, NAME, ' - '),
    head: `<link rel="canonical" href="${esc(url)}">\n<meta name="description" content="${esc(article.lead)}">`,
    body: chrome(main, aside),
  }, article.updated ?? article.published);
}

/** The print version: served, but robots.txt forbids it, and it points back to the real page. */
function printPage(article: DemoArticle, site: Site): Reply {
  return htmlReply(200, {
    title: pageTitle(article, NAME, ' - '),
    head: `<meta name="robots" content="noindex, nofollow">\n<link rel="canonical" href="${esc(articleUrl(site, article))}">`,
    bodyClass: 'print',
    body: `<h1>${esc(article.title)}</h1>
<p class="print-date">${moroccanDate(article.published)}</p>
${paragraphsOf(site.template, article).map((p) => `<p>${esc(p)}</p>`).join('\n')}
<script>window.print()</script>`,
  });
}

function feed(site: Site): Reply {
  const items = site.articles.map((a) => ({
    title: a.title,
    link: articleUrl(site, a),
    guid: articleUrl(site, a),
    guidIsPermaLink: true,
    description: a.lead,
    ...(a.author ? { creator: a.author } : {}),
    categories: [a.section],
    // No pubDate: this outlet's only dates are the Arabic text on its pages.
  }));
  const newest = site.articles[0];
  if (newest) {
    // A plugin bug real feeds have: the print version of the newest story, listed as a story of its own.
    const print = site.origin + printPath(newest);
    items.splice(1, 0, { ...items[0]!, link: print, guid: print });
  }
  const body = renderRss({
    title: NAME,
    link: `${site.origin}/`,
    description: 'آخر أخبار المغرب والعالم',
    selfUrl: `${site.origin}/feed/`,
    items,
  });
  return xmlReply('application/rss+xml', body, newestChange(site.articles));
}

export const maghreb: OutletTemplate = {
  id: 'maghreb',
  name: NAME,
  country: 'MA',
  kind: 'feed',
  feedPath: '/feed/',
  articlePath,
  datePrecision: 'minute',
  robots: { disallow: [PRINT_PREFIX], crawlDelay: 1 },

  home(site) {
    const list = site.articles
      .map((a) => `<div class="post-item"><h2><a href="${esc(articlePath(a))}">${esc(a.title)}</a></h2><span class="post-date">${moroccanDate(a.published)}</span><p>${esc(a.lead)}</p></div>`)
      .join('\n');
    return htmlReply(200, {
      title: `${NAME} - جريدة إلكترونية مغربية`,
      head: `<link rel="alternate" type="application/rss+xml" href="/feed/" title="${NAME}">`,
      body: chrome(`<main class="main-col">\n${list}\n</main>`),
    }, newestChange(site.articles));
  },

  article: articlePage,

  notFound() {
    return htmlReply(404, { title: `الصفحة غير موجودة - ${NAME}`, body: chrome(notFoundMain()) });
  },

  route(path, site) {
    if (path === '/feed/' || path === '/feed') return feed(site);
    const print = PRINT_PATH.exec(path);
    const article = print && site.articles.find((a) => a.slug === print[1]);
    return article ? printPage(article, site) : null;
  },
};
