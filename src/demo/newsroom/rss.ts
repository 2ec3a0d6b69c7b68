/** RSS 2.0, shared by the three outlets that publish it (nile, maghreb, wire), each with its own habits. */
import { esc } from './layout.ts';

export interface RssItem {
  title: string;
  link: string;
  guid: string;
  /** RSS 2.0 reads a guid as the item's URL unless told otherwise. */
  guidIsPermaLink: boolean;
  description: string;
  creator?: string;
  categories: string[];
  /** RFC 822; omitted by outlets whose feeds carry no dates. */
  pubDate?: string;
}

export interface RssChannel {
  title: string;
  link: string;
  description: string;
  selfUrl: string;
  lastBuildDate?: string;
  items: RssItem[];
}

function item(i: RssItem): string {
  const lines = [
    `<title>${esc(i.title)}</title>`,
    `<link>${esc(i.link)}</link>`,
    `<guid isPermaLink="${i.guidIsPermaLink}">${esc(i.guid)}</guid>`,
    `<description>${esc(i.description)}</description>`,
  ];
  if (i.creator) lines.push(`<dc:creator>${esc(i.creator)}</dc:creator>`);
  for (const c of i.categories) lines.push(`<category>${esc(c)}</category>`);
  if (i.pubDate) lines.push(`<pubDate>${i.pubDate}</pubDate>`);
  return `<item>\n  ${lines.join('\n  ')}\n</item>`;
}

export function renderRss(channel: RssChannel): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${esc(channel.title)}</title>
<link>${esc(channel.link)}</link>
<description>${esc(channel.description)}</description>
<language>ar</language>
${channel.lastBuildDate ? `<lastBuildDate>${channel.lastBuildDate}</lastBuildDate>\n` : ''}<atom:link href="${esc(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
${channel.items.map(item).join('\n')}
</channel>
</rss>
`;
}
