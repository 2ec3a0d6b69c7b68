/**
 * «الخليج الآن», a Gulf site with no feed at all: crawlers find its articles through a Google news
 * sitemap (listed by a sitemap index that robots.txt names). Pages date themselves only with `<time>`
 * in the article header and describe themselves with og: meta; a «الأكثر قراءة» sidebar, an inline ad
 * and a «شاهد أيضاً» video teaser sit around and inside the text.
 */
import type { DemoArticle } from '../../data/types.ts';
import type { OutletTemplate, Site } from '../types.ts';
import {
  articleUrl, creditLine, esc, htmlReply, imagePath, linkList, newestChange, notFoundMain, otherArticles,
  pageTitle, paragraphsOf,
} from '../layout.ts';
import { MONTHS_EGYPT, isoWithOffset, pad2, wallTime } from '../dates.ts';
import { xmlReply } from '../replies.ts';

const NAME = 'الخليج الآن';
const NAV = ['الإمارات', 'الخليج', 'العالم', 'اقتصاد', 'رياضة', 'تكنولوجيا', 'فيديو'];

const articlePath = (a: DemoArticle): string => `/ar/news/${a.published.slice(0, 10)}/${a.slug}`;

/** «24 نوفمبر 2026 | 09:30» */
function gulfDate(iso: string): string {
  const t = wallTime(iso);
  return `${t.day} ${MONTHS_EGYPT[t.month - 1]} ${t.year} | ${pad2(t.hour)}:${pad2(t.minute)}`;
}

function chrome(main: string): string {
  const nav = NAV.map((s) => `<li><a href="/?section=${encodeURIComponent(s)}">${esc(s)}</a></li>`).join('');
  return `<header class="masthead">
<a class="brand" href="/">${NAME}</a>
<nav aria-label="الأقسام"><ul><li><a href="/">الرئيسية</a></li>${nav}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="ابحث في الخليج الآن"></form>
</header>
${main}
<footer class="site-footer"><p>© 2026 ${NAME}. جميع الحقوق محفوظة.</p><a href="/terms">الشروط والأحكام</a></footer>`;
}

/** "Most read" is not "newest": the oldest stories have had the most time to be read. */
function mostRead(site: Site, article: DemoArticle): string {
  const list = site.articles.filter((a) => a.slug !== article.slug).reverse().slice(0, 5);
  if (list.length === 0) return '';
  return `<aside class="most-read"><h3>الأكثر قراءة</h3>\n${linkList(site, list, 'most-read-list')}\n</aside>`;
}

function watchAlso(site: Site, article: DemoArticle): string {
  const other = otherArticles(site, article, 1)[0];
  if (!other) return '';
  return `<section class="watch-also"><h3>شاهد أيضاً</h3>
<a class="video-teaser" href="${esc(articlePath(other))}#video"><img src="${imagePath(other)}" alt=""><span class="play">▶</span><span class="duration">02:14</span>
<span class="video-title">فيديو | ${esc(other.title)}</span></a>
</section>`;
}

function articlePage(article: DemoArticle, site: Site) {
  const url = articleUrl(site, article);
  const published = isoWithOffset(wallTime(article.published));
  const head = [
    `<link rel="canonical" href="${esc(url)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:locale" content="ar_AE">`,
    `<meta property="og:site_name" content="${NAME}">`,
    `<meta property="og:title" content="${esc(article.title)}">`,
    `<meta property="og:description" content="${esc(article.lead)}">`,
    `<meta property="og:url" content="${esc(url)}">`,
    `<meta property="og:image" content="${esc(site.origin + imagePath(article))}">`,
  ].join('\n');
  const paragraphs = paragraphsOf(site.template, article).map((p) => `<p>${esc(p)}</p>`);
  // An ad slot after the second paragraph, as ad servers inject it.
  if (paragraphs.length > 2) paragraphs.splice(2, 0, '<div class="ad-slot" data-slot="inread">إعلان</div>');
  const main = `<div class="layout">
<main>
<ol class="breadcrumbs"><li><a href="/">الرئيسية</a></li><li><a href="/?section=${encodeURIComponent(article.section)}">${esc(article.section)}</a></li></ol>
<article class="article">
<header class="article-header">
<span class="kicker">${esc(article.section)}</span>
<h1>${esc(article.title)}</h1>
<div class="byline">${article.author ? `<span class="author">${esc(article.author)}</span> · ` : ''}<time datetime="${published}">${gulfDate(article.published)}</time></div>
</header>
<img class="hero" src="${imagePath(article)}" alt="${esc(article.title)}">
<div class="article-body">
${paragraphs.join('\n')}
</div>
${creditLine(article)}
${watchAlso(site, article)}
</article>
</main>
${mostRead(site, article)}
</div>`;
  return htmlReply(200, { title: pageTitle(article, NAME, ' | '), head, body: chrome(main) }, article.updated ?? article.published);
}

function newsSitemap(site: Site): string {
  const urls = site.articles.map((a) => `<url>
  <loc>${esc(articleUrl(site, a))}</loc>
  <lastmod>${isoWithOffset(wallTime(a.updated ?? a.published))}</lastmod>
  <news:news>
    <news:publication><news:name>${NAME}</news:name><news:language>ar</news:language></news:publication>
    <news:publication_date>${isoWithOffset(wallTime(a.published))}</news:publication_date>
    <news:title>${esc(a.title)}</news:title>
  </news:news>
</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
}

function sitemapIndex(site: Site): string {
  const newest = newestChange(site.articles);
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${site.origin}/sitemap-news.xml</loc>${newest ? `<lastmod>${isoWithOffset(wallTime(newest))}</lastmod>` : ''}</sitemap>
</sitemapindex>
`;
}

export const khaleej: OutletTemplate = {
  id: 'khaleej',
  name: NAME,
  country: 'AE',
  kind: 'sitemap',
  feedPath: '/sitemap-news.xml',
  articlePath,
  robots: { sitemaps: ['/sitemap.xml'] },

  home(site) {
    const cards = site.articles
      .map((a) => `<article class="card"><a href="${esc(articlePath(a))}"><h2>${esc(a.title)}</h2></a><time datetime="${isoWithOffset(wallTime(a.published))}">${gulfDate(a.published)}</time></article>`)
      .join('\n');
    return htmlReply(200, { title: `${NAME} | أخبار الإمارات والخليج والعالم`, body: chrome(`<main class="home">\n${cards}\n</main>`) }, newestChange(site.articles));
  },

  article: articlePage,

  notFound() {
    return htmlReply(404, { title: `الصفحة غير موجودة | ${NAME}`, body: chrome(notFoundMain()) });
  },

  route(path, site) {
    if (path === '/sitemap-news.xml') return xmlReply('application/xml', newsSitemap(site), newestChange(site.articles));
    if (path === '/sitemap.xml') return xmlReply('application/xml', sitemapIndex(site), newestChange(site.articles));
    return null;
  },
};
