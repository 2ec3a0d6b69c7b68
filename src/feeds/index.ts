export { parseFeed, type ParseFeedOptions } from './parse-feed.ts';
export { FeedParseError, type FeedParseErrorCode } from './errors.ts';
export { parseFeedDate } from './dates.ts';
export { MAX_FEED_BYTES, MAX_FEED_ITEMS, MAX_SITEMAP_ENTRIES } from './limits.ts';
