/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Values of the wrong type are ignored
 * rather than trusted: a number where a string belongs is the usual mistake of hand-built feeds.
 */
import type { FeedItem, ParsedFeed } from '../../model/feed.ts';
import { addAuthors } from '../authors.ts';
import { parseFeedDate } from '../dates.ts';
import { resolveHtmlUrls, resolveUrl } from '../urls.ts';
import { collectItems, newItem } from '../items.ts';
import { escapeHtml, toPlainText } from '../text.ts';
import { MAX_FEED_ITEMS } from '../limits.ts';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** 1.1's `authors` array, or 1.0's single `author`. */
function authorNames(obj: Json): string[] {
  const list = Array.isArray(obj.authors) ? obj.authors : isObject(obj.author) ? [obj.author] : [];
  const out: string[] = [];
  for (const a of list) if (isObject(a)) addAuthors(out, str(a.name) ?? str(a.url));
  return out;
}

/** True when a parsed JSON value is a JSON Feed (or close enough to read as one). */
export function isJsonFeed(value: unknown): value is Json {
  if (!isObject(value)) return false;
  return /jsonfeed\.org\/version/i.test(String(value.version ?? '')) || Array.isArray(value.items);
}

function readItem(raw: unknown, base: string | undefined, feedAuthors: string[]): FeedItem | string {
  if (!isObject(raw)) return 'it is not a JSON object';
  const item = newItem();
  item.id = str(raw.id);
  item.link = resolveUrl(str(raw.url) ?? str(raw.external_url), base);
  const title = str(raw.title);
  if (title) item.title = toPlainText(title, false);
  const html = str(raw.content_html);
  const text = str(raw.content_text);
  if (html) item.content = resolveHtmlUrls(html, item.link ?? base);
  else if (text) item.content = escapeHtml(text);
  // JSON Feed's summary is plain text; the model's summary is HTML.
  const summary = str(raw.summary);
  if (summary) item.summary = escapeHtml(summary);
  item.published = parseFeedDate(str(raw.date_published));
  item.updated = parseFeedDate(str(raw.date_modified));
  const own = authorNames(raw);
  item.authors = own.length ? own : [...feedAuthors];
  if (Array.isArray(raw.tags)) {
    for (const t of raw.tags) {
      const tag = str(t);
      if (tag && !item.categories.includes(tag)) item.categories.push(tag);
    }
  }
  item.image = resolveUrl(str(raw.image) ?? str(raw.banner_image), base);
  item.language = str(raw.language);
  return item;
}

/** Parse a JSON Feed object (already JSON.parse'd). */
export function parseJsonFeed(feed: Json, url: string | undefined): ParsedFeed {
  const warnings: string[] = [];
  const link = resolveUrl(str(feed.home_page_url), url);
  const base = url ?? str(feed.feed_url) ?? link;
  const items = Array.isArray(feed.items) ? feed.items : [];
  if (!Array.isArray(feed.items)) warnings.push('the feed has no "items" array');
  const feedAuthors = authorNames(feed);
  const out: ParsedFeed = {
    format: 'json-feed',
    items: collectItems(items, (i) => readItem(i, base, feedAuthors), MAX_FEED_ITEMS, warnings),
    sitemaps: [],
    warnings,
  };
  const version = /version\/([\d.]+)/.exec(String(feed.version ?? ''))?.[1];
  if (version) out.version = version;
  const title = str(feed.title);
  if (title) out.title = toPlainText(title, false);
  if (link) out.link = link;
  const description = str(feed.description);
  if (description) out.description = escapeHtml(description);
  const language = str(feed.language);
  if (language) out.language = language;
  return out;
}
