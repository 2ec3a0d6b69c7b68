/**
 * Sitemaps (sitemaps.org 0.9), with Google's news and image extensions, and sitemap indexes.
 * Arabic outlets often publish a Google News sitemap and no feed at all, so a news sitemap is read
 * as a feed: <news:title> is the title, <news:publication_date> the publication date,
 * <news:language> the language and <news:keywords> the categories.
 */
import type { FeedItem, ParsedFeed } from '../../model/feed.ts';
import type { XmlDocument, XmlElement } from '../xml/tree.ts';
import { baseOf, childNamed, childText, childrenNamed } from '../xml/query.ts';
import { parseFeedDate } from '../dates.ts';
import { resolveUrl } from '../urls.ts';
import { brokenItemReason, collectItems, newItem } from '../items.ts';
import { toPlainText } from '../text.ts';
import { MAX_SITEMAP_ENTRIES } from '../limits.ts';

/** Sitemap elements; '' also accepts sitemaps without the namespace, which Google tolerates. */
const SM = ['sitemap', ''] as const;
const NEWS = ['news'] as const;
const IMAGE = ['image'] as const;
const IDENTIFYING = new Set(['loc']);

function readUrl(el: XmlElement, documentBase: string | undefined, publications: Set<string>): FeedItem | string {
  const broken = brokenItemReason(el, IDENTIFYING);
  if (broken) return broken;
  const loc = resolveUrl(childText(el, SM, 'loc'), baseOf(el, documentBase));
  if (!loc) return 'it has no <loc>';
  const item = newItem();
  item.link = loc;
  item.updated = parseFeedDate(childText(el, SM, 'lastmod'));
  const news = childNamed(el, NEWS, 'news');
  if (news) {
    const title = childText(news, NEWS, 'title');
    if (title) item.title = toPlainText(title);
    item.published = parseFeedDate(childText(news, NEWS, 'publication_date'));
    const publication = childNamed(news, NEWS, 'publication');
    const name = publication && childText(publication, NEWS, 'name');
    if (name) publications.add(toPlainText(name));
    item.language = publication && childText(publication, NEWS, 'language');
    const keywords = childText(news, NEWS, 'keywords');
    // Keywords are comma-separated; Arabic sitemaps use the Arabic comma too.
    for (const k of keywords?.split(/[,،]/) ?? []) {
      const term = toPlainText(k);
      if (term && !item.categories.includes(term)) item.categories.push(term);
    }
  }
  const image = childNamed(el, IMAGE, 'image');
  if (image) item.image = resolveUrl(childText(image, IMAGE, 'loc'), documentBase);
  return item;
}

/** Parse a `<urlset>` sitemap. */
export function parseSitemap(doc: XmlDocument, root: XmlElement, url: string | undefined): ParsedFeed {
  const warnings = [...doc.warnings];
  const publications = new Set<string>();
  const items = collectItems(childrenNamed(root, SM, 'url'), (el) => readUrl(el, url, publications), MAX_SITEMAP_ENTRIES, warnings);
  const feed: ParsedFeed = { format: 'sitemap', items, sitemaps: [], warnings };
  // A news sitemap names its outlet on every URL; that name is the closest thing to a feed title.
  if (publications.size === 1) feed.title = [...publications][0];
  const languages = new Set(items.map((i) => i.language));
  if (languages.size === 1 && items[0]?.language) feed.language = items[0].language;
  return feed;
}

/** Parse a `<sitemapindex>`: the child sitemaps go to `sitemaps`, in document order. */
export function parseSitemapIndex(doc: XmlDocument, root: XmlElement, url: string | undefined): ParsedFeed {
  const warnings = [...doc.warnings];
  const sitemaps: string[] = [];
  const seen = new Set<string>();
  const children = childrenNamed(root, SM, 'sitemap');
  for (const el of children) {
    if (sitemaps.length >= MAX_SITEMAP_ENTRIES) {
      warnings.push(`the index lists ${children.length} sitemaps; only the first ${MAX_SITEMAP_ENTRIES} were kept`);
      break;
    }
    const loc = resolveUrl(childText(el, SM, 'loc'), baseOf(el, url));
    if (loc && !seen.has(loc)) {
      seen.add(loc);
      sitemaps.push(loc);
    } else if (!loc) warnings.push(`sitemap ${sitemaps.length + 1} has no <loc> and was skipped`);
  }
  const updated = children.map((el) => parseFeedDate(childText(el, SM, 'lastmod'))).filter(Boolean).sort().pop();
  const feed: ParsedFeed = { format: 'sitemap-index', items: [], sitemaps, warnings };
  if (updated) feed.updated = updated;
  return feed;
}

/** A plain-text sitemap: one absolute URL per line (sitemaps.org §"Text file"). */
export function parseTextSitemap(text: string): ParsedFeed {
  const warnings: string[] = [];
  const urls = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => /^https?:\/\/\S+$/i.test(l));
  const items = collectItems(urls, (u) => ({ ...newItem(), link: u }), MAX_SITEMAP_ENTRIES, warnings);
  return { format: 'sitemap', items, sitemaps: [], warnings };
}
