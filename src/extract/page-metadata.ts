/**
 * Everything about the article that the page states outside its text: title, dates, authors, source,
 * canonical URL, image, description. Read from the untouched DOM, before the main-text pass mutates it.
 */
import type { ParsedDate } from '../arabic/dates.ts';
import { findAuthors } from './authors.ts';
import { absoluteHttpUrl, attr, textOf } from './dom.ts';
import { readJsonLdArticle } from './json-ld.ts';
import { linkHref, readMeta } from './meta.ts';
import { findDates } from './published-date.ts';
import { cleanText, wordCount } from './text.ts';
import { chooseTitle } from './title.ts';

/** Headings of each level compared with `<title>`; the headline is among the first. */
const MAX_HEADINGS = 5;
/** An `<h1>` with fewer words is a logo or a section name, not the headline. */
const HEADLINE_MIN_WORDS = 3;
/** Links read from a breadcrumb trail; a longer "trail" is a menu. */
const MAX_CRUMBS = 6;

export interface PageMetadata {
  title: string | null;
  published: ParsedDate | null;
  updated: ParsedDate | null;
  authors: string[];
  siteNames: string[];
  source: string | null;
  canonicalUrl: string | null;
  image: string | null;
  description: string | null;
  /** The sections the outlet files the article under, as it names them, most specific first. */
  sections: string[];
  /** The URL relative links resolve against: `<base href>` or the page URL. */
  baseUrl: string;
}

/** Links of a page's breadcrumb trail, last first ("الرئيسية › اقتصاد › …" gives اقتصاد), without the home link. */
function breadcrumbLabels(doc: Document): string[] {
  const trail = doc.querySelector('[class*="breadcrumb" i], [class*="crumbs" i], nav[aria-label*="breadcrumb" i]');
  if (!trail) return [];
  return Array.from(trail.querySelectorAll('a'))
    .slice(0, MAX_CRUMBS)
    .map((a) => textOf(a))
    .filter((t) => t && t.length <= 40 && !/^(الرئيسية|الرئيسيه|home)$/i.test(t))
    .reverse();
}

function insideArticle(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.tagName.toLowerCase() === 'article') return true;
  return false;
}

function headlineElementText(doc: Document): string | null {
  const marked = doc.querySelector('[itemprop~="headline"]');
  if (marked && marked.tagName.toLowerCase() !== 'meta' && wordCount(textOf(marked)) >= HEADLINE_MIN_WORDS) return textOf(marked);
  const h1s = Array.from(doc.getElementsByTagName('h1'));
  const h1 = [...h1s.filter(insideArticle), ...h1s].find((h) => wordCount(textOf(h)) >= HEADLINE_MIN_WORDS);
  return h1 ? textOf(h1) : null;
}

/** Texts of the first few `<h1>` and `<h2>` elements. */
function topHeadings(doc: Document): string[] {
  const out: string[] = [];
  for (const tag of ['h1', 'h2']) {
    for (const h of Array.from(doc.getElementsByTagName(tag)).slice(0, MAX_HEADINGS)) out.push(textOf(h));
  }
  return out;
}

/** Values that are names, not addresses (some outlets put their URL in og:site_name). */
function isName(value: string | null | undefined): value is string {
  return !!value && !/^(https?:|www\.)/i.test(value) && !/^[\w-]+(\.[\w-]+)+\/?$/.test(value);
}

/** "www.akhbarelyom.com" → ["akhbarelyom"]: outlets put their domain where an author name goes. */
function hostLabels(url: string): string[] {
  try {
    return new URL(url).hostname.split('.').filter((l) => l.length > 3 && l !== 'www');
  } catch {
    return [];
  }
}

export function readPageMetadata(doc: Document, url: string, now: Date, defaultOffsetMinutes: number): PageMetadata {
  const meta = readMeta(doc);
  const jsonLd = readJsonLdArticle(doc);
  const baseUrl = absoluteHttpUrl(attr(doc.querySelector('base[href]'), 'href'), url) ?? url;

  const siteNames = [...meta.all('og:site_name'), jsonLd?.publisher, meta.first('application-name')].filter(isName);
  const { title, inferredSiteName } = chooseTitle(
    {
      og: meta.first('og:title'),
      jsonLd: jsonLd?.headline ?? null,
      otherMeta: meta.first('dc:title', 'dc.title', 'dcterms.title', 'twitter:title'),
      h1: headlineElementText(doc),
      titleTag: cleanText(doc.querySelector('title')?.textContent),
      headings: topHeadings(doc),
    },
    siteNames,
  );
  if (inferredSiteName) siteNames.push(inferredSiteName);

  const { published, updated } = findDates({ doc, meta, jsonLd, url, now, defaultOffsetMinutes });
  const canonicalUrl =
    absoluteHttpUrl(linkHref(doc, 'canonical'), baseUrl) ??
    absoluteHttpUrl(meta.first('og:url'), baseUrl) ??
    absoluteHttpUrl(url, null);
  const image =
    absoluteHttpUrl(meta.first('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'), baseUrl) ??
    absoluteHttpUrl(jsonLd?.image, baseUrl);

  return {
    title,
    published,
    updated,
    authors: findAuthors({ doc, meta, jsonLdAuthors: jsonLd?.authors ?? [], siteNames: [...siteNames, ...hostLabels(url)] }),
    siteNames,
    source: siteNames[0] ?? null,
    canonicalUrl,
    image,
    description: meta.first('og:description', 'description', 'twitter:description') ?? jsonLd?.description ?? null,
    sections: [meta.first('article:section', 'articlesection'), jsonLd?.section, ...breadcrumbLabels(doc)]
      .filter((s): s is string => !!s && s !== title),
    baseUrl,
  };
}
