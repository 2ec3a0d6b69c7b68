// /robots.txt and the sitemaps (https://www.sitemaps.org/protocol.html). /sitemap.xml is an index:
// one sitemap of the site's fixed pages, sources and recent tags; article and story sitemaps of
// SITEMAP_SIZE entries each, newest first, read from the store as ids and dates only (the offset is
// counted along an index), so the last sitemap of a million articles costs what the first does.
import { Hono, type Context } from 'hono';
import type { Store } from '../../store/store.ts';
import { rfc3339, text } from '../syndication.ts';
import { tagPath } from '../views/tags.tsx';

/** URLs per sitemap; the protocol allows 50,000, fewer keeps each response quick. */
export const SITEMAP_SIZE = 5000;
/** Tag pages listed: the tags of this many of the newest articles. */
const TAG_WINDOW = 2000;
const MAX_AGE_S = 3600;
const XML = 'application/xml; charset=utf-8';

interface Entry {
  loc: string;
  lastmod?: string | null;
}

function urlset(entries: readonly Entry[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const e of entries) out.push(`<url><loc>${text(e.loc)}</loc>${e.lastmod ? `<lastmod>${rfc3339(e.lastmod)}</lastmod>` : ''}</url>`);
  out.push('</urlset>', '');
  return out.join('\n');
}

function sitemapIndex(locs: readonly string[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const loc of locs) out.push(`<sitemap><loc>${text(loc)}</loc></sitemap>`);
  out.push('</sitemapindex>', '');
  return out.join('\n');
}

export function sitemapRoutes({ store, base }: { store: Store; base: (requestUrl: string) => string }): Hono {
  const app = new Hono();
  const xml = (c: Context, body: string) => {
    c.header('Cache-Control', `public, max-age=${MAX_AGE_S}`);
    return c.body(body, 200, { 'Content-Type': XML });
  };

  app.get('/robots.txt', (c) => {
    const root = base(c.req.url);
    c.header('Cache-Control', `public, max-age=${MAX_AGE_S}`);
    // Search results are endless and noindex; the API and admin are for programs and operators.
    return c.text(['User-agent: *', 'Allow: /', 'Disallow: /search', 'Disallow: /api/', 'Disallow: /admin', '', `Sitemap: ${root}/sitemap.xml`, ''].join('\n'));
  });

  app.get('/sitemap.xml', async (c) => {
    const root = base(c.req.url);
    const [articles, stories] = await Promise.all([store.countArticles(), store.countStories()]);
    const locs = [`${root}/sitemap/pages.xml`];
    for (let i = 1; i <= Math.ceil(articles / SITEMAP_SIZE); i++) locs.push(`${root}/sitemap/articles-${i}.xml`);
    for (let i = 1; i <= Math.ceil(stories / SITEMAP_SIZE); i++) locs.push(`${root}/sitemap/stories-${i}.xml`);
    return xml(c, sitemapIndex(locs));
  });

  app.get('/sitemap/pages.xml', async (c) => {
    const root = base(c.req.url);
    const [sources, recent] = await Promise.all([store.listSources(), store.latestHeadlines({ limit: TAG_WINDOW })]);
    const tags = await store.tagsForArticles(recent.map((a) => a.id));
    const tagKeys = new Set<string>();
    for (const list of tags.values()) for (const t of list) tagKeys.add(t.key);
    const entries: Entry[] = [
      { loc: `${root}/`, lastmod: recent[0]?.published_at ?? null },
      { loc: `${root}/stories` },
      { loc: `${root}/sources` },
      ...sources.map((s) => ({ loc: `${root}/source/${s.id}`, lastmod: s.last_polled_at })),
      ...[...tagKeys].map((k) => ({ loc: `${root}${tagPath(k)}` })),
    ];
    return xml(c, urlset(entries));
  });

  app.get('/sitemap/:name{(articles|stories)-[0-9]{1,6}\\.xml}', async (c) => {
    const m = /^(articles|stories)-(\d+)\.xml$/.exec(c.req.param('name'))!;
    const n = Number(m[2]);
    if (n < 1) return c.notFound();
    const root = base(c.req.url);
    const kind = m[1] as 'articles' | 'stories';
    const page = kind === 'articles' ? 'article' : 'story';
    const entries: Entry[] = (await store.sitemapEntries(kind, (n - 1) * SITEMAP_SIZE, SITEMAP_SIZE))
      .map((e) => ({ loc: `${root}/${page}/${e.id}`, lastmod: e.lastmod }));
    if (entries.length === 0) return c.notFound();
    return xml(c, urlset(entries));
  });

  return app;
}
