/**
 * Publication and update instants. A cascade from the most deliberate statement to the weakest
 * hint: JSON-LD, OpenGraph article times, microdata, `<time datetime>` in the article, generic meta
 * tags, Arabic date text near the headline or byline, and finally a date in the URL path.
 */
import { findArabicDate, parseArabicDate, type ParsedDate } from '../arabic/dates.ts';
import { attr, classAndId, textOf } from './dom.ts';
import type { JsonLdArticle } from './json-ld.ts';
import { DEFAULT_PAGE_OFFSET_MINUTES, parseMachineDate } from './machine-date.ts';
import type { MetaIndex } from './meta.ts';

/** Meta names that carry the publication date, beyond OpenGraph (Dublin Core, Parse.ly, Sailthru…). */
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'created',
];

const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
];

/** RDFa publication dates on elements (Drupal prints `<span property="dc:date" content="…">`). */
const RDFA_DATES = ['dc:date', 'dc:created', 'dcterms:created', 'dcterms:issued', 'schema:datePublished']
  .map((p) => `[property~="${p}"][content]:not(meta)`)
  .join(', ');

/** class/id words of elements that print the article date ("article_created", "post-date"). */
const DATE_CLASS = /(?:^|[\s_-])(date|time|timestamp|published|publish|pubdate|created|posted|byline|meta|تاريخ)/;
/** Containers whose dates belong to other articles (sidebars, lists, comments). */
const FOREIGN_CONTAINER = /(sidebar|related|most|popular|comment|footer|widget|aside|latest|trending)/;
/** A date label is short; longer blocks are paragraphs that may cite other dates. */
const MAX_DATE_TEXT_CHARS = 160;
/** Date elements examined at most, in document order. */
const MAX_DATE_ELEMENTS = 40;
/** Text after the headline that may hold the date line. */
const AFTER_HEADLINE_CHARS = 400;
/** A publication date more than this far after the fetch is a parse error or an event date. */
const FUTURE_SLACK_MS = 36 * 3600_000;

export interface DateResult {
  published: ParsedDate | null;
  updated: ParsedDate | null;
}

interface Context {
  doc: Document;
  meta: MetaIndex;
  jsonLd: JsonLdArticle | null;
  url: string;
  now: Date;
  /** The offset a page means when it prints a time without a zone: its outlet's local clock. */
  defaultOffsetMinutes: number;
}

type Clock = Pick<Context, 'now' | 'defaultOffsetMinutes'>;

function parseAny(text: string | null, clock: Clock): ParsedDate | null {
  if (!text) return null;
  return parseMachineDate(text, clock.defaultOffsetMinutes) ?? parseArabicDate(text, clock);
}

function inForeignContainer(el: Element): boolean {
  for (let p = el.parentElement, depth = 0; p && depth < 12; p = p.parentElement, depth++) {
    const tag = p.tagName.toLowerCase();
    // Not <footer>: Drupal and WordPress print the article's own date in a footer inside it.
    if (tag === 'aside' || tag === 'nav') return true;
    if (FOREIGN_CONTAINER.test(classAndId(p))) return true;
  }
  return false;
}

function* timeElementValues(doc: Document): Generator<string> {
  const times = Array.from(doc.querySelectorAll(`time[datetime], [itemprop~="datePublished"], ${RDFA_DATES}`));
  const preferred = times.filter(
    (t) =>
      t.hasAttribute('pubdate') ||
      /datepublished/i.test(t.getAttribute('itemprop') ?? '') ||
      t.hasAttribute('property') ||
      /publish|created/.test(classAndId(t)) ||
      t.closest('article, main, header, [itemprop~="articleBody"]') !== null,
  );
  for (const t of [...preferred, ...times]) {
    if (inForeignContainer(t)) continue;
    const v = attr(t, 'datetime') ?? attr(t, 'content') ?? textOf(t);
    if (v) yield v;
  }
}

/** Short elements whose class says "date" and whose text holds a date. */
function dateFromLabels(doc: Document, clock: Clock): ParsedDate | null {
  let seen = 0;
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    if (seen >= MAX_DATE_ELEMENTS) break;
    if (!DATE_CLASS.test(classAndId(el))) continue;
    const text = textOf(el);
    if (text === '' || text.length > MAX_DATE_TEXT_CHARS || inForeignContainer(el)) continue;
    seen++;
    const found = parseMachineDate(text, clock.defaultOffsetMinutes) ?? findArabicDate(text, clock);
    if (found) return found;
  }
  return null;
}

/** The date line that so often sits right under the headline. */
function dateAfterHeadline(doc: Document, clock: Clock): ParsedDate | null {
  const h1 = doc.querySelector('article h1, [itemprop~="headline"], h1');
  if (!h1) return null;
  let text = '';
  for (let n: Element | null = h1; n && text.length < AFTER_HEADLINE_CHARS; ) {
    const next: Element | null = n.nextElementSibling;
    if (next) {
      text += ' ' + textOf(next);
      n = next;
    } else {
      n = n.parentElement;
      if (!n || n.tagName.toLowerCase() === 'body') break;
    }
  }
  return text.trim() === '' ? null : findArabicDate(text.slice(0, AFTER_HEADLINE_CHARS), clock);
}

/** /2020/11/09/, /2020/8/24/ or 2020-06-03 in the path. */
function dateFromUrl(url: string): ParsedDate | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const m = /(?:^|\/)((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(path);
  return m ? parseMachineDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

function plausible(d: ParsedDate | null, now: Date): d is ParsedDate {
  return d !== null && Date.parse(d.iso) - now.getTime() <= FUTURE_SLACK_MS;
}

/** Calendar day of a parsed date at the offset it was read in. */
function localDay(d: ParsedDate, defaultOffset: number): string {
  const offset = d.offsetMinutes ?? defaultOffset;
  return new Date(Date.parse(d.iso) + offset * 60_000).toISOString().slice(0, 10);
}

/**
 * The first plausible candidate wins; if it gave only a day, a later candidate with a clock time on
 * the same day refines it (microdata often says "2020-11-09" where OpenGraph has the full instant).
 */
function pick(candidates: Iterable<ParsedDate | null>, { now, defaultOffsetMinutes }: Clock): ParsedDate | null {
  let best: ParsedDate | null = null;
  for (const c of candidates) {
    if (!plausible(c, now)) continue;
    if (!best) {
      best = c;
      if (best.hasTime) return best;
    } else if (c.hasTime && localDay(c, defaultOffsetMinutes) === localDay(best, defaultOffsetMinutes)) {
      return c;
    }
  }
  return best;
}

function* publishedCandidates(ctx: Context): Generator<ParsedDate | null> {
  const { meta } = ctx;
  yield parseAny(ctx.jsonLd?.datePublished ?? null, ctx);
  for (const key of PUBLISHED_META.slice(0, 4)) for (const v of meta.all(key)) yield parseAny(v, ctx);
  for (const v of timeElementValues(ctx.doc)) yield parseAny(v, ctx);
  for (const key of PUBLISHED_META.slice(4)) for (const v of meta.all(key)) yield parseAny(v, ctx);
  yield dateFromLabels(ctx.doc, ctx);
  yield dateAfterHeadline(ctx.doc, ctx);
  yield dateFromUrl(ctx.url);
}

function* modifiedCandidates(ctx: Context): Generator<ParsedDate | null> {
  yield parseAny(ctx.jsonLd?.dateModified ?? null, ctx);
  for (const key of MODIFIED_META) for (const v of ctx.meta.all(key)) yield parseAny(v, ctx);
}

/** Find the published and updated dates. Reads the document only; never throws. */
export function findDates(ctx: Context): DateResult {
  try {
    const published = pick(publishedCandidates(ctx), ctx);
    let updated = pick(modifiedCandidates(ctx), ctx);
    // An update before publication is a template default, not information.
    if (published && updated && Date.parse(updated.iso) < Date.parse(published.iso)) updated = null;
    return { published, updated };
  } catch {
    return { published: null, updated: null };
  }
}
