/**
 * «القدس الرقمية», a Palestinian site: an RSS 1.0 (RDF) feed, `article:published_time` meta, and a
 * comments section under every article — two readers' paragraphs that look like text and are not.
 */
import type { DemoArticle } from '../../data/types.ts';
import type { OutletTemplate, Reply, Site } from '../types.ts';
import {
  articleUrl, creditLine, esc, htmlReply, imagePath, linkList, newestChange, notFoundMain, otherArticles,
  pageTitle, paragraphsOf,
} from '../layout.ts';
import { isoWithOffset, pad2, wallTime } from '../dates.ts';
import { xmlReply } from '../replies.ts';

const NAME = 'القدس الرقمية';
const NAV = ['فلسطين', 'القدس', 'عربي', 'دولي', 'اقتصاد', 'رياضة', 'مقالات'];

/** Readers' comments, long enough that a density-based extractor could mistake them for the story. */
const COMMENTS: Array<{ name: string; when: string; text: string }> = [
  { name: 'أبو خالد', when: 'منذ ساعتين', text: 'نتمنى أن تكون هذه الخطوة بداية حقيقية وليست مجرد تصريحات إعلامية كما حدث في المرات السابقة، فالناس تعبت من الوعود التي لا تتحقق على أرض الواقع.' },
  { name: 'سمر من نابلس', when: 'منذ 3 ساعات', text: 'شكراً على التغطية المستمرة، لكن كنت أتمنى أن يتضمن التقرير آراء المواطنين المتأثرين مباشرة بهذه القرارات وليس فقط المسؤولين.' },
  { name: 'محمد ع.', when: 'منذ 5 ساعات', text: 'الموضوع أكبر مما يتصوره البعض، ويجب أن ننتظر النتائج قبل أن نحكم عليه. التجارب السابقة علمتنا أن التفاصيل هي الأهم دائماً.' },
  { name: 'مواطن', when: 'أمس', text: 'أين كانت هذه الجهود منذ سنوات؟ كان بالإمكان تجنب الكثير من المعاناة لو اتخذت هذه القرارات في وقتها الصحيح.' },
];

const articlePath = (a: DemoArticle): string => `/post/${a.slug}`;

/** «24/11/2026 - 09:30» */
function numericDate(iso: string): string {
  const t = wallTime(iso);
  return `${pad2(t.day)}/${pad2(t.month)}/${t.year} - ${pad2(t.hour)}:${pad2(t.minute)}`;
}

function commentsFor(article: DemoArticle): string {
  const start = [...article.slug].reduce((h, c) => h + c.charCodeAt(0), 0) % COMMENTS.length;
  const picked = [COMMENTS[start]!, COMMENTS[(start + 1) % COMMENTS.length]!];
  const items = picked
    .map((c) => `<div class="comment"><div class="comment-head"><strong>${esc(c.name)}</strong> <span>${esc(c.when)}</span></div>\n<p>${esc(c.text)}</p></div>`)
    .join('\n');
  return `<section id="comments" class="comments"><h3>التعليقات (${picked.length})</h3>
${items}
<form class="comment-form" action="/comment" method="post"><h4>أضف تعليقك</h4><input name="name" placeholder="الاسم"><textarea name="text"></textarea><button>إرسال</button></form>
</section>`;
}

function chrome(main: string): string {
  const nav = NAV.map((s) => `<li><a href="/?c=${encodeURIComponent(s)}">${esc(s)}</a></li>`).join('');
  return `<header id="site-header"><div class="brand"><a href="/">${NAME}</a></div>
<ul class="nav"><li><a href="/">الرئيسية</a></li>${nav}</ul></header>
${main}
<footer id="site-footer">${NAME} © 2026 | <a href="/about">من نحن</a> | <a href="/ads">أعلن معنا</a></footer>`;
}

function articlePage(article: DemoArticle, site: Site): Reply {
  const url = articleUrl(site, article);
  const head = [
    `<link rel="canonical" href="${esc(url)}">`,
    `<meta name="description" content="${esc(article.lead)}">`,
    `<meta property="og:title" content="${esc(article.title)}">`,
    `<meta property="og:image" content="${esc(site.origin + imagePath(article))}">`,
    `<meta property="article:published_time" content="${isoWithOffset(wallTime(article.published))}">`,
    ...(article.updated ? [`<meta property="article:modified_time" content="${isoWithOffset(wallTime(article.updated))}">`] : []),
    ...(article.author ? [`<meta name="author" content="${esc(article.author)}">`] : []),
  ].join('\n');
  const related = otherArticles(site, article, 3);
  const main = `<div id="main">
<div class="breadcrumb"><a href="/">الرئيسية</a> ← <a href="/?c=${encodeURIComponent(article.section)}">${esc(article.section)}</a></div>
<article class="single-post">
<h1 class="entry-title">${esc(article.title)}</h1>
<div class="entry-meta">${numericDate(article.published)}${article.author ? ` | ${esc(article.author)}` : ''}</div>
<div class="entry-content">
${paragraphsOf(site.template, article).map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
${creditLine(article)}
</article>
${related.length ? `<div class="more-news"><h3>المزيد</h3>${linkList(site, related, 'more')}</div>` : ''}
${commentsFor(article)}
</div>`;
  return htmlReply(200, { title: pageTitle(article, NAME, ' | '), head, body: chrome(main) }, article.updated ?? article.published);
}

function rdfFeed(site: Site): string {
  const newest = newestChange(site.articles);
  const seq = site.articles.map((a) => `<rdf:li rdf:resource="${esc(articleUrl(site, a))}"/>`).join('\n');
  const items = site.articles.map((a) => `<item rdf:about="${esc(articleUrl(site, a))}">
  <title>${esc(a.title)}</title>
  <link>${esc(articleUrl(site, a))}</link>
  <description>${esc(a.lead)}</description>
  <dc:date>${isoWithOffset(wallTime(a.published))}</dc:date>
${a.author ? `  <dc:creator>${esc(a.author)}</dc:creator>
` : ''}  <dc:subject>${esc(a.section)}</dc:subject>
</item>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${site.origin}/rdf">
<title>${NAME}</title>
<link>${site.origin}/</link>
<description>أخبار فلسطين والقدس</description>
<dc:language>ar</dc:language>
${newest ? `<dc:date>${isoWithOffset(wallTime(newest))}</dc:date>` : ''}
<items><rdf:Seq>
${seq}
</rdf:Seq></items>
</channel>
${items.join('\n')}
</rdf:RDF>
`;
}

export const quds: OutletTemplate = {
  id: 'quds',
  name: NAME,
  country: 'PS',
  kind: 'feed',
  feedPath: '/rdf',
  articlePath,

  home(site) {
    const list = site.articles
      .map((a) => `<div class="post"><h2><a href="${esc(articlePath(a))}">${esc(a.title)}</a></h2><span>${numericDate(a.published)}</span></div>`)
      .join('\n');
    return htmlReply(200, {
      title: `${NAME} | أخبار فلسطين`,
      head: `<link rel="alternate" type="application/rdf+xml" href="/rdf">`,
      body: chrome(`<div id="main">\n${list}\n</div>`),
    }, newestChange(site.articles));
  },

  article: articlePage,

  notFound() {
    return htmlReply(404, { title: `الصفحة غير موجودة | ${NAME}`, body: chrome(notFoundMain()) });
  },

  route(path, site) {
    if (path !== '/rdf') return null;
    return xmlReply('application/rdf+xml', rdfFeed(site), newestChange(site.articles));
  },
};
