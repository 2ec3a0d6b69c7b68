/**
 * What every outlet's HTML shares: escaping, the document shell, and the small pieces each template
 * arranges differently (titles, credit lines, lists of other articles). The templates keep their own
 * headers and junk so that no two outlets look alike to an extractor.
 */
import type { DemoArticle } from '../data/types.ts';
import type { OutletTemplate, Reply, Site } from './types.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and XML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface PageParts {
  title: string;
  /** Extra markup for `<head>`: meta tags, canonical link, JSON-LD. */
  head?: string;
  body: string;
  charset?: 'utf-8' | 'windows-1256';
  bodyClass?: string;
}

/** A whole HTML document, right to left, declaring the charset the server will write it in. */
export function htmlDocument(parts: PageParts): string {
  const charset = parts.charset ?? 'utf-8';
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="${charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(parts.title)}</title>
${parts.head ?? ''}
</head>
<body${parts.bodyClass ? ` class="${parts.bodyClass}"` : ''}>
${parts.body}
</body>
</html>
`;
}

export function htmlReply(status: number, parts: PageParts, lastModified?: string): Reply {
  return {
    status,
    contentType: 'text/html',
    charset: parts.charset ?? 'utf-8',
    body: htmlDocument(parts),
    ...(lastModified ? { lastModified } : {}),
  };
}

/** `<script type="application/ld+json">`, with `</` broken so text cannot close the script early. */
export function jsonLd(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data, null, 1).replace(/<\//g, '<\\/')}</script>`;
}

/** "Title | Outlet" or "Title - Outlet", as the outlet writes its `<title>`. */
export function pageTitle(article: DemoArticle, outletName: string, separator: ' | ' | ' - '): string {
  return `${article.title}${separator}${outletName}`;
}

export function articleUrl(site: Site, article: DemoArticle): string {
  return site.origin + site.template.articlePath(article);
}

/** Lead first, then the body, as most outlets print them. */
export function defaultParagraphs(article: DemoArticle): string[] {
  return [article.lead, ...article.paragraphs];
}

export function paragraphsOf(template: OutletTemplate, article: DemoArticle): string[] {
  return template.bodyParagraphs ? template.bodyParagraphs(article) : defaultParagraphs(article);
}

/** The credit a republished wire story carries; not a `<p>`, so it is not part of the body text. */
export function creditLine(article: DemoArticle): string {
  if (!article.copyOf && !article.wire) return '';
  return `<div class="source-credit">المصدر: ${esc(article.wire ?? 'وأع')}</div>`;
}

/** Up to `count` other articles of the site, same section first, newest first within each group. */
export function otherArticles(site: Site, article: DemoArticle, count: number): DemoArticle[] {
  const others = site.articles.filter((a) => a.slug !== article.slug);
  const same = others.filter((a) => a.section === article.section);
  const rest = others.filter((a) => a.section !== article.section);
  return [...same, ...rest].slice(0, count);
}

/** The newest `updated ?? published` of a list, for Last-Modified of feeds and home pages. */
export function newestChange(articles: DemoArticle[]): string | undefined {
  let best: string | undefined;
  for (const a of articles) {
    const t = a.updated ?? a.published;
    if (!best || Date.parse(t) > Date.parse(best)) best = t;
  }
  return best;
}

export function imagePath(article: DemoArticle): string {
  return `/img/${article.slug}.svg`;
}

/** A list of links to articles, the shape of every "related", "most read" and home list. */
export function linkList(site: Site, articles: DemoArticle[], className: string): string {
  const items = articles
    .map((a) => `<li><a href="${esc(site.template.articlePath(a))}">${esc(a.title)}</a></li>`)
    .join('\n');
  return `<ul class="${className}">\n${items}\n</ul>`;
}

/** The same markup every outlet uses for a page that does not exist, inside its own chrome. */
export function notFoundMain(): string {
  return `<main class="error-page">
<h1>عذراً، الصفحة غير موجودة</h1>
<p>ربما تم نقل الصفحة أو حذفها. يمكنك العودة إلى <a href="/">الصفحة الرئيسية</a>.</p>
</main>`;
}
