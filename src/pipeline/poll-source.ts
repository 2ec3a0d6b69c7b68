import { countryOffsetMinutes } from '../arabic/zones.ts';
import { extractArticle, htmlNestingDepth, MAX_HTML_DEPTH } from '../extract/index.ts';
import { FeedParseError, parseFeed } from '../feeds/index.ts';
import { FetchError, type Fetcher } from '../fetch/index.ts';
import type { Logger } from '../log/index.ts';
import type { FeedItem, ParsedFeed, Source } from '../model/index.ts';
import { canonicalizeUrl } from '../sanitize/url.ts';
import { storageFailure } from '../store/errors.ts';
import type { Store } from '../store/store.ts';
import { assembleArticle } from './assemble.ts';
import { backoffDelay, nextPollInterval } from './schedule.ts';
import type { StoryStage } from './stories.ts';
import { tagStoredArticle } from './tag.ts';

/** A news sitemap index can list hundreds of children; the newest few hold what is new. */
const MAX_CHILD_SITEMAPS = 5;
/** New pages fetched per poll: a source that suddenly lists thousands is worked through over polls. */
const MAX_NEW_PAGES_PER_POLL = 100;
/** A page that failed this many times is not tried again (a 404 in a feed stays a 404). */
const MAX_PAGE_TRIES = 3;
/** Link statuses that will not change by trying again. */
const PERMANENT_LINK_FAILURES = new Set(['robots-disallowed', 'bad-url', 'blocked-address', 'no-title', 'too-deep']);

/**
 * Parser warnings that say a limit cut the document short. The poll still succeeds, but the note is
 * kept as the source's last error, so an operator sees on the source page that it was not read whole.
 */
const LIMIT_WARNING = /only the first \d+ were kept|nested deeper than \d+/;

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface PollDeps {
  store: Store;
  fetcher: Fetcher;
  log: Logger;
  now?: () => Date;
  /** Places new articles in stories; without it they wait for the next StoryStage's backlog. */
  stories?: StoryStage;
}

export interface PollResult {
  source_id: number;
  status: string;
  items: number;
  new_articles: number;
  page_failures: number;
  error?: string;
}

/**
 * Poll one source: feed → new links → pages → articles. Records the outcome on the source. Throws
 * only a StoreError when the store cannot take writes (disk full, read-only): then nothing could be
 * recorded, and the caller should stop rather than fail every other source the same way.
 */
export async function pollSource(source: Source, deps: PollDeps): Promise<PollResult> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const base = { source_id: source.id, items: 0, new_articles: 0, page_failures: 0 };
  try {
    const res = await deps.fetcher.fetch({ url: source.url, etag: source.etag, lastModified: source.last_modified, accept: FEED_ACCEPT });
    if (res.status === 'not-modified') {
      await recordSuccess(deps, source, 'not-modified', [], 0, started, res.etag, res.lastModified);
      return { ...base, status: 'not-modified' };
    }
    const feed = await readFeedWithChildren(res.bytes, res.url, res.contentType, deps);
    const outcome = await ingestItems(source, feed.items, res.url, deps, now);
    const dates = feed.items.map((i) => i.published ?? i.updated).filter((d): d is string => !!d).map((d) => new Date(d));
    const note = feed.warnings.find((w) => LIMIT_WARNING.test(w)) ?? null;
    await recordSuccess(deps, source, 'ok', dates, outcome.new_articles, started, res.etag, res.lastModified, note);
    deps.log('info', 'source_polled', { source_id: source.id, status: 'ok', items: feed.items.length, ...outcome, ms: now().getTime() - started.getTime() });
    return { ...base, status: 'ok', items: feed.items.length, ...outcome };
  } catch (err) {
    const failure = storageFailure(err);
    if (failure) throw failure;
    const code = err instanceof FetchError || err instanceof FeedParseError ? err.code : 'internal';
    const message = err instanceof Error ? err.message : String(err);
    const failures = source.consecutive_failures + 1;
    const retryAfter = err instanceof FetchError ? err.retryAfterMs : undefined;
    const delay = backoffDelay(source.poll_interval, failures, retryAfter);
    await deps.store.recordPoll(source.id, {
      ok: false, status: code, error: message, poll_interval: source.poll_interval,
      next_poll_at: new Date(started.getTime() + delay * 1000).toISOString(), polled_at: started.toISOString(),
    }).catch((e: unknown) => Promise.reject(storageFailure(e) ?? e));
    deps.log('warn', 'source_failed', { source_id: source.id, status: code, error: message, failures, retry_in_s: delay });
    return { ...base, status: code, error: message };
  }
}

async function readFeedWithChildren(bytes: Uint8Array, url: string, contentType: string | null, deps: PollDeps): Promise<ParsedFeed> {
  const feed = parseFeed(bytes, { url, contentType: contentType ?? undefined });
  if (feed.sitemaps.length === 0) return feed;
  const items: FeedItem[] = [...feed.items];
  const warnings = [...feed.warnings];
  if (feed.sitemaps.length > MAX_CHILD_SITEMAPS) {
    warnings.push(`the sitemap index lists ${feed.sitemaps.length} sitemaps; only the first ${MAX_CHILD_SITEMAPS} were kept`);
  }
  for (const child of feed.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
    try {
      const res = await deps.fetcher.fetch({ url: child, accept: FEED_ACCEPT });
      if (res.status === 'ok') items.push(...parseFeed(res.bytes, { url: res.url, contentType: res.contentType ?? undefined }).items);
    } catch (err) {
      // One broken child sitemap costs its own items only.
      deps.log('warn', 'child_sitemap_failed', { url: child, error: (err as Error).message });
    }
  }
  return { ...feed, items, warnings };
}

async function ingestItems(source: Source, items: FeedItem[], feedUrl: string, deps: PollDeps, now: () => Date) {
  let newArticles = 0;
  let pageFailures = 0;
  let fetched = 0;
  for (const item of items) {
    if (fetched >= MAX_NEW_PAGES_PER_POLL) break;
    const link = canonicalizeUrl(item.link ?? item.id ?? '', feedUrl);
    if (!link || !(await shouldFetch(link, deps.store))) continue;
    fetched++;
    const fetchedAt = now();
    try {
      const page = await deps.fetcher.fetch({ url: link, accept: PAGE_ACCEPT });
      const defaultOffsetMinutes = countryOffsetMinutes(source.country, fetchedAt);
      const html = page.text();
      if (htmlNestingDepth(html) > MAX_HTML_DEPTH) {
        // Parsing it would hold this worker for minutes (see src/extract/nesting.ts).
        await deps.store.recordLink({ url: link, source_id: source.id, article_id: null, status: 'too-deep', last_at: fetchedAt.toISOString() });
        deps.log('warn', 'page_failed', { source_id: source.id, url: link, status: 'too-deep', error: `elements nested more than ${MAX_HTML_DEPTH} deep` });
        pageFailures++;
        continue;
      }
      const extracted = extractArticle(html, { url: page.url, fetchedAt, defaultOffsetMinutes });
      const article = assembleArticle({ item, extracted, pageUrl: page.url, sourceId: source.id, fetchedAt });
      if (!article) {
        await deps.store.recordLink({ url: link, source_id: source.id, article_id: null, status: 'no-title', last_at: fetchedAt.toISOString() });
        pageFailures++;
        continue;
      }
      const { id, inserted } = await deps.store.insertArticle(article);
      if (inserted) {
        newArticles++;
        await tagStoredArticle(deps.store, id, article, deps.log);
        await deps.stories?.assign(id);
      }
      await deps.store.recordLink({ url: link, source_id: source.id, article_id: id, status: 'ok', last_at: fetchedAt.toISOString() });
      deps.log('debug', 'article_stored', { source_id: source.id, article_id: id, inserted, url: article.url });
    } catch (err) {
      if (storageFailure(err)) throw err;
      pageFailures++;
      const status = err instanceof FetchError ? err.code : 'internal';
      await deps.store.recordLink({ url: link, source_id: source.id, article_id: null, status, last_at: fetchedAt.toISOString() });
      deps.log('warn', 'page_failed', { source_id: source.id, url: link, status, error: (err as Error).message });
    }
  }
  return { new_articles: newArticles, page_failures: pageFailures };
}

async function shouldFetch(link: string, store: Store): Promise<boolean> {
  const seen = await store.getLink(link);
  if (seen) {
    if (seen.article_id !== null) return false;
    if (PERMANENT_LINK_FAILURES.has(seen.status) || seen.tries >= MAX_PAGE_TRIES) return false;
  }
  return (await store.getArticleByUrl(link)) === null;
}

async function recordSuccess(
  deps: PollDeps, source: Source, status: string, dates: Date[], newItems: number, started: Date,
  etag: string | null, lastModified: string | null, note: string | null = null,
): Promise<void> {
  const interval = nextPollInterval(source.poll_interval, dates, newItems);
  await deps.store.recordPoll(source.id, {
    ok: true, status, error: note, etag, last_modified: lastModified, poll_interval: interval,
    next_poll_at: new Date(started.getTime() + interval * 1000).toISOString(), polled_at: started.toISOString(),
  });
}
