/**
 * RSS 0.9x, 1.0 (RDF) and 2.0, and the CDF relative of RSS, into the common model. Extension
 * modules are read wherever outlets put the data: `dc:creator` for bylines, `content:encoded` for
 * full text, `dc:date` when there is no `pubDate`, `media:*` for photos.
 */
import type { FeedItem, ParsedFeed } from '../../model/feed.ts';
import type { XmlDocument, XmlElement } from '../xml/tree.ts';
import { attr, baseOf, childNamed, childText, childrenNamed, langOf, textOf } from '../xml/query.ts';
import { innerHtml } from '../xml/serialize.ts';
import { RSS_090_URI, isNamespace } from '../xml/namespaces.ts';
import { addAuthors, formatAuthor, normalizeAuthor } from '../authors.ts';
import { parseFeedDate } from '../dates.ts';
import { resolveHtmlUrls, resolveUrl } from '../urls.ts';
import { brokenItemReason, collectItems, newItem } from '../items.ts';
import { MAX_FEED_ITEMS } from '../limits.ts';
import { RSS, firstChild, htmlField, linkOf, plainField } from './fields.ts';
import { imageOf } from '../media.ts';
import { toPlainText } from '../text.ts';

const DC = ['dc'] as const;
const IDENTIFYING = new Set(['title', 'link', 'guid']);

function dateOf(el: XmlElement, candidates: ReadonlyArray<readonly [readonly string[], string]>): string | undefined {
  for (const [namespaces, local] of candidates) {
    for (const c of childrenNamed(el, namespaces, local)) {
      const d = parseFeedDate(textOf(c));
      if (d) return d;
    }
  }
  return undefined;
}

/** The alternate `<atom:link>` some RSS feeds add, used when `<link>` is missing. */
function atomAlternate(el: XmlElement): string | undefined {
  const link = childrenNamed(el, ['atom'], 'link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return link && attr(link, 'href');
}

/**
 * The item's link and id. A guid is a permalink unless it says `isPermaLink="false"`, and only a
 * permalink may stand in for a missing <link>; an opaque guid ("JA-diverse-407") is only an id.
 */
function linkAndId(item: XmlElement, documentBase: string | undefined): Pick<FeedItem, 'link' | 'id'> {
  const base = baseOf(item, documentBase);
  const linkEl = childrenNamed(item, RSS, 'link').find((l) => linkOf(l));
  const guidEl = childNamed(item, RSS, 'guid');
  const guid = guidEl ? textOf(guidEl).trim() : '';
  const permalink = !!guid && attr(guidEl!, 'ispermalink')?.trim().toLowerCase() !== 'false';
  const link = resolveUrl(
    (linkEl && linkOf(linkEl)) ?? atomAlternate(item) ?? attr(item, 'href') ?? (permalink && /^(https?:)?\/\//i.test(guid) ? guid : undefined),
    linkEl ? baseOf(linkEl, documentBase) : base,
  );
  const id = !guid ? childText(item, DC, 'identifier') : permalink && !/^[a-z][a-z0-9+.-]*:/i.test(guid) ? resolveUrl(guid, base) : guid;
  return { link, id };
}

function authorsOf(item: XmlElement): string[] {
  const out: string[] = [];
  for (const [namespaces, local] of [[RSS, 'author'], [DC, 'creator'], [DC, 'author'], [['itunes'], 'author']] as const) {
    for (const c of childrenNamed(item, namespaces, local)) addAuthors(out, normalizeAuthor(textOf(c)));
  }
  for (const a of childrenNamed(item, ['atom'], 'author')) {
    const name = childNamed(a, ['atom'], 'name');
    const email = childNamed(a, ['atom'], 'email');
    addAuthors(out, formatAuthor(name && textOf(name), email && textOf(email)));
  }
  return out;
}

function categoriesOf(item: XmlElement): string[] {
  const out: string[] = [];
  for (const [namespaces, local] of [[RSS, 'category'], [DC, 'subject'], [['media'], 'category']] as const) {
    for (const c of childrenNamed(item, namespaces, local)) {
      const term = toPlainText(textOf(c)) || attr(c, 'text')?.trim();
      if (term && !out.includes(term)) out.push(term);
    }
  }
  return out;
}

function readItem(item: XmlElement, documentBase: string | undefined): FeedItem | string {
  const broken = brokenItemReason(item, IDENTIFYING);
  if (broken) return broken;
  const base = baseOf(item, documentBase);
  const out = { ...newItem(), ...linkAndId(item, documentBase) };
  out.title = plainField(firstChild(item, [[RSS, 'title'], [DC, 'title'], [['media'], 'title']]));
  out.published = dateOf(item, [[RSS, 'pubdate'], [DC, 'date'], [['dcterms'], 'issued'], [['dcterms'], 'created']]);
  out.updated = dateOf(item, [[['dcterms'], 'modified'], [['atom'], 'updated']]);
  out.authors = authorsOf(item);

  const summary = htmlField(firstChild(item, [[RSS, 'description'], [DC, 'description'], [['itunes'], 'summary'], [['media'], 'description'], [RSS, 'abstract']]));
  // Full text: content:encoded, or an XHTML <body> as some early feeds carried it.
  const body = childNamed(item, ['xhtml'], 'body') ?? childNamed(item, RSS, 'body');
  const content = htmlField(firstChild(item, [[['content'], 'encoded'], [['atom'], 'content']])) ?? (body ? innerHtml(body).trim() || undefined : undefined);
  if (summary) out.summary = resolveHtmlUrls(summary, base);
  if (content) out.content = resolveHtmlUrls(content, base);

  out.categories = categoriesOf(item);
  out.image = resolveUrl(imageOf(item), base);
  out.language = langOf(item) ?? childText(item, DC, 'language');
  return out;
}

function versionOf(root: XmlElement, doc: XmlDocument): string | undefined {
  if (root.local === 'rdf') return [...root.scope.values()].some((uri) => isNamespace(uri, RSS_090_URI)) ? '0.90' : '1.0';
  const declared = attr(root, 'version')?.trim();
  if (declared || root.local !== 'rss') return declared || undefined;
  return doc.doctype?.publicId?.includes('RSS 0.91') ? '0.91' : undefined;
}

/** Parse a document whose root is `<rss>`, `<rdf:RDF>` or a bare `<channel>`. */
export function parseRss(doc: XmlDocument, root: XmlElement, url: string | undefined): ParsedFeed {
  const warnings = [...doc.warnings];
  const channel = root.local === 'channel' ? root : childNamed(root, RSS, 'channel') ?? root;
  const channelLink = childrenNamed(channel, RSS, 'link').find((l) => linkOf(l));
  const link = resolveUrl(
    (channelLink && linkOf(channelLink)) ?? atomAlternate(channel) ?? attr(channel, 'href'),
    baseOf(channelLink ?? channel, url),
  );
  const itemEls = childrenNamed(channel, RSS, 'item');
  if (channel !== root) itemEls.push(...childrenNamed(root, RSS, 'item'));
  const documentBase = url ?? link;

  const feed: ParsedFeed = {
    format: root.local === 'rdf' ? 'rdf' : 'rss',
    items: collectItems(itemEls, (el) => readItem(el, documentBase), MAX_FEED_ITEMS, warnings),
    sitemaps: [],
    warnings,
  };
  const version = versionOf(root, doc);
  if (version) feed.version = version;
  const title = plainField(firstChild(channel, [[RSS, 'title'], [DC, 'title']]));
  if (title) feed.title = title;
  if (link) feed.link = link;
  const description = htmlField(firstChild(channel, [[RSS, 'description'], [DC, 'description'], [['itunes'], 'summary'], [['itunes'], 'subtitle'], [RSS, 'abstract']]));
  if (description) feed.description = resolveHtmlUrls(description, baseOf(channel, documentBase));
  const language = childText(channel, RSS, 'language') ?? childText(channel, DC, 'language') ?? langOf(channel);
  if (language) feed.language = language;
  const updated = dateOf(channel, [[RSS, 'lastbuilddate'], [['dcterms'], 'modified'], [DC, 'date'], [RSS, 'pubdate'], [['atom'], 'updated']]);
  if (updated) feed.updated = updated;
  return feed;
}
