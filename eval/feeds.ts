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
import { parseFeed, FeedParseError } from '../src/feeds/index.ts';
import type { ParsedFeed } from '../src/model/feed.ts';
import { check, parsePython, type Node } from './feeds/python.ts';
import { fieldsOf } from './feeds/scope.ts';
import { resultView } from './feeds/view.ts';

export interface FeedsEval {
  pass_rate: number;
  passed: number;
  total: number;
  by_field: Record<string, { passed: number; total: number }>;
}


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
