/** Our ParsedFeed shaped like feedparser's result, so its Expect lines can be evaluated against it. */
import { Parser } from 'htmlparser2';
import { normalizeAuthor } from '../../src/feeds/authors.ts';
import { parseFeedDate } from '../../src/feeds/dates.ts';
import { collapseWhitespace, htmlToText } from '../../src/feeds/text.ts';
import type { FeedItem, ParsedFeed } from '../../src/model/feed.ts';
import { type Comparable, MISSING, type View } from './python.ts';


/** A value our model holds, compared the way the module comment describes. */
class Ours implements Comparable {
  constructor(readonly kind: 'text' | 'html' | 'date' | 'author' | 'version', readonly v: string) {}
  equals(x: unknown): boolean {
    if (this.kind === 'date') {
      if (Array.isArray(x)) return x.slice(0, 6).join() === dateTuple(this.v);
      return typeof x === 'string' && parseFeedDate(x) === this.v;
    }
    if (typeof x !== 'string') return false;
    if (this.kind === 'text') return this.v === x || this.v === collapseWhitespace(x) || this.v === htmlToText(x);
    if (this.kind === 'html') return canonicalHtml(this.v) === canonicalHtml(x) || htmlToText(this.v) === collapseWhitespace(x);
    if (this.kind === 'author') return this.v === x || this.v === normalizeAuthor(x);
    return this.v === x || (this.v === 'rss091' && /^rss091[un]$/.test(x));
  }
}

function dateTuple(iso: string): string {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].join();
}

/** HTML reduced to what matters: tags, sorted attributes, decoded text with whitespace collapsed. */
function canonicalHtml(html: string): string {
  let out = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        out += `<${name}${Object.keys(attrs).sort().map((k) => ` ${k}="${attrs[k]}"`).join('')}>`;
      },
      onclosetag(name) {
        out += `</${name}>`;
      },
      ontext(text) {
        out += text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return collapseWhitespace(out);
}


function opt<T>(v: T | undefined, wrap: (v: T) => unknown): unknown {
  return v === undefined ? MISSING : wrap(v);
}

function versionCode(feed: ParsedFeed): string {
  const v = feed.version ?? '';
  if (feed.format === 'atom') return v === '0.3' ? 'atom03' : v === '1.0' ? 'atom10' : 'atom';
  if (feed.format === 'rdf') return v === '0.90' ? 'rss090' : 'rss10';
  if (feed.format === 'json-feed') return v === '1' ? 'json1' : 'json11';
  const code = `rss${v.replace('.', '')}`;
  return code === 'rss09' ? 'rss090' : code === 'rss2' ? 'rss20' : code;
}

function splitAuthor(a: string): View {
  const m = /^(.*?)\s*\(([^()]*@[^()]*)\)$/.exec(a);
  if (m) return { name: m[1] || MISSING, email: m[2] };
  return a.includes('@') && !a.includes(' ') ? { name: MISSING, email: a } : { name: a, email: MISSING };
}

function entryView(item: FeedItem): View {
  const text = (v?: string) => opt(v, (x) => new Ours('text', x));
  const html = (v?: string) => opt(v, (x) => new Ours('html', x));
  const date = (v?: string) => opt(v, (x) => new Ours('date', x));
  const view: View = {
    title: text(item.title), title_detail: { value: text(item.title) },
    link: opt(item.link, (x) => x), links: item.link ? [{ href: item.link }] : [],
    id: opt(item.id, (x) => x), guid: opt(item.id, (x) => x),
    author: opt(item.authors[0], (x) => new Ours('author', x)),
    author_detail: item.authors[0] ? splitAuthor(item.authors[0]) : MISSING,
    authors: item.authors.map(splitAuthor),
    // feedparser copies content into summary when an entry has no summary of its own.
    summary: html(item.summary ?? item.content), description: html(item.summary ?? item.content),
    summary_detail: { value: html(item.summary ?? item.content) }, description_detail: { value: html(item.summary ?? item.content) },
    content: item.content ? [{ value: new Ours('html', item.content) }] : [],
    tags: item.categories.map((term) => ({ term })), category: opt(item.categories[0], (x) => x),
  };
  for (const k of ['published', 'issued']) (view[k] = date(item.published), (view[`${k}_parsed`] = view[k]));
  for (const k of ['updated', 'modified', 'date']) (view[k] = date(item.updated ?? item.published), (view[`${k}_parsed`] = view[k]));
  return view;
}

export function resultView(feed: ParsedFeed | null): View {
  if (!feed) return { bozo: true, version: '', feed: {}, entries: [] };
  const text = opt(feed.title, (x) => new Ours('text', x));
  const description = opt(feed.description, (x) => new Ours('html', x));
  const updated = opt(feed.updated, (x) => new Ours('date', x));
  const view: View = {
    title: text, title_detail: { value: text }, link: opt(feed.link, (x) => x), links: feed.link ? [{ href: feed.link }] : [],
    language: opt(feed.language, (x) => x),
  };
  for (const k of ['description', 'subtitle', 'tagline']) (view[k] = description, (view[`${k}_detail`] = { value: description }));
  for (const k of ['updated', 'modified', 'date']) (view[k] = updated, (view[`${k}_parsed`] = updated));
  const entries = feed.items.map(entryView);
  return { bozo: feed.warnings.length > 0, version: new Ours('version', versionCode(feed)), feed: view, channel: view, entries, items: entries };
}
