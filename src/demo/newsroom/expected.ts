/**
 * Ground truth for end-to-end tests: what a crawler should extract from an article page of the running
 * newsroom, derived from the same templates that render the page.
 */
import type { DemoArticle } from '../data/types.ts';
import { isoWithOffset, wallTime } from './dates.ts';
import { paragraphsOf } from './layout.ts';
import { templateFor } from './outlets/index.ts';
import type { DemoOutlet } from './types.ts';

export interface ExpectedArticle {
  /** The link the outlet's feed or sitemap gives, tracking parameters and all. */
  url: string;
  /** The page's `<link rel="canonical">`: no tracking parameters. */
  canonicalUrl: string;
  /** The `<h1>`, without the outlet name `<title>` appends. */
  title: string;
  /**
   * The publication instant as ISO 8601 with the outlet's offset. Compare instants, not strings: pages
   * may print another offset (Baghdad time). Truncated to the minute for outlets that print no seconds.
   */
  publishedIso: string;
  /** The body's paragraphs in order, lead first; no related links, ads, credits or comments. */
  paragraphs: string[];
}

export function expectedFor(article: DemoArticle, outlet: DemoOutlet): ExpectedArticle {
  if (article.outlet !== outlet.id) {
    throw new Error(`article ${article.outlet}/${article.slug} belongs to ${article.outlet}, not ${outlet.id}`);
  }
  const template = templateFor(outlet.id);
  const origin = outlet.homeUrl.replace(/\/$/, '');
  const canonicalUrl = origin + template.articlePath(article);
  const t = wallTime(article.published);
  if (template.datePrecision === 'minute') t.second = 0;
  return {
    url: template.feedLink ? template.feedLink(article, origin) : canonicalUrl,
    canonicalUrl,
    title: article.title,
    publishedIso: isoWithOffset(t),
    paragraphs: paragraphsOf(template, article),
  };
}
