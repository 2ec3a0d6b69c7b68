/** Replies that are not HTML pages: feeds, sitemaps, robots.txt, redirects, placeholder images. */
import type { DemoArticle } from '../data/types.ts';
import type { Reply, Site } from './types.ts';
import { esc } from './layout.ts';

export function xmlReply(contentType: string, body: string, lastModified?: string): Reply {
  return { status: 200, contentType, body, ...(lastModified ? { lastModified } : {}) };
}

export function jsonReply(contentType: string, data: unknown, lastModified?: string): Reply {
  return { status: 200, contentType, body: JSON.stringify(data, null, 2), ...(lastModified ? { lastModified } : {}) };
}

export function textReply(status: number, body: string): Reply {
  return { status, contentType: 'text/plain', body };
}

/** RFC 9110 §10.2.2 lets Location be a relative reference; real servers send both kinds. */
export function redirectReply(status: 301 | 302, location: string): Reply {
  return {
    status,
    contentType: 'text/html',
    body: `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تم النقل</title></head><body><p>انتقلت هذه الصفحة إلى <a href="${esc(location)}">${esc(location)}</a>.</p></body></html>`,
    headers: { Location: location },
  };
}

/** robots.txt: allow everything unless the outlet lists paths to keep crawlers out of. */
export function robotsReply(site: Site): Reply {
  const rules = site.template.robots ?? {};
  const lines = ['User-agent: *'];
  const disallow = rules.disallow ?? [];
  if (disallow.length === 0) lines.push('Disallow:');
  for (const path of disallow) lines.push(`Disallow: ${path}`);
  if (rules.crawlDelay !== undefined) lines.push(`Crawl-delay: ${rules.crawlDelay}`);
  for (const path of rules.sitemaps ?? []) lines.push('', `Sitemap: ${site.origin}${path}`);
  return textReply(200, lines.join('\n') + '\n');
}

/** True when robots.txt keeps crawlers out of the path (simple prefix rules, as the demo writes them). */
export function isDisallowed(site: Site, path: string): boolean {
  return (site.template.robots?.disallow ?? []).some((prefix) => prefix !== '' && path.startsWith(prefix));
}

/**
 * The lead picture of an article. JSON-LD and og:image point here, so crawlers and the web site get a
 * real image instead of a 404; a generated SVG keeps the demo free of binary files.
 */
export function imageReply(article: DemoArticle, site: Site): Reply {
  const hue = [...article.slug].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 0);
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<rect width="1200" height="675" fill="hsl(${hue}, 45%, 40%)"/>
<!-- Right-to-left, a text starts at its right end: anchored at x=1140 it runs leftwards, inside the picture. -->
<text x="1140" y="600" font-size="56" fill="#fff" text-anchor="start" direction="rtl" font-family="sans-serif">${esc(site.outlet.name)}</text>
</svg>
`;
  return { status: 200, contentType: 'image/svg+xml', body, lastModified: article.published };
}
