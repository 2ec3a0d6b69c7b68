/**
 * The article described by a page's JSON-LD (schema.org). Outlets nest it in `@graph`, in arrays, or
 * next to Organization/WebSite/BreadcrumbList nodes; some emit JSON that `JSON.parse` rejects (raw line
 * breaks inside strings, trailing commas, HTML comments). We take the first article-typed node.
 */
import { cleanText } from './text.ts';

/** schema.org types that describe a news story (the NewsArticle family and blog posts). */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'scholarlyarticle',
  'report',
]);

/** Nodes we visit at most; a hostile page could nest or repeat JSON-LD without end. */
const MAX_NODES = 2000;
/** Scripts longer than this are skipped: real article JSON-LD is a few kB. */
const MAX_SCRIPT_CHARS = 500_000;

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  image: string | null;
  publisher: string | null;
  url: string | null;
  description: string | null;
  /** articleSection: the outlet's own section for the article (its first, when a list). */
  section: string | null;
}

type Json = unknown;

function parseLenient(text: string): Json {
  const stripped = text
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[/, '')
    .replace(/\/\/\s*\]\]>\s*$/, '');
  try {
    return JSON.parse(stripped);
  } catch {
    // Raw control characters inside strings and trailing commas are the common faults.
    const repaired = stripped.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

function typesOf(node: Record<string, Json>): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase().replace(/^.*[/:]/, ''));
}

/** Every object node in the JSON, breadth first, bounded. */
function objectNodes(root: Json): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const queue: Json[] = [root];
  let seen = 0;
  while (queue.length > 0 && seen < MAX_NODES) {
    const cur = queue.shift();
    seen++;
    // Children are queued one by one and only up to the bound: a spread of a huge array overflows.
    const children = Array.isArray(cur) ? cur : cur && typeof cur === 'object' ? Object.values(cur) : [];
    if (!Array.isArray(cur) && cur && typeof cur === 'object') out.push(cur as Record<string, Json>);
    for (const child of children) {
      if (queue.length >= MAX_NODES) break;
      if (child && typeof child === 'object') queue.push(child);
    }
  }
  return out;
}

function str(v: Json): string | null {
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return String(v);
  return null;
}

/** A name from "X", {name: "X"}, or a list of those. */
function names(v: Json): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      const s = cleanText(item);
      if (s) out.push(s);
    } else if (item && typeof item === 'object') {
      const s = str((item as Record<string, Json>)['name']);
      if (s) out.push(s);
    }
  }
  return out;
}

/** An image URL from "url", {url}, {contentUrl}, or a list of those. */
function imageUrl(v: Json): string | null {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return cleanText(first);
  if (first && typeof first === 'object') {
    const o = first as Record<string, Json>;
    return str(o['url']) ?? str(o['contentUrl']);
  }
  return null;
}

/** Read the first article node in the page's JSON-LD scripts, or null when there is none. */
export function readJsonLdArticle(doc: Document): JsonLdArticle | null {
  try {
    return firstArticle(doc);
  } catch {
    return null;
  }
}

function firstArticle(doc: Document): JsonLdArticle | null {
  const scripts = Array.from(doc.querySelectorAll('script[type]')).filter((s) =>
    /application\/ld\+json/i.test(s.getAttribute('type') ?? ''),
  );
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    const nodes = objectNodes(parseLenient(text));
    const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));
    if (!article) continue;
    const publisher = article['publisher'] ?? article['sourceOrganization'];
    const mainEntity = article['mainEntityOfPage'];
    const mainUrl =
      typeof mainEntity === 'string'
        ? mainEntity
        : mainEntity && typeof mainEntity === 'object' && !Array.isArray(mainEntity)
          ? str((mainEntity as Record<string, Json>)['@id'])
          : null;
    return {
      headline: str(article['headline']) ?? str(article['name']),
      datePublished: str(article['datePublished']) ?? str(article['dateCreated']),
      dateModified: str(article['dateModified']),
      authors: names(article['author'] ?? article['creator']),
      image: imageUrl(article['image'] ?? article['thumbnailUrl']),
      publisher: names(publisher)[0] ?? null,
      url: str(article['url']) ?? mainUrl,
      description: str(article['description']),
      section: str(Array.isArray(article['articleSection']) ? article['articleSection'][0] : article['articleSection']),
    };
  }
  return null;
}
