/**
 * Canonical form of an article URL, the key that makes inserting an article idempotent: the same story
 * reached from a feed (with `?utm_source=rss`), from a sitemap and from a share link is one row.
 */

/** Query parameters that only track where a click came from; they never select content. */
const TRACKING_PARAMS = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_src|ref_url|cmpid|ocid|smid|at_medium|at_campaign|rss|feed|from|xtor)$/i,
];

/** Resolve `href` against `base` and return it canonical, or null when it is not an http(s) URL. */
export function canonicalizeUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) {
    url.port = '';
  }
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.some((re) => re.test(key)));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? '?' + new URLSearchParams(kept).toString() : '';
  return url.toString();
}

/** True when `href` is an absolute http(s) URL we could fetch. */
export function isHttpUrl(href: string): boolean {
  return canonicalizeUrl(href) !== null && /^https?:\/\//i.test(href.trim());
}
