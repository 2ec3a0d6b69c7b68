import type { Context } from 'hono';
import type { Article } from '../model/index.ts';
import { ATOM_CONTENT_TYPE, type FeedChannel, type FeedEntry, RSS_CONTENT_TYPE, renderAtom, renderRss } from './syndication.ts';

export type FeedFormat = 'rss' | 'atom';

/** Feed readers poll often; five minutes is fresh enough for news and spares the database. */
const FEED_MAX_AGE_S = 300;

/** Articles as feed entries linking to their pages on our site (which link on to the original). */
export function articleEntries(articles: readonly Article[], base: string): FeedEntry[] {
  return articles.map((a) => ({
    id: `${base}/article/${a.id}`,
    title: a.title,
    link: `${base}/article/${a.id}`,
    published: a.published_at ?? a.fetched_at,
    updated: a.updated_at,
    summary: a.lead ?? a.text.split('\n\n')[0]?.slice(0, 400) ?? null,
    authors: a.authors,
  }));
}

/** The response for one feed of articles, in the format asked for. */
export function feedResponse(c: Context, format: FeedFormat, channel: FeedChannel, articles: readonly Article[], base: string): Response {
  const entries = articleEntries(articles, base);
  const body = format === 'rss' ? renderRss(channel, entries) : renderAtom(channel, entries);
  c.header('Cache-Control', `public, max-age=${FEED_MAX_AGE_S}`);
  return c.body(body, 200, { 'Content-Type': format === 'rss' ? RSS_CONTENT_TYPE : ATOM_CONTENT_TYPE });
}
