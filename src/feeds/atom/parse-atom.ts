/**
 * Atom 1.0 (RFC 4287) and its predecessor Atom 0.3 into the common model. Entries without an
 * author take the source's or the feed's, as RFC 4287 §4.2.1 prescribes.
 */
import type { FeedItem, ParsedFeed } from '../../model/feed.ts';
import type { XmlDocument, XmlElement } from '../xml/tree.ts';
import { attr, baseOf, childNamed, childrenNamed, langOf, textOf } from '../xml/query.ts';
import { ATOM_03_URI, isNamespace } from '../xml/namespaces.ts';
import { addAuthors, formatAuthor } from '../authors.ts';
import { parseFeedDate } from '../dates.ts';
import { resolveUrl } from '../urls.ts';
import { brokenItemReason, collectItems, newItem } from '../items.ts';
import { imageOf } from '../media.ts';
import { toPlainText } from '../text.ts';
import { MAX_FEED_ITEMS } from '../limits.ts';
import { readTextConstruct } from './text-construct.ts';

/** Atom elements; '' also accepts feeds that forgot the namespace declaration. */
const ATOM = ['atom', ''] as const;
const IDENTIFYING = new Set(['title', 'link', 'id']);

function dateOf(el: XmlElement, names: string[]): string | undefined {
  for (const name of names) {
    for (const c of childrenNamed(el, ATOM, name)) {
      const d = parseFeedDate(textOf(c));
      if (d) return d;
    }
  }
  return undefined;
}

/** The alternate link: `rel` absent or "alternate", preferring an HTML page among several. */
function alternateLink(el: XmlElement, documentBase: string | undefined): string | undefined {
  const alternates = childrenNamed(el, ATOM, 'link').filter((l) => (attr(l, 'rel')?.trim() || 'alternate') === 'alternate');
  const best = alternates.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html')) ?? alternates[0];
  if (!best) return undefined;
  return resolveUrl(attr(best, 'href') ?? textOf(best), baseOf(best, documentBase));
}

function authorsOf(el: XmlElement): string[] {
  const out: string[] = [];
  for (const a of childrenNamed(el, ATOM, 'author')) {
    const name = childNamed(a, ATOM, 'name');
    const email = childNamed(a, ATOM, 'email');
    // Some feeds put the name straight in <author>; take that text when there is no <name>.
    const fallback = !name && !email ? textOf(a) : undefined;
    addAuthors(out, formatAuthor(name ? textOf(name) : fallback, email && textOf(email)));
  }
  for (const c of childrenNamed(el, ['dc'], 'creator')) addAuthors(out, formatAuthor(textOf(c)));
  return out;
}

function readEntry(entry: XmlElement, documentBase: string | undefined, feedAuthors: string[]): FeedItem | string {
  const broken = brokenItemReason(entry, IDENTIFYING);
  if (broken) return broken;
  const base = baseOf(entry, documentBase);
  const out = newItem();
  const construct = (name: string) => {
    const el = childNamed(entry, ATOM, name);
    return readTextConstruct(el, el ? baseOf(el, documentBase) : base);
  };
  out.title = construct('title')?.text;
  out.link = alternateLink(entry, documentBase);
  const idEl = childNamed(entry, ATOM, 'id');
  const id = idEl ? textOf(idEl).trim() : '';
  // Ids are IRIs and compared as strings (RFC 4287 §4.2.6.1): only a path-relative one is resolved.
  out.id = /^\.{0,2}\//.test(id) && !id.startsWith('//') ? resolveUrl(id, baseOf(idEl!, documentBase)) : id || undefined;
  out.published = dateOf(entry, ['published', 'issued', 'created']);
  out.updated = dateOf(entry, ['updated', 'modified']);

  const source = childNamed(entry, ATOM, 'source');
  const own = authorsOf(entry);
  out.authors = own.length ? own : source && authorsOf(source).length ? authorsOf(source) : [...feedAuthors];

  out.summary = construct('summary')?.html;
  const contentEl = childrenNamed(entry, ATOM, 'content').find((c) => attr(c, 'src') === undefined);
  out.content = readTextConstruct(contentEl, contentEl ? baseOf(contentEl, documentBase) : base)?.html;

  for (const c of childrenNamed(entry, ATOM, 'category')) {
    // `term` identifies the category (RFC 4287 §4.2.2); `label` is only an optional display form.
    const term = toPlainText(attr(c, 'term') ?? attr(c, 'label') ?? textOf(c));
    if (term && !out.categories.includes(term)) out.categories.push(term);
  }
  for (const c of childrenNamed(entry, ['dc'], 'subject')) {
    const term = toPlainText(textOf(c));
    if (term && !out.categories.includes(term)) out.categories.push(term);
  }
  out.image = resolveUrl(imageOf(entry), base);
  out.language = langOf(entry);
  return out;
}

/** Parse a document whose root is an Atom `<feed>`. */
export function parseAtom(doc: XmlDocument, root: XmlElement, url: string | undefined): ParsedFeed {
  const warnings = [...doc.warnings];
  const link = alternateLink(root, url);
  const documentBase = url ?? link;
  const feedAuthors = authorsOf(root);
  const feed: ParsedFeed = {
    format: 'atom',
    items: collectItems(childrenNamed(root, ATOM, 'entry'), (e) => readEntry(e, documentBase, feedAuthors), MAX_FEED_ITEMS, warnings),
    sitemaps: [],
    warnings,
  };
  const version = isNamespace(root.nsUri, ATOM_03_URI) ? '0.3' : root.ns === 'atom' ? '1.0' : attr(root, 'version')?.trim();
  if (version) feed.version = version;
  const base = baseOf(root, documentBase);
  const title = readTextConstruct(childNamed(root, ATOM, 'title'), base)?.text;
  if (title) feed.title = title;
  if (link) feed.link = link;
  const subtitle = childNamed(root, ATOM, 'subtitle') ?? childNamed(root, ATOM, 'tagline');
  const description = readTextConstruct(subtitle, subtitle ? baseOf(subtitle, documentBase) : base)?.html;
  if (description) feed.description = description;
  const language = langOf(root);
  if (language) feed.language = language;
  const updated = dateOf(root, ['updated', 'modified']);
  if (updated) feed.updated = updated;
  return feed;
}
