/**
 * Namespaces we read, keyed by URI and mapped to the short id the adapters ask for. Feeds declare
 * these under any prefix (and sometimes with different case or a trailing slash), so matching is
 * by URI; an undeclared prefix falls back to the prefix itself, which for `dc:`, `content:`,
 * `media:` and `atom:` is the id anyway — the common case of a feed that forgot an xmlns.
 */
const KNOWN: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': 'rss',
  'http://my.netscape.com/rdf/simple/0.9/': 'rss',
  'http://backend.userland.com/rss2': 'rss',
  'http://blogs.law.harvard.edu/tech/rss': 'rss',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/2000/svg': 'svg',
  'http://www.w3.org/1998/math/mathml': 'mathml',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.sitemaps.org/schemas/sitemap/0.9': 'sitemap',
  'http://www.google.com/schemas/sitemap/0.9': 'sitemap',
  'http://www.google.com/schemas/sitemap/0.84': 'sitemap',
  'http://www.google.com/schemas/sitemap-news/0.9': 'news',
  'http://www.google.com/schemas/sitemap-image/1.1': 'image',
  'http://www.w3.org/xml/1998/namespace': 'xml',
};

/** Namespace URIs that mark a specific format version, for `ParsedFeed.version`. */
export const ATOM_03_URI = 'http://purl.org/atom/ns#';
export const RSS_090_URI = 'http://my.netscape.com/rdf/simple/0.9/';

function normalizeUri(uri: string): string {
  return uri.trim().toLowerCase().replace(/\/+$/, '');
}

const BY_NORMALIZED = new Map(Object.entries(KNOWN).map(([uri, id]) => [normalizeUri(uri), id]));

const seen = new Map<string, string>();

/** The short id for a namespace URI, or the URI itself when we don't know it. */
export function namespaceId(uri: string): string {
  let id = seen.get(uri);
  if (id === undefined) {
    id = BY_NORMALIZED.get(normalizeUri(uri)) ?? uri;
    if (seen.size < 1000) seen.set(uri, id); // a hostile feed could declare millions of URIs
  }
  return id;
}

/** True when `uri` names the namespace `id` (e.g. to tell Atom 0.3 from 1.0). */
export function isNamespace(uri: string | undefined, knownUri: string): boolean {
  return uri !== undefined && normalizeUri(uri) === normalizeUri(knownUri);
}
