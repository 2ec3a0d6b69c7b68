// Bad input from users: every CLI command with bad arguments, every API and page parameter with
// garbage. The answer is always a clear refusal (exit 2 and one line on stderr; HTTP 400 or 404 with a
// message), never a stack trace or a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';
import { loadSettings } from '../src/config/settings.ts';
import { silentLogger } from '../src/log/index.ts';
import { apiFixture } from '../src/web/api/fixture.test-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-bad-input-'));
const db = join(dir, 'marsad.db');
const missing = (name: string) => join(dir, 'missing', name);
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** Each command with the kinds of mistakes people make: unknown command or flag, missing value, bad number, date, URL or file. */
const BAD_USAGE: string[][] = [
  ['frobnicate'], ['--frobnicate'], ['crowl', '--once'],
  ['crawl'], ['crawl', '--once', '--bogus'], ['crawl', '--once', 'extra'],
  ['sources'], ['sources', 'explode'], ['sources', 'add'], ['sources', 'add', 'صحيفة الوطن'], ['sources', 'add', 'ftp://alwatan.example/feed'],
  ['sources', 'add', 'http://'], ['sources', 'add', 'https://alwatan.example/rss', '--name'], ['sources', 'remove'], ['sources', 'remove', 'abc'],
  ['sources', 'remove', '99999999999999999999999'], ['sources', 'pause', '١٢'], ['sources', 'resume', '3.5'], ['sources', 'import-opml'],
  ['sources', 'import-opml', missing('outlets.opml')], ['sources', 'list', '--json=yes'],
  ['import'], ['import', missing('dump.jsonl')], ['import', dir], ['import', '--gzip', 'x.jsonl'],
  ['export', 'extra'], ['export', '--colour'], ['migrate', 'now'], ['retag', 'all'], ['retag', '--force'],
  ['search'], ['search', 'الرياض', '--limit'], ['search', 'الرياض', '--limit', 'abc'], ['search', 'الرياض', '--limit', '0'],
  ['search', 'الرياض', '--limit', '1.5'], ['search', 'الرياض', '--sort', 'sideways'], ['search', 'الرياض', '--cursor', 'garbage'],
  ['search', 'الرياض', 'من:notadate'], ['search', 'from:2026-13-45'], ['search', '"'], ['search', 'ا'.repeat(5_000)],
  ['extract'], ['extract', '--file'], ['extract', '--file', missing('page.html')], ['extract', '--file', dir], ['extract', '--url', 'ftp://alwatan.example/a'],
  ['extract', '--url', 'not a url'],
  ['feed'], ['feed', '--bogus'], ['feed', '--url'],
  ['analyze', '--file', missing('article.txt')], ['analyze', '--jsonl', missing('articles.jsonl')], ['analyze', '--jsonl'], ['analyze', 'extra'],
  ['web', '--port', 'http'], ['web', '--port', '99999'], ['web', '--port', '-1'], ['web', '--port'], ['start', '--port', '1e3'], ['start', '--bogus'],
  ['demo', '--port', 'abc'], ['worker', '--concurrency', 'abc'], ['worker', '--lease-seconds', '-5'], ['worker', '--grace-seconds'], ['worker', '--idle-seconds', '0'],
  ['copy'], ['copy', '--to', 'mysql://u@h/d'], ['copy', '--to', 'postgres://u@h/d', '--batch', 'abc'], ['copy', 'extra'],
  ['export', '--database-url', 'not a url'], ['export', '--db'],
  ['bench', '--bogus'], ['bench', '--out'],
];

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // --db keeps every command away from data/marsad.db; commands that refuse both flags are given neither.
  const withDb = args.includes('--db') || args.includes('--database-url') || args[0] === 'copy' ? args : [...args, '--db', db];
  const code = await runCli(withDb, { settings: loadSettings({}), log: silentLogger, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

test('every command answers bad usage with exit code 2 and one line that says what to do, never a stack trace', async () => {
  for (const args of BAD_USAGE) {
    const label = args.join(' ').slice(0, 60);
    const r = await cli(args);
    assert.equal(r.code, 2, `${label} → exit ${r.code}: ${r.err.join(' | ')}`);
    assert.equal(r.err.length, 1, `${label}: ${r.err.join(' | ')}`);
    const line = r.err[0]!;
    assert.match(line, /^marsad \S+: \S/, label);
    assert.doesNotMatch(line, /\n|\bat .*:\d+:\d+|TypeError|RangeError|ReferenceError|undefined|NaN|\[object/, `${label}: ${line}`);
    assert.ok(line.length < 400 || args.some((a) => a.length > 1000), `${label}: a message longer than a line: ${line.length}`);
  }
});

test('a file named on the command line that is missing is bad usage for each command that reads one', async () => {
  for (const args of [['import', missing('dump.jsonl')], ['extract', '--file', missing('page.html')], ['analyze', '--file', missing('a.txt')], ['sources', 'import-opml', missing('x.opml')]]) {
    const r = await cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err[0]!, /missing|ENOENT|no such file/, r.err[0]);
  }
  // `feed` reports each file on its own line and goes on; a missing one is a failed item (exit 1).
  const feed = await cli(['feed', missing('a.xml')]);
  assert.equal(feed.code, 1);
  assert.deepEqual(feed.err, []);
  assert.match(JSON.parse(feed.out[0]!).error, /ENOENT/);
});

test('a real marsad process gives the same exit code and single line for bad usage', async () => {
  const main = new URL('../src/cli/main.ts', import.meta.url).pathname;
  const run = (args: string[]) => new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args, '--db', db], { env: { ...process.env, MARSAD_LOG: 'silent' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
  const [limit, port] = await Promise.all([run(['search', 'الرياض', '--limit', 'كثير']), run(['web', '--port'])]);
  assert.equal(limit.code, 2);
  assert.equal(limit.stderr, 'marsad search: --limit takes a whole number from 1 to 100\n');
  assert.equal(port.code, 2);
  assert.equal(port.stderr.trim().split('\n').length, 1, port.stderr);
  assert.match(port.stderr, /^marsad web: --port needs a value/);
});

const HUGE = 'الرياض '.repeat(20_000);

/** [path, expected status]: 400 for a malformed parameter, 404 for a path that names nothing. */
const BAD_API: Array<[string, 400 | 404]> = [
  ['/api/v1/articles?limit=abc', 400], ['/api/v1/articles?limit=0', 400], ['/api/v1/articles?limit=-5', 400], ['/api/v1/articles?limit=1e3', 400],
  ['/api/v1/articles?limit=99999999999999999999', 400], ['/api/v1/articles?limit=%D9%A5', 400],
  ['/api/v1/articles?cursor=garbage', 400], ['/api/v1/articles?cursor=2015-08-11T21:00:00.000Z~abc', 400], ['/api/v1/articles?cursor=9999-99-99~1', 400],
  ['/api/v1/articles?cursor=%FF%FE', 400], [`/api/v1/articles?cursor=2015-08-11~${'9'.repeat(400)}`, 400],
  ['/api/v1/articles?source_id=abc', 400], ['/api/v1/articles?source_id=99999999999999999999999', 400], ['/api/v1/articles?source_id=-1', 400],
  ['/api/v1/articles?tag=%FF', 404], [`/api/v1/articles?tag=${encodeURIComponent(HUGE)}`, 404],
  ['/api/v1/articles/notanumber', 404], ['/api/v1/articles/99999999999999999999', 404], ['/api/v1/articles/-1', 404], ['/api/v1/articles/1.5', 404],
  ['/api/v1/articles/%FF', 404],
  ['/api/v1/stories?sort=sideways', 400], ['/api/v1/stories?cursor=o99999999', 400], ['/api/v1/stories?cursor=garbage', 400], ['/api/v1/stories?limit=abc', 400],
  ['/api/v1/stories/abc', 404], ['/api/v1/stories/%00', 404],
  ['/api/v1/tags/%FF', 404], ['/api/v1/tags/%00', 404], [`/api/v1/tags/${encodeURIComponent(HUGE)}`, 404], ['/api/v1/tags/riyadh?cursor=bad', 400],
  ['/api/v1/tags/riyadh?limit=0', 400],
  ['/api/v1/sources/abc', 404], ['/api/v1/sources/%FF', 404],
  ['/api/v1/search?q=', 400], ['/api/v1/search', 400], [`/api/v1/search?q=${encodeURIComponent(HUGE)}`, 400], ['/api/v1/search?q=%00%01%02', 400],
  ['/api/v1/search?q=%22%22%22', 400], ['/api/v1/search?q=(((((((', 400], ['/api/v1/search?q=from:notadate', 400],
  [`/api/v1/search?q=${encodeURIComponent('الرياض من:أمس_البارحة')}`, 400], [`/api/v1/search?q=${encodeURIComponent('الرياض إلى:2026-02-30')}`, 400],
  ['/api/v1/search?q=x&sort=zzz', 400], ['/api/v1/search?q=x&limit=abc', 400], ['/api/v1/search?q=x&cursor=garbage', 400],
  ['/api/v1/%FF', 404], ['/api/v1/nothing-here', 404],
];

test('every API parameter answers garbage with a 400 or 404 JSON error that says what to do, never a 500', async () => {
  const { app, store } = await apiFixture();
  try {
    for (const [path, status] of BAD_API) {
      const res = await app.request(path);
      const label = path.slice(0, 80);
      assert.equal(res.status, status, `${label} → ${res.status}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, label);
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      assert.equal(typeof body.error?.code, 'string', label);
      assert.ok(typeof body.error?.message === 'string' && body.error.message.length > 10, `${label}: ${JSON.stringify(body)}`);
      assert.doesNotMatch(String(body.error?.message), /\bat .*:\d+:\d+|TypeError|SqliteError|SQLITE_/, label);
    }
    // Binary bytes in a query are only words that match nothing: a 200 with no results, not an error.
    const binary = await app.request('/api/v1/search?q=%FF%FE%C0%AF');
    assert.equal(binary.status, 200);
    assert.equal(((await binary.json()) as { total: number }).total, 0);
  } finally {
    await store.close();
  }
});

const BAD_PAGES: Array<[string, 400 | 404]> = [
  ['/article/notanumber', 404], ['/article/99999999999999999999', 404], ['/article/%FF', 404], ['/article/-1', 404],
  ['/tag/%FF', 404], ['/tag/%FF/rss', 404], [`/tag/${encodeURIComponent(HUGE)}`, 404], ['/story/abc', 404], ['/story/abc/rss', 404],
  ['/source/abc', 404], ['/source/abc/atom', 404], ['/source/1?before=garbage', 400], ['/source/1?page=abc', 400],
  ['/?before=garbage', 400], ['/?page=-1', 400], ['/?page=abc', 400], ['/stories?page=zz', 400],
  ['/search?q=x&cursor=garbage', 400], ['/search?q=x&page=abc', 400], ['/search?q=x&sort=zzz', 400], ['/search/rss?q=%00', 400],
  ['/sitemap/articles-99999.xml', 404], ['/static/..%2f..%2fpackage.json', 404], ['/%FF', 404],
];

test('every page parameter answers garbage with a 400 or 404 page with a message, never a 500', async () => {
  const { app, store } = await apiFixture();
  try {
    for (const [path, status] of BAD_PAGES) {
      const res = await app.request(path);
      const label = path.slice(0, 80);
      assert.equal(res.status, status, `${label} → ${res.status}`);
      const body = await res.text();
      assert.ok(body.length > 20, `${label}: an empty answer`);
      assert.doesNotMatch(body, /\bat .*:\d+:\d+|TypeError|SqliteError|SQLITE_/, label);
    }
    // A huge or binary query on the search page is a page with the parser's message, not a failure.
    for (const q of [encodeURIComponent(HUGE), '%FF%FE', '%00']) {
      const res = await app.request(`/search?q=${q}`);
      assert.ok(res.status === 200 || res.status === 400, `/search?q=${q.slice(0, 20)} → ${res.status}`);
      assert.match(await res.text(), /<html lang="ar"/);
    }
  } finally {
    await store.close();
  }
});
