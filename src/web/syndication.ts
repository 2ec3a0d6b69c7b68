// RSS 2.0 and Atom 1.0 out: one channel and its entries in, a document string out. Pure, so the home,
// source, tag, story and search feeds all share it.

/** The feed as a whole. Every URL is absolute: feed readers have no base to resolve against. */
export interface FeedChannel {
  title: string;
  /** The HTML page this feed follows. */
  link: string;
  /** This feed's own URL. */
  self: string;
  description: string;
  /** BCP 47; 'ar' unless told. */
  language?: string;
  /** Atom's permanent id; the page link unless told. */
  id?: string;
  /** When nothing in the feed carries a date; otherwise the newest entry's date is used. */
  updated?: string;
}

export interface FeedEntry {
  /** A permanent, unique id (RSS guid, Atom id): an absolute URL. */
  id: string;
  title: string;
  link: string;
  /** ISO 8601 instants. */
  published: string | null;
  updated?: string | null;
  /** Plain text; the writer makes it right-to-left HTML. */
  summary?: string | null;
  authors?: string[];
  categories?: string[];
}

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

const GENERATOR = 'Marsad';

/** RSS 2.0 (https://www.rssboard.org/rss-specification) with an atom:link to itself. */
export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const lang = channel.language ?? 'ar';
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="${attr(lang)}">`,
    '<channel>',
    el('title', channel.title),
    el('link', channel.link),
    // Many readers show a channel's description as HTML (RSS has no type attribute to say otherwise), and
    // ours carries what a reader searched for and what outlets wrote: escape it as HTML, then as XML.
    el('description', escapeHtml(channel.description)),
    el('language', lang),
    el('lastBuildDate', rfc822(feedUpdated(channel, entries))),
    el('generator', GENERATOR),
    `<atom:link href="${attr(channel.self)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const e of entries) {
    out.push('<item>', el('title', e.title), el('link', e.link), `<guid isPermaLink="true">${text(e.id)}</guid>`);
    if (validDate(e.published)) out.push(el('pubDate', rfc822(e.published!)));
    for (const author of e.authors ?? []) out.push(el('dc:creator', author));
    for (const category of e.categories ?? []) out.push(el('category', category));
    if (e.summary) out.push(el('description', summaryHtml(e.summary, lang)));
    out.push('</item>');
  }
  out.push('</channel>', '</rss>', '');
  return out.join('\n');
}

/** Atom 1.0 (RFC 4287): the feed's author is Marsad, so entries without a byline stay valid. */
export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const lang = channel.language ?? 'ar';
  const updated = feedUpdated(channel, entries);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${attr(lang)}">`,
    el('id', channel.id ?? channel.link),
    el('title', channel.title),
    el('subtitle', channel.description),
    el('updated', rfc3339(updated)),
    `<link rel="self" type="application/atom+xml" href="${attr(channel.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${attr(channel.link)}"/>`,
    '<author><name>مرصد</name></author>',
    el('generator', GENERATOR),
  ];
  for (const e of entries) {
    const published = validDate(e.published) ? e.published! : null;
    const entryUpdated = validDate(e.updated) ? e.updated! : published ?? updated;
    out.push('<entry>', el('id', e.id), el('title', e.title), `<link rel="alternate" type="text/html" href="${attr(e.link)}"/>`);
    if (published) out.push(el('published', rfc3339(published)));
    out.push(el('updated', rfc3339(entryUpdated)));
    for (const author of e.authors ?? []) out.push(`<author>${el('name', author)}</author>`);
    for (const category of e.categories ?? []) out.push(`<category term="${attr(category)}"/>`);
    if (e.summary) out.push(`<summary type="html">${text(summaryHtml(e.summary, lang))}</summary>`);
    out.push('</entry>');
  }
  out.push('</feed>', '');
  return out.join('\n');
}

/** RFC 822 as RSS 2.0 asks, with a four-digit year (RFC 1123): "Wed, 20 Sep 2023 12:15:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RFC 3339 in UTC, to the second: "2023-09-20T12:15:00Z". */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Characters XML 1.0 does not allow at all (C0 controls but tab and newlines, lone surrogates,
 * U+FFFE/U+FFFF): escaping cannot save them, and one in a title would make the whole feed unreadable.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escaped character data. */
export function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped attribute value (always written in double quotes). */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

function el(name: string, value: string): string {
  return `<${name}>${text(value)}</${name}>`;
}

/** A plain-text summary as HTML that readers show right to left, whatever their own direction. */
function summaryHtml(summary: string, lang: string): string {
  const dir = /^(ar|fa|ur|he|ps|ckb)\b/.test(lang) ? 'rtl' : 'ltr';
  return `<p dir="${dir}" lang="${attr(lang)}">${escapeHtml(summary)}</p>`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function validDate(iso: string | null | undefined): boolean {
  return !!iso && !Number.isNaN(Date.parse(iso));
}

function feedUpdated(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  let newest: number | null = null;
  for (const e of entries) {
    for (const d of [e.published, e.updated]) {
      if (validDate(d)) newest = Math.max(newest ?? -Infinity, Date.parse(d!));
    }
  }
  if (newest !== null) return new Date(newest).toISOString();
  return validDate(channel.updated) ? channel.updated! : new Date().toISOString();
}
