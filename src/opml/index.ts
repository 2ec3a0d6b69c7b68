import { parseDocument, DomUtils } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
// escapeUTF8, not escapeAttribute: XML forbids a raw < in attribute values, which escapeAttribute leaves.
import { escapeUTF8 } from 'entities';
import type { NewSource, Source } from '../model/index.ts';

/** One feed from an OPML subscription list. */
export interface OpmlFeed extends NewSource {
  category: string | null;
}

export class OpmlError extends Error {}

/**
 * Read the feeds of an OPML file (OPML 1.0/2.0 as feed readers export it). Outlines without an
 * xmlUrl are folders; their `text` becomes the category of the feeds inside them.
 */
export function parseOpml(xml: string): OpmlFeed[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const root = DomUtils.findOne((e) => e.name.toLowerCase() === 'opml', doc.children, true);
  if (!root) throw new OpmlError('not an OPML file: no <opml> element');
  const feeds: OpmlFeed[] = [];
  const walk = (nodes: ChildNode[], category: string | null) => {
    for (const node of nodes) {
      if (node.type !== 'tag' || node.name.toLowerCase() !== 'outline') {
        if ('children' in node && node.type === 'tag') walk(node.children, category);
        continue;
      }
      const attr = node.attribs;
      const url = attr.xmlUrl ?? attr.xmlurl ?? attr.url;
      if (url) {
        feeds.push({
          name: (attr.title || attr.text || url).trim(),
          url: url.trim(),
          home_url: attr.htmlUrl ?? attr.htmlurl ?? null,
          kind: /sitemap/i.test(attr.type ?? '') || /sitemap[^/]*\.xml/i.test(url) ? 'sitemap' : 'feed',
          country: attr.country ?? null,
          lang: attr.language ?? null,
          category: attr.category ?? category,
        });
      }
      walk(node.children, attr.xmlUrl ? category : (attr.text ?? attr.title ?? category));
    }
  };
  walk(root.children, null);
  return feeds;
}

/** OPML 2.0 of the sources, for another feed reader or another Marsad. */
export function buildOpml(sources: Source[], title = 'مصادر مرصد'): string {
  const attr = (v: string) => `"${escapeUTF8(v)}"`;
  const lines = sources
    .filter((s) => s.kind !== 'import')
    .map((s) => {
      const parts = [`type="${s.kind === 'sitemap' ? 'sitemap' : 'rss'}"`, `text=${attr(s.name)}`, `title=${attr(s.name)}`, `xmlUrl=${attr(s.url)}`];
      if (s.home_url) parts.push(`htmlUrl=${attr(s.home_url)}`);
      if (s.lang) parts.push(`language=${attr(s.lang)}`);
      if (s.country) parts.push(`country=${attr(s.country)}`);
      return `    <outline ${parts.join(' ')}/>`;
    });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeUTF8(title)}</title><dateCreated>${new Date().toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
