/**
 * Which format a document is, from its first significant character and, for XML, its root element
 * (the name decides, not the namespace: feeds get namespaces wrong far more often than names).
 */
import type { FeedFormat } from '../model/feed.ts';
import { parseXml, type XmlDocument, type XmlElement } from './xml/tree.ts';
import { isJsonFeed } from './json-feed/parse-json-feed.ts';
import { FeedParseError } from './errors.ts';

export type Detected =
  | { kind: 'json'; feed: Record<string, unknown> }
  | { kind: 'xml'; format: FeedFormat; doc: XmlDocument; root: XmlElement }
  | { kind: 'text-sitemap' };

const ROOTS: Record<string, FeedFormat> = {
  rss: 'rss',
  rdf: 'rdf',
  channel: 'rss', // CDF, and RSS that lost its <rss> wrapper
  feed: 'atom',
  urlset: 'sitemap',
  sitemapindex: 'sitemap-index',
};

function detectJson(text: string): Detected {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FeedParseError('malformed', 'The document looks like JSON but does not parse; check that the feed URL returns a complete JSON Feed.', err);
  }
  if (!isJsonFeed(value)) throw new FeedParseError('not-a-feed', 'The document is JSON but not a JSON Feed (no "version" or "items"); check the feed URL.');
  return { kind: 'json', feed: value };
}

/** Decide the format of decoded text, parsing XML once. Throws FeedParseError when it is no feed. */
export function detectFormat(text: string): Detected {
  const start = text.search(/\S/);
  if (start < 0) throw new FeedParseError('not-a-feed', 'The document is empty; check that the feed URL returns content.');
  if (text[start] === '{') return detectJson(text);
  if (!text.includes('<')) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    if (lines.length > 0 && lines.every((l) => /^\s*https?:\/\/\S+\s*$/i.test(l))) return { kind: 'text-sitemap' };
    throw new FeedParseError('not-a-feed', 'The document is neither XML nor JSON; check that the feed URL points at a feed.');
  }
  const doc = parseXml(text);
  for (const root of doc.roots) {
    const format = ROOTS[root.local];
    if (format) return { kind: 'xml', format, doc, root };
  }
  if (doc.roots.length === 0) {
    throw new FeedParseError('malformed', 'No XML element could be read from the document; the feed may be empty or corrupt.');
  }
  if (doc.roots.some((r) => r.local === 'html')) {
    throw new FeedParseError('not-a-feed', 'This is an HTML page, not a feed; look in it for <link rel="alternate" type="application/rss+xml"> and use that URL.');
  }
  throw new FeedParseError('not-a-feed', `The XML root <${doc.roots[0]!.name}> is not RSS, Atom or a sitemap; check the feed URL.`);
}
