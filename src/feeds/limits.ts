/**
 * Hard limits that keep one hostile or broken source from exhausting a worker. Each is a named
 * constant so tests and operators can see what "too big" means.
 */

/** Largest document we parse. The biggest real news feeds we know of are a few MB; 20 MB is generous. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Items kept from one feed. Outlets publish a few hundred a day; more than this is a runaway archive. */
export const MAX_FEED_ITEMS = 5_000;

/** URLs kept from one sitemap: the sitemaps.org protocol itself caps a file at 50,000. */
export const MAX_SITEMAP_ENTRIES = 50_000;

/**
 * Element nesting we build. Real feeds nest fewer than 20 deep; the cap keeps recursive helpers
 * (serializing inline XHTML, collecting text) far from the call-stack limit on adversarial input.
 */
export const MAX_XML_DEPTH = 200;
