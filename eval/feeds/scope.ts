/** Which feedparser keys our model answers, and so which Expect lines are in scope. */
import type { Node } from './python.ts';


const DATE_KEYS = ['published', 'issued', 'updated', 'modified', 'date'];
const DATES = DATE_KEYS.flatMap((k) => [k, `${k}_parsed`]);
/** feedparser key path (without the root) → the field of ours it measures. '#' is any index. */
const FEED_SCOPE: Record<string, string> = {
  title: 'feed.title', 'title_detail.value': 'feed.title', link: 'feed.link', 'links.0.href': 'feed.link',
  ...Object.fromEntries(['description', 'subtitle', 'tagline'].flatMap((k) => [[k, 'feed.description'], [`${k}_detail.value`, 'feed.description']])),
  language: 'feed.language', ...Object.fromEntries(['updated', 'modified', 'date'].flatMap((k) => [[k, 'feed.updated'], [`${k}_parsed`, 'feed.updated']])),
};
const ENTRY_SCOPE: Record<string, string> = {
  title: 'entry.title', 'title_detail.value': 'entry.title', link: 'entry.link', 'links.0.href': 'entry.link',
  id: 'entry.id', guid: 'entry.id', ...Object.fromEntries(DATES.map((k) => [k, 'entry.dates'])),
  author: 'entry.author', 'author_detail.name': 'entry.author', 'author_detail.email': 'entry.author',
  'authors.#.name': 'entry.author', 'authors.#.email': 'entry.author',
  ...Object.fromEntries(['summary', 'description'].flatMap((k) => [[k, 'entry.summary'], [`${k}_detail.value`, 'entry.summary']])),
  'content.0.value': 'entry.content', tags: 'entry.categories', 'tags.#.term': 'entry.categories', category: 'entry.categories',
};

/** The access paths of an expression: entries[0]['title'] → ['entries', 0, 'title']. */
function paths(n: Node, out: unknown[][] = []): unknown[][] {
  const chain = (x: Node): unknown[] | null => {
    if (x.t === 'name') return [x.id];
    if (x.t === 'sub' && x.key.t === 'const') return chain(x.obj)?.concat([x.key.v]) ?? null;
    if (x.t === 'attr') return chain(x.obj)?.concat([x.name]) ?? null;
    if (x.t === 'call' && x.fn.t === 'attr' && ['has_key', 'get'].includes(x.fn.name) && x.args[0]?.t === 'const') {
      return chain(x.fn.obj)?.concat([x.args[0].v]) ?? null;
    }
    return null;
  };
  const c = chain(n);
  if (c) return (out.push(c), out);
  if (n.t === 'call' && n.fn.t === 'name' && n.fn.id === 'len') n.args.forEach((a) => paths(a, out));
  else if (n.t === 'call') out.push(['<call>']);
  else if (n.t === 'sub') out.push(['<dynamic>']);
  else if (n.t === 'cmp' && n.ops.some((o) => o.endsWith('in')) && n.first.t === 'const') {
    out.push([...(chain(n.rest[0]!) ?? ['<in>']), n.first.v]);
  } else for (const k of Object.values(n)) {
    if (Array.isArray(k)) k.forEach((x) => typeof x === 'object' && paths(x as Node, out));
    else if (k && typeof k === 'object') paths(k as Node, out);
  }
  return out;
}

/** The fields an expression measures, or null when it touches anything out of scope. */
export function fieldsOf(tree: Node): Set<string> | null {
  const fields = new Set<string>();
  for (const p of paths(tree)) {
    const [root, ...rest] = p;
    let field: string | undefined;
    if (root === 'bozo' && rest.length === 0) field = 'bozo';
    else if (root === 'version' && rest.length === 0) field = 'version';
    else if (root === 'feed' || root === 'channel') field = FEED_SCOPE[rest.join('.')];
    else if ((root === 'entries' || root === 'items') && typeof rest[0] === 'number') {
      field = rest.length === 1 ? 'entries' : ENTRY_SCOPE[rest.slice(1).map((k) => (typeof k === 'number' && k > 0 ? '#' : k)).join('.')]
        ?? ENTRY_SCOPE[rest.slice(1).map((k) => (typeof k === 'number' ? '#' : k)).join('.')];
    } else if (root === 'entries' && rest.length === 0) field = 'entries';
    if (!field) return null;
    fields.add(field);
  }
  return fields;
}
