/**
 * The one entry point: bytes or text in, `ParsedFeed` out. Decoding, limits and the safety net
 * live here; detect.ts picks the adapter. Nothing but FeedParseError ever leaves this function.
 */
import { gunzipSync } from 'node:zlib';
import type { ParsedFeed } from '../model/feed.ts';
import { decodeBody } from '../fetch/charset.ts';
import { FeedParseError } from './errors.ts';
import { MAX_FEED_BYTES } from './limits.ts';
import { detectFormat } from './detect.ts';
import { parseRss } from './rss/parse-rss.ts';
import { parseAtom } from './atom/parse-atom.ts';
import { parseJsonFeed } from './json-feed/parse-json-feed.ts';
import { parseSitemap, parseSitemapIndex, parseTextSitemap } from './sitemap/parse-sitemap.ts';

export interface ParseFeedOptions {
  /** The URL the document was fetched from (after redirects): the base for relative links. */
  url?: string;
  /** The HTTP Content-Type header, for its charset. */
  contentType?: string;
}

const TOO_LARGE = `The feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB; ask the outlet for a smaller feed or use its sitemap.`;

/** Sitemaps are often served gzipped without a Content-Encoding header (`sitemap.xml.gz`). */
function gunzip(bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_FEED_BYTES });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new FeedParseError('too-large', TOO_LARGE, err);
    }
    throw new FeedParseError('malformed', 'The document is gzip-compressed but does not decompress; the download may be cut short.', err);
  }
}

function toText(input: string | Uint8Array, contentType: string | undefined): string {
  if (typeof input === 'string') {
    if (input.length > MAX_FEED_BYTES || (input.length > MAX_FEED_BYTES / 4 && Buffer.byteLength(input) > MAX_FEED_BYTES)) {
      throw new FeedParseError('too-large', TOO_LARGE);
    }
    return input;
  }
  if (!(input instanceof Uint8Array)) throw new FeedParseError('not-a-feed', 'parseFeed needs a string or bytes.');
  if (input.length > MAX_FEED_BYTES) throw new FeedParseError('too-large', TOO_LARGE);
  const bytes = input[0] === 0x1f && input[1] === 0x8b ? gunzip(input) : input;
  // UTF-16 without a byte-order mark, recognised by its first "<" as the XML spec suggests
  // (Appendix F); the prolog sniffing in decodeBody reads only ASCII-compatible encodings.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00) return new TextDecoder('utf-16be').decode(bytes);
  return decodeBody(bytes, contentType).text;
}

/**
 * Control characters XML 1.0 forbids (§2.2). Feeds built by string concatenation let them through
 * from a CMS, and a NUL in a stored title is refused by PostgreSQL and cuts C strings short.
 */
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function parse(input: string | Uint8Array, opts: ParseFeedOptions): ParsedFeed {
  const text = toText(input, opts.contentType).replace(/^\uFEFF/, '').replace(FORBIDDEN_CONTROLS, '');
  const url = opts.url?.trim() || undefined;
  const detected = detectFormat(text);
  if (detected.kind === 'json') return parseJsonFeed(detected.feed, url);
  if (detected.kind === 'text-sitemap') return parseTextSitemap(text);
  const { format, doc, root } = detected;
  switch (format) {
    case 'atom':
      return parseAtom(doc, root, url);
    case 'sitemap':
      return parseSitemap(doc, root, url);
    case 'sitemap-index':
      return parseSitemapIndex(doc, root, url);
    default:
      return parseRss(doc, root, url);
  }
}

/**
 * Parse an RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x, sitemap or sitemap index document.
 * Bytes are decoded by BOM, Content-Type charset or XML prolog. Relative links are resolved against
 * `opts.url`, the feed's own link and `xml:base`. Broken items are skipped and reported in
 * `warnings`; the rest of the feed is returned.
 *
 * @throws {FeedParseError} `not-a-feed`, `malformed` (nothing readable) or `too-large`; never anything else.
 */
export function parseFeed(input: string | Uint8Array, opts: ParseFeedOptions = {}): ParsedFeed {
  try {
    return parse(input, opts ?? {});
  } catch (err) {
    if (err instanceof FeedParseError) throw err;
    // A bug of ours must not take down the worker polling hundreds of other sources.
    throw new FeedParseError('malformed', `The feed could not be read (${err instanceof Error ? err.message : String(err)}).`, err);
  }
}
