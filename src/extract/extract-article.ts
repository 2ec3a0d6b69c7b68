/**
 * One HTML page in, one clean article out. The only function that knows the whole extraction flow:
 * metadata from the untouched DOM, then the main text (which mutates the DOM), then sanitizing.
 */
import type { ExtractedArticle } from '../model/article.ts';
import { sanitizeArticleHtml } from '../sanitize/html.ts';
import { authorsFromParagraphs, bylineName } from './authors.ts';
import { absoluteHttpUrl, parseHtml } from './dom.ts';
import { detectLanguage } from './language.ts';
import { extractMainHtml } from './main-text.ts';
import { DEFAULT_PAGE_OFFSET_MINUTES } from './machine-date.ts';
import { readPageMetadata, type PageMetadata } from './page-metadata.ts';
import { htmlToParagraphs } from './paragraphs.ts';
import { wordCount } from './text.ts';

/** The lead is the first paragraph with at least this many words; shorter ones are bylines or captions. */
const LEAD_MIN_WORDS = 12;

export interface ExtractOptions {
  /** The URL the page was fetched from: base for relative links and the canonical URL of last resort. */
  url: string;
  /** When the page was fetched: "now" for relative dates ("منذ ساعتين") and the bound for future dates. */
  fetchedAt?: Date;
  /**
   * Minutes east of UTC that a time printed without a zone means: the outlet's own clock (a Moroccan
   * page's "18:05" is +01:00). Defaults to Mecca time, the most common newsroom clock in the region.
   */
  defaultOffsetMinutes?: number;
}

function emptyArticle(url: string): ExtractedArticle {
  return {
    title: null,
    published_at: null,
    published_offset: null,
    updated_at: null,
    authors: [],
    lead: null,
    body: '',
    paragraphs: [],
    canonical_url: absoluteHttpUrl(url, null),
    image: null,
    lang: null,
    dir: null,
    source: null,
    sections: [],
  };
}

function chooseLead(paragraphs: string[], description: string | null): string | null {
  const lead = paragraphs.find((p) => wordCount(p) >= LEAD_MIN_WORDS && !bylineName(p));
  return lead ?? description ?? paragraphs[0] ?? null;
}

/** Metadata, or none: a page whose metadata cannot be read may still have a readable text. */
function readMetadataSafely(doc: Document, url: string, now: Date, defaultOffsetMinutes: number): PageMetadata {
  try {
    return readPageMetadata(doc, url, now, defaultOffsetMinutes);
  } catch {
    const canonicalUrl = absoluteHttpUrl(url, null);
    return { title: null, published: null, updated: null, authors: [], siteNames: [], source: null, canonicalUrl, image: null, description: null, sections: [], baseUrl: url };
  }
}

/**
 * Extract the article of an HTML page. Never throws: on hostile, empty or non-HTML input the result
 * has nulls and an empty body.
 */
export function extractArticle(html: string, opts: ExtractOptions): ExtractedArticle {
  const url = typeof opts?.url === 'string' ? opts.url : '';
  const now = opts?.fetchedAt instanceof Date && !Number.isNaN(opts.fetchedAt.getTime()) ? opts.fetchedAt : new Date();
  const result = emptyArticle(url);
  try {
    const source = typeof html === 'string' ? html : '';
    const doc = parseHtml(source);
    if (!doc) return result;
    const offset = Number.isFinite(opts?.defaultOffsetMinutes) ? opts.defaultOffsetMinutes! : DEFAULT_PAGE_OFFSET_MINUTES;
    const meta = readMetadataSafely(doc, url, now, offset);
    const body = sanitizeArticleHtml(extractMainHtml(doc, source, meta.title), meta.baseUrl);
    const paragraphs = htmlToParagraphs(body);
    const language = detectLanguage(doc, paragraphs.length > 0 ? paragraphs.join(' ') : meta.title ?? '');
    return {
      title: meta.title,
      published_at: meta.published?.iso ?? null,
      published_offset: meta.published?.offsetMinutes ?? null,
      updated_at: meta.updated?.iso ?? null,
      authors: meta.authors.length > 0 ? meta.authors : authorsFromParagraphs(paragraphs, meta.siteNames),
      lead: chooseLead(paragraphs, meta.description),
      body,
      paragraphs,
      canonical_url: meta.canonicalUrl,
      image: meta.image,
      lang: language.lang,
      dir: language.dir,
      source: meta.source,
      sections: meta.sections,
    };
  } catch {
    return result;
  }
}
