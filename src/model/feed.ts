/** One entry of a feed or sitemap, whatever its format. Dates are ISO 8601 instants in UTC. */
export interface FeedItem {
  id?: string;
  title?: string;
  link?: string;
  published?: string;
  updated?: string;
  authors: string[];
  summary?: string;
  /** Full content as HTML when the feed carries it. */
  content?: string;
  categories: string[];
  image?: string;
  /** Language declared for the item (news sitemaps, xml:lang). */
  language?: string;
}

export type FeedFormat =
  | 'rss'
  | 'rdf'
  | 'atom'
  | 'json-feed'
  | 'sitemap'
  | 'sitemap-index';

/** A parsed feed: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x, a sitemap or a sitemap index. */
export interface ParsedFeed {
  format: FeedFormat;
  /** The format's own version string when it declares one ("2.0", "1.0", "0.3", "1.1"…). */
  version?: string;
  title?: string;
  link?: string;
  description?: string;
  language?: string;
  updated?: string;
  items: FeedItem[];
  /** For a sitemap index: the child sitemaps to fetch. */
  sitemaps: string[];
  /** Items or parts that could not be read; the rest of the feed is still returned. */
  warnings: string[];
}
