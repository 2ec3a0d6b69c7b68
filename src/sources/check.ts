import { canonicalizeUrl } from '../sanitize/url.ts';
import type { NewSource, SourceKind } from '../model/index.ts';

/** What an operator may say about a source, from the admin's form, an OPML outline or the CLI. */
export interface SourceInput {
  url: string;
  name?: string | null;
  kind?: string | null;
  home_url?: string | null;
  country?: string | null;
  lang?: string | null;
}

export type SourceInputCode = 'missing_url' | 'bad_url' | 'long_url' | 'long_name' | 'bad_kind';

/**
 * Input that cannot become a source. `message` is English (CLI, logs), `ar` says the same to the
 * admin's Arabic pages; both say what to do.
 */
export class SourceInputError extends Error {
  constructor(readonly code: SourceInputCode, message: string, readonly ar: string) {
    super(message);
    this.name = 'SourceInputError';
  }
}

/** Longer URLs are refused by most servers and proxies anyway (RFC 9110 §4.1 recommends 8000 as the floor to support; feeds are far shorter). */
const MAX_URL_LENGTH = 2048;
/** Outlet names are a few words; a page of text in a name is a mistake or an attack on our layout. */
const MAX_NAME_LENGTH = 200;
/** The kinds an operator may add; 'import' sources are made by `marsad import` alone. */
const ADDABLE_KINDS: readonly SourceKind[] = ['feed', 'sitemap'];
/**
 * Control characters and bidi overrides/isolates (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C):
 * in a name from someone else's OPML file they could reorder the text around them on our pages.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

/** Trim, strip control and bidi characters, squeeze spaces. */
export function cleanSourceName(name: string): string {
  return name.replace(UNSAFE_NAME_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Check what an operator gave for a new source and turn it into a NewSource, or throw a
 * SourceInputError. Only the shape is checked here: whether the address is internal is decided when
 * it is fetched (src/fetch), after DNS, where the answer is true.
 */
export function checkSourceInput(input: SourceInput): NewSource {
  const url = (input.url ?? '').trim();
  if (!url) throw new SourceInputError('missing_url', 'give the URL of a feed, sitemap or news site', 'أدخل رابط الخلاصة أو خريطة الموقع.');
  if (url.length > MAX_URL_LENGTH) {
    throw new SourceInputError('long_url', `the URL is longer than ${MAX_URL_LENGTH} characters`, `الرابط أطول من ${MAX_URL_LENGTH} حرفاً.`);
  }
  if (!/^https?:\/\//i.test(url) || !canonicalizeUrl(url) || !new URL(url).hostname) {
    throw new SourceInputError('bad_url', `"${url}" is not an http(s) URL: write it as https://example.com/rss.xml`, 'الرابط غير صالح: اكتبه كاملاً مثل https://example.com/rss.xml');
  }
  const name = cleanSourceName(input.name ?? '') || new URL(url).hostname;
  if (name.length > MAX_NAME_LENGTH) {
    throw new SourceInputError('long_name', `the name is longer than ${MAX_NAME_LENGTH} characters`, `الاسم أطول من ${MAX_NAME_LENGTH} حرفاً.`);
  }
  const kind = (input.kind ?? '').trim() || 'feed';
  if (!ADDABLE_KINDS.includes(kind as SourceKind)) {
    throw new SourceInputError('bad_kind', `the kind must be feed or sitemap, not "${kind}"`, 'النوع إما خلاصة (feed) أو خريطة موقع (sitemap).');
  }
  const homeUrl = input.home_url?.trim();
  return {
    name,
    url,
    kind: kind as SourceKind,
    home_url: homeUrl && /^https?:\/\//i.test(homeUrl) && canonicalizeUrl(homeUrl) ? homeUrl : null,
    country: input.country?.trim() || null,
    lang: input.lang?.trim() || null,
  };
}
