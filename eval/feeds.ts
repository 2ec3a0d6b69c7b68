/**
 * Feed parser quality against Universal Feed Parser's own test cases (../shared/peer-suites/feedparser).
 * Each case's `Expect:` line is a Python expression over feedparser's result. We parse the small
 * subset of Python those lines use, decide from the keys an expression touches whether it is about
 * something our model holds (titles, links, ids, dates, authors, summary/content, categories,
 * language, version), and evaluate the in-scope ones against a feedparser-shaped view of our
 * ParsedFeed. Our model is not feedparser's, so comparisons translate rather than copy:
 * - titles are plain text in our model: the expected value passes raw or as the text of its HTML;
 * - summary/content are HTML: compared as parsed DOMs (attribute order, `<br/>` vs `<br />`,
 *   entity spelling ignored), or as text when feedparser returned a plain-text construct;
 * - dates: feedparser's raw strings and `*_parsed` tuples against our ISO instants; feedparser files
 *   `dc:date` under "updated" where we call it "published", so an expected updated date may match
 *   our published one when we have no updated date;
 * - authors: we keep "Name (email)" strings; `author_detail` is read back from them;
 * - feedparser copies an entry's content into its summary when it has none; so does the view here;
 * - `bozo` is true when we threw or reported warnings.
 * The `sanitize` folder is out of scope: HTML is cleaned by src/sanitize, after this stage.
 */
import { readFile } from 'node:fs/promises';
import { htmlToText, collapseWhitespace } from '../src/feeds/text.ts';
import { normalizeAuthor } from '../src/feeds/authors.ts';
import { parseFeedDate } from '../src/feeds/dates.ts';
import { parseFeed, FeedParseError } from '../src/feeds/index.ts';
import type { FeedItem, ParsedFeed } from '../src/model/feed.ts';
import { Parser } from 'htmlparser2';

export interface FeedsEval {
  pass_rate: number;
  passed: number;
  total: number;
  by_field: Record<string, { passed: number; total: number }>;
}

// ---- A tiny Python expression parser -------------------------------------------------------------

type Node =
  | { t: 'name'; id: string }
  | { t: 'const'; v: unknown }
  | { t: 'seq'; items: Node[] }
  | { t: 'dict'; keys: Node[]; values: Node[] }
  | { t: 'sub'; obj: Node; key: Node }
  | { t: 'attr'; obj: Node; name: string }
  | { t: 'call'; fn: Node; args: Node[] }
  | { t: 'bool'; op: 'and' | 'or'; items: Node[] }
  | { t: 'not'; x: Node }
  | { t: 'cmp'; first: Node; ops: string[]; rest: Node[] }
  | { t: 'add'; l: Node; r: Node; minus: boolean };

const TOKEN = /\s*(?:([uUrRbB]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\d+\.\d+|\d+)|([A-Za-z_]\w*)|(==|!=|<=|>=|[-+<>()[\]{},:.]))/y;

function unescape(body: string, raw: boolean): string {
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.|\n)/g, (_, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\n': '' } as Record<string, string>)[e] ?? e;
  });
}

function tokenize(src: string): Array<{ k: string; v: unknown }> {
  const out: Array<{ k: string; v: unknown }> = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.trimEnd().length) {
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot tokenize at ${TOKEN.lastIndex}`);
    if (m[2]) {
      const q = m[2].startsWith('"""') || m[2].startsWith("'''") ? 3 : 1;
      out.push({ k: 'str', v: unescape(m[2].slice(q, -q), /r/i.test(m[1] ?? '')) });
    } else if (m[3]) out.push({ k: 'num', v: Number(m[3]) });
    else if (m[4]) out.push({ k: ['and', 'or', 'not', 'in', 'is', 'None', 'True', 'False'].includes(m[4]) ? m[4] : 'name', v: m[4] });
    else out.push({ k: m[5]!, v: m[5] });
  }
  return out;
}

function parsePython(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = (k: string, o = 0) => toks[i + o]?.k === k;
  const eat = (k: string) => {
    if (!peek(k)) throw new Error(`expected ${k} at token ${i}`);
    return toks[i++]!;
  };
  const expr = (): Node => orExpr();
  const orExpr = (): Node => boolOf('or', andExpr);
  const andExpr = (): Node => boolOf('and', notExpr);
  function boolOf(op: 'and' | 'or', next: () => Node): Node {
    const items = [next()];
    while (peek(op)) (i++, items.push(next()));
    return items.length === 1 ? items[0]! : { t: 'bool', op, items };
  }
  const notExpr = (): Node => (peek('not') ? (i++, { t: 'not', x: notExpr() }) : comparison());
  function comparison(): Node {
    const first = sum();
    const ops: string[] = [];
    const rest: Node[] = [];
    for (;;) {
      let op: string | undefined;
      if (['==', '!=', '<', '>', '<=', '>=', 'in'].some((k) => peek(k))) op = String(toks[i++]!.v);
      else if (peek('not') && peek('in', 1)) (i += 2, (op = 'not in'));
      else if (peek('is')) (i++, (op = peek('not') ? (i++, 'is not') : 'is'));
      if (!op) break;
      ops.push(op);
      rest.push(sum());
    }
    return ops.length ? { t: 'cmp', first, ops, rest } : first;
  }
  function sum(): Node {
    let l = postfix();
    while (peek('+') || peek('-')) l = { t: 'add', minus: toks[i++]!.k === '-', l, r: postfix() };
    return l;
  }
  function postfix(): Node {
    let n = atom();
    for (;;) {
      if (peek('[')) (i++, (n = { t: 'sub', obj: n, key: expr() }), eat(']'));
      else if (peek('.')) (i++, (n = { t: 'attr', obj: n, name: String(eat('name').v) }));
      else if (peek('(')) (i++, (n = { t: 'call', fn: n, args: list(')') }));
      else return n;
    }
  }
  function list(close: string): Node[] {
    const items: Node[] = [];
    while (!peek(close)) (items.push(expr()), peek(',') && i++);
    eat(close);
    return items;
  }
  function atom(): Node {
    const tok = toks[i++];
    if (!tok) throw new Error('unexpected end');
    if (tok.k === '-') return { t: 'const', v: -(atom() as { v: number }).v };
    if (tok.k === 'str') {
      let v = String(tok.v);
      while (peek('str')) v += String(toks[i++]!.v);
      return { t: 'const', v };
    }
    if (tok.k === 'num') return { t: 'const', v: tok.v };
    if (tok.k === 'None' || tok.k === 'True' || tok.k === 'False') return { t: 'const', v: { None: null, True: true, False: false }[tok.k] };
    if (tok.k === 'name') return { t: 'name', id: String(tok.v) };
    if (tok.k === '(' || tok.k === '[') {
      const items = list(tok.k === '(' ? ')' : ']');
      return items.length === 1 && tok.k === '(' ? items[0]! : { t: 'seq', items };
    }
    if (tok.k === '{') {
      const keys: Node[] = [];
      const values: Node[] = [];
      while (!peek('}')) (keys.push(expr()), eat(':'), values.push(expr()), peek(',') && i++);
      eat('}');
      return { t: 'dict', keys, values };
    }
    throw new Error(`unexpected ${tok.k}`);
  }
  const tree = expr();
  if (i !== toks.length) throw new Error('trailing tokens');
  return tree;
}

// ---- Scope: which feedparser keys our model answers ---------------------------------------------

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
function fieldsOf(tree: Node): Set<string> | null {
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

// ---- Our result, shaped like feedparser's ---------------------------------------------------------

/** A value our model holds, compared the way the module comment describes. */
class Ours {
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

const MISSING = Symbol('missing');
type View = Record<string, unknown>;

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

function resultView(feed: ParsedFeed | null): View {
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

// ---- Evaluating the expression --------------------------------------------------------------------

class KeyMissing extends Error {}

function get(obj: unknown, key: unknown): unknown {
  if (obj === MISSING) throw new KeyMissing();
  if (Array.isArray(obj) && typeof key === 'number') {
    const v = obj[key < 0 ? obj.length + key : key];
    if (v === undefined) throw new KeyMissing();
    return v;
  }
  const v = obj && typeof obj === 'object' ? (obj as View)[String(key)] : undefined;
  if (v === undefined || v === MISSING) throw new KeyMissing();
  return v;
}

function equal(a: unknown, b: unknown): boolean {
  if (a instanceof Ours) return a.equals(b);
  if (b instanceof Ours) return b.equals(a);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => equal((a as View)[k], (b as View)[k]));
  }
  return a === b;
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== MISSING && v !== null && v !== false && v !== 0 && v !== '';
}

function evaluate(n: Node, env: View): unknown {
  switch (n.t) {
    case 'const': return n.v;
    case 'name': return get(env, n.id);
    case 'seq': return n.items.map((x) => evaluate(x, env));
    case 'dict': return Object.fromEntries(n.keys.map((k, i) => [String(evaluate(k, env)), evaluate(n.values[i]!, env)]));
    case 'sub': return get(evaluate(n.obj, env), evaluate(n.key, env));
    case 'attr': return get(evaluate(n.obj, env), n.name);
    case 'not': return !truthy(evaluate(n.x, env));
    case 'add': return (evaluate(n.l, env) as string) + (evaluate(n.r, env) as string);
    case 'bool':
      for (const x of n.items) if (truthy(evaluate(x, env)) === (n.op === 'or')) return n.op === 'or';
      return n.op === 'and';
    case 'call': {
      if (n.fn.t === 'name' && n.fn.id === 'len') return (evaluate(n.args[0]!, env) as unknown[]).length;
      if (n.fn.t === 'attr' && n.fn.name === 'has_key') {
        try { return (get(evaluate(n.fn.obj, env), evaluate(n.args[0]!, env)), true); } catch { return false; }
      }
      if (n.fn.t === 'attr' && n.fn.name === 'get') {
        try { return get(evaluate(n.fn.obj, env), evaluate(n.args[0]!, env)); } catch { return n.args[1] ? evaluate(n.args[1], env) : null; }
      }
      throw new Error('unsupported call');
    }
    case 'cmp': {
      let left = evaluate(n.first, env);
      for (let i = 0; i < n.ops.length; i++) {
        const op = n.ops[i]!;
        const right = evaluate(n.rest[i]!, env);
        const has = () => { try { return (get(right, left), true); } catch { return false; } };
        const ok = op === '==' || op === 'is' ? equal(left, right) : op === '!=' || op === 'is not' ? !equal(left, right)
          : op === 'in' ? has() : op === 'not in' ? !has() : false;
        if (!ok) return false;
        left = right;
      }
      return true;
    }
  }
}

/** Run one expression: true/false, with a missing key failing the case as a KeyError fails upstream. */
function check(tree: Node, view: View): boolean {
  try {
    return truthy(evaluate(tree, view));
  } catch (err) {
    if (err instanceof KeyMissing) return false;
    throw err;
  }
}

// ---- Running the suite ----------------------------------------------------------------------------

interface Case {
  path: string;
  origin_path: string;
  group: string;
  expect: string;
  via_http?: boolean;
  http_headers?: Record<string, string>;
}

/** Why a case is not measured, or undefined when it is. */
function outOfScope(c: Case, tree: Node | null): string | undefined {
  if (c.group === 'sanitize') return 'sanitizing HTML is src/sanitize\'s job, after this stage';
  if (!tree) return 'expression the evaluator does not understand';
  const headers = Object.keys(c.http_headers ?? {}).map((h) => h.toLowerCase());
  if (headers.some((h) => h !== 'content-type' && h !== 'content-location')) return 'depends on HTTP headers parseFeed does not take';
  return fieldsOf(tree) ? undefined : 'about fields our model does not hold';
}

function parseCase(bytes: Uint8Array, c: Case): ParsedFeed | null {
  const headers = Object.fromEntries(Object.entries(c.http_headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const docUri = c.via_http ? `http://127.0.0.1:8097/${c.origin_path}` : undefined;
  const url = headers['content-location'] && docUri ? new URL(headers['content-location'], docUri).href : docUri;
  const contentType = headers['content-type'] ?? (c.via_http ? 'text/xml' : undefined);
  try {
    return parseFeed(bytes, { ...(url ? { url } : {}), ...(contentType ? { contentType } : {}) });
  } catch (err) {
    if (err instanceof FeedParseError) return null;
    throw err;
  }
}

export interface CaseResult {
  path: string;
  expect: string;
  status: 'pass' | 'fail' | 'skip';
  reason?: string;
}

/** Every case with its outcome; `dir` defaults to ../shared/peer-suites/feedparser. */
export async function runFeedCases(dir: URL): Promise<CaseResult[]> {
  const index = await readFile(new URL('index.jsonl', dir), 'utf8');
  const results: CaseResult[] = [];
  for (const line of index.split('\n').filter((l) => l.trim())) {
    const c = JSON.parse(line) as Case;
    let tree: Node | null = null;
    try {
      tree = parsePython(c.expect);
    } catch {
      tree = null;
    }
    const reason = outOfScope(c, tree);
    if (reason || !tree) {
      results.push({ path: c.path, expect: c.expect, status: 'skip', reason: reason ?? 'unparsed' });
      continue;
    }
    const feed = parseCase(await readFile(new URL(c.path, dir)), c);
    let ok = false;
    try {
      ok = check(tree, resultView(feed));
    } catch (err) {
      results.push({ path: c.path, expect: c.expect, status: 'skip', reason: `evaluator: ${(err as Error).message}` });
      continue;
    }
    results.push({ path: c.path, expect: c.expect, status: ok ? 'pass' : 'fail' });
  }
  return results;
}

/** Pass rate over the in-scope cases, overall and per field; null when ../shared is absent. */
export async function evalFeeds(): Promise<FeedsEval | null> {
  const dir = new URL('../../shared/peer-suites/feedparser/', import.meta.url);
  try {
    await readFile(new URL('index.jsonl', dir));
  } catch {
    process.stderr.write('evalFeeds: ../shared/peer-suites/feedparser is absent; skipping the feedparser evaluation\n');
    return null;
  }
  const results = await runFeedCases(dir);
  const by_field: FeedsEval['by_field'] = {};
  let passed = 0;
  let total = 0;
  for (const r of results) {
    if (r.status === 'skip') continue;
    total++;
    if (r.status === 'pass') passed++;
    for (const field of fieldsOf(parsePython(r.expect)) ?? []) {
      const f = (by_field[field] ??= { passed: 0, total: 0 });
      f.total++;
      if (r.status === 'pass') f.passed++;
    }
  }
  return { pass_rate: total ? passed / total : 0, passed, total, by_field };
}
