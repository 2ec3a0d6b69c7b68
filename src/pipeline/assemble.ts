import type { ExtractedArticle, FeedItem, NewArticle } from '../model/index.ts';
import { sectionOf } from '../categories/sections.ts';
import { sanitizeArticleHtml } from '../sanitize/html.ts';
import { canonicalizeUrl, isHttpUrl } from '../sanitize/url.ts';

/** Plain text of sanitized HTML, paragraphs separated by blank lines (for search and tagging). */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr)>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}

/**
 * The canonical URL a page claims, when we believe it. Some outlets point every article's canonical
 * link at their home page or at another host; then the fetched URL is the better key.
 */
export function trustedCanonical(claimed: string | null, fetched: string): string {
  const page = canonicalizeUrl(fetched) ?? fetched;
  if (!claimed) return page;
  const canonical = canonicalizeUrl(claimed, fetched);
  if (!canonical) return page;
  const a = new URL(canonical);
  const b = new URL(page);
  const sameSite = a.hostname.replace(/^www\./, '') === b.hostname.replace(/^www\./, '');
  if (!sameSite || a.pathname === '/' || a.pathname === '') return page;
  return canonical;
}

export interface AssembleInput {
  item: FeedItem;
  extracted: ExtractedArticle | null;
  pageUrl: string;
  sourceId: number;
  fetchedAt: Date;
}

/**
 * One article from what the page says, filling gaps from the feed item: a page without a
 * machine-readable date still gets the feed's pubDate, and a page we could not read at all still
 * gets the feed's title and content. Returns null when there is not even a title.
 */
export function assembleArticle({ item, extracted, pageUrl, sourceId, fetchedAt }: AssembleInput): NewArticle | null {
  const title = extracted?.title?.trim() || item.title?.trim();
  if (!title) return null;
  let body = extracted?.body ?? '';
  if (!htmlToText(body) && (item.content || item.summary)) {
    body = sanitizeArticleHtml(item.content ?? item.summary ?? '', pageUrl);
  }
  const text = extracted?.paragraphs.length ? extracted.paragraphs.join('\n\n') : htmlToText(body);
  const publishedFromPage = extracted?.published_at ?? null;
  return {
    external_id: null,
    url: trustedCanonical(extracted?.canonical_url ?? null, pageUrl),
    source_id: sourceId,
    title,
    // Sanitized first, so a script's or style's text never becomes the lead.
    lead: extracted?.lead ?? (item.summary ? htmlToText(sanitizeArticleHtml(item.summary, pageUrl)).slice(0, 400) || null : null),
    body,
    text,
    published_at: publishedFromPage ?? item.published ?? item.updated ?? null,
    published_offset: publishedFromPage ? extracted?.published_offset ?? null : null,
    updated_at: extracted?.updated_at ?? item.updated ?? null,
    fetched_at: fetchedAt.toISOString(),
    authors: extracted?.authors.length ? extracted.authors : item.authors,
    // The page's image is vetted by the extractor; a feed's is whatever the feed wrote (even javascript:).
    image: extracted?.image ?? (item.image && isHttpUrl(item.image) ? item.image : null),
    lang: extracted?.lang ?? item.language ?? null,
    category: sectionOf({ page: extracted?.sections, feed: item.categories, url: pageUrl }),
  };
}
