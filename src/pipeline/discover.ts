import { FeedParseError, parseFeed } from '../feeds/index.ts';
import type { Fetcher } from '../fetch/index.ts';
import type { NewSource, ParsedFeed } from '../model/index.ts';
import { parseDocument, DomUtils } from 'htmlparser2';

const FEED_TYPES = /^application\/(rss|atom|feed)\+(xml|json)$|^application\/json$|^(application|text)\/xml$/i;

/** Feed links a home page advertises with `<link rel="alternate" type="application/rss+xml">`. */
export function findFeedLinks(html: string, baseUrl: string): string[] {
  const doc = parseDocument(html);
  const links = DomUtils.findAll(
    (e) => e.name === 'link' && /\balternate\b/i.test(e.attribs.rel ?? '') && FEED_TYPES.test(e.attribs.type ?? ''),
    doc.children,
  );
  const out: string[] = [];
  for (const l of links) {
    try {
      out.push(new URL(l.attribs.href ?? '', baseUrl).toString());
    } catch {
      // A broken href is skipped.
    }
  }
  return [...new Set(out)];
}

export class DiscoveryError extends Error {}

/**
 * What to poll for a URL a user gave: the URL itself when it is a feed or sitemap, or the first feed
 * its page advertises. The source is named by the feed's title unless a name is given.
 */
export async function discoverSource(url: string, fetcher: Fetcher, name?: string): Promise<NewSource> {
  const res = await fetcher.fetch({ url });
  let feed: ParsedFeed;
  let feedUrl = res.url;
  let homeUrl: string | null = null;
  try {
    feed = parseFeed(res.bytes, { url: res.url, contentType: res.contentType ?? undefined });
  } catch (err) {
    if (!(err instanceof FeedParseError)) throw err;
    const candidates = findFeedLinks(res.text(), res.url);
    if (candidates.length === 0) throw new DiscoveryError(`${url} is neither a feed nor a page that links to one: give the feed's URL`);
    homeUrl = res.url;
    feedUrl = candidates[0]!;
    const feedRes = await fetcher.fetch({ url: feedUrl });
    feed = parseFeed(feedRes.bytes, { url: feedRes.url, contentType: feedRes.contentType ?? undefined });
  }
  const kind = feed.format === 'sitemap' || feed.format === 'sitemap-index' ? 'sitemap' : 'feed';
  return {
    name: name ?? feed.title ?? new URL(feedUrl).hostname,
    url: feedUrl,
    home_url: homeUrl ?? feed.link ?? new URL('/', feedUrl).toString(),
    kind,
    lang: feed.language ?? null,
  };
}
