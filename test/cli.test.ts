import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

function marsad(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    // A guard against a hung child, not a speed check: a loaded CI machine can take a minute to start one.
    encoding: 'utf8', env: { ...process.env, MARSAD_LOG: 'silent', ...env }, timeout: 240_000,
  });
  if (res.error) throw new Error(`marsad ${args.join(' ')} did not finish: ${res.error.message}`);
  return { code: res.status, stdout: res.stdout, stderr: res.stderr, lines: res.stdout.split('\n').filter(Boolean) };
}

const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
const db = join(dir, 'cli.db');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

test('bad usage exits 2 with one line that says what to do', () => {
  for (const args of [['frobnicate'], ['crawl'], ['sources', 'add', 'ftp://example.com/feed'], ['import'], ['extract'], ['sources', 'remove', 'abc'], ['web', '--port', 'http'], ['export', '--colour'], ['retag', 'everything'], ['retag', '--force']]) {
    const r = marsad([...args, '--db', db]);
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^marsad /);
  }
});

test('import then export gives every id back unchanged, and a bad line is reported and skipped', () => {
  const lines = [
    { id: 'snn-1', url: 'http://sabq.org/news/1?utm_source=x', source: 'سبق', title: 'أمير منطقة الرياض يفتتح معرض الكتاب', body: 'افتتح أمير منطقة الرياض اليوم معرض الكتاب.\nوشارك في الافتتاح عدد من الوزراء.', date: '2015-07-21 02:51:32' },
    'this is not json',
    { id: 'snn-2', url: 'http://www.okaz.com.sa/article/2', source: 'عكاظ', title: 'وزارة الصحة: لا إصابات جديدة بكورونا', body: 'أعلنت وزارة الصحة عدم تسجيل إصابات جديدة.', published_at: '2015-07-22T10:00:00+03:00' },
    { id: 'snn-3', source: 'عكاظ' },
    { id: 'snn-1', url: 'http://sabq.org/news/1', source: 'سبق', title: 'مكرر', body: 'مكرر' },
  ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
  const file = join(dir, 'dump.jsonl.gz');
  writeFileSync(file, gzipSync(lines));
  const imported = marsad(['import', file, '--db', db]);
  assert.equal(imported.code, 0, imported.stderr);
  const report = JSON.parse(imported.lines.at(-1)!);
  assert.deepEqual({ inserted: report.inserted, existing: report.existing, errors: report.errors }, { inserted: 2, existing: 1, errors: 2 });
  assert.match(imported.stderr, /dump\.jsonl\.gz:2: not valid JSON/);

  const exported = marsad(['export', '--db', db]);
  assert.equal(exported.code, 0, exported.stderr);
  const rows = exported.lines.map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((r) => r.id), ['snn-1', 'snn-2']);
  assert.equal(rows[0].url, 'http://sabq.org/news/1');
  assert.equal(rows[0].source, 'سبق');
  assert.equal(rows[0].published_at, '2015-07-20T23:51:32.000Z', 'a zoneless date is read as Mecca time');
  assert.deepEqual(Object.keys(rows[1]).sort(), ['category', 'duplicate_of', 'id', 'published_at', 'related', 'source', 'story_id', 'tags', 'title', 'url']);
  assert.ok(rows[0].tags.some((t: { name: string; type: string }) => t.name === 'الرياض' && t.type === 'place'), JSON.stringify(rows[0].tags));
  for (const row of rows) for (const tag of row.tags) assert.deepEqual(Object.keys(tag), ['name', 'type']);

  // Imported articles were tagged on the way in: nothing is left to retag, unless asked for all.
  const retag = marsad(['retag', '--db', db]);
  assert.equal(retag.code, 0, retag.stderr);
  assert.equal(JSON.parse(retag.lines[0]!).tagged, 0);
  const all = marsad(['retag', '--all', '--db', db]);
  assert.deepEqual({ tagged: JSON.parse(all.lines[0]!).tagged, failed: JSON.parse(all.lines[0]!).failed }, { tagged: 2, failed: 0 });
  assert.deepEqual(marsad(['export', '--db', db]).lines.map((l) => JSON.parse(l).tags), rows.map((r) => r.tags), 'tagging again gives the same tags');
});

test('sources: add without checking, list, pause, export and import OPML, remove', () => {
  const sdb = join(dir, 'sources.db');
  const added = marsad(['sources', 'add', 'https://www.hespress.com/feed', '--no-check', '--name', 'هسبريس', '--db', sdb]);
  assert.equal(added.code, 0, added.stderr);
  const { id } = JSON.parse(added.lines[0]!);
  assert.equal(marsad(['sources', 'pause', String(id), '--db', sdb]).code, 0);
  assert.match(marsad(['sources', 'list', '--db', sdb]).stdout, /paused\t0\tهسبريس/);
  const opml = marsad(['sources', 'export-opml', '--db', sdb]).stdout;
  assert.match(opml, /xmlUrl="https:\/\/www.hespress.com\/feed"/);
  const opmlFile = join(dir, 'outlets.opml');
  writeFileSync(opmlFile, opml);
  const again = marsad(['sources', 'import-opml', opmlFile, '--db', sdb]);
  assert.deepEqual(JSON.parse(again.lines[0]!), { feeds: 1, created: 0, existing: 1 });
  const bundled = marsad(['sources', 'import-opml', new URL('../sources/arabic-outlets.opml', import.meta.url).pathname, '--db', sdb]);
  assert.ok(JSON.parse(bundled.lines[0]!).created >= 25);
  assert.equal(marsad(['sources', 'remove', String(id), '--db', sdb]).code, 0);
  const missing = marsad(['sources', 'remove', String(id), '--db', sdb]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no source with ID/);
});

test('feed prints one line per file, an error object for a file it cannot parse, and goes on', () => {
  const good = join(dir, 'good.xml');
  writeFileSync(good, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>الخليج الآن</title><link>https://khaleej.example/</link>
    <item><title>اتفاقية للربط السككي بين الرياض ودبي</title><link>https://khaleej.example/rail</link><pubDate>Mon, 23 Nov 2026 08:00:00 +0400</pubDate></item></channel></rss>`);
  const bad = join(dir, 'bad.xml');
  writeFileSync(bad, 'مرحبا، هذه ليست خلاصة');
  const r = marsad(['feed', bad, join(dir, 'missing.xml'), good]);
  assert.equal(r.code, 1);
  assert.equal(r.lines.length, 3);
  const [first, second, third] = r.lines.map((l) => JSON.parse(l));
  assert.ok(first.error);
  assert.match(second.error, /cannot read/);
  assert.equal(third.items[0].title, 'اتفاقية للربط السككي بين الرياض ودبي');
  assert.equal(third.items[0].published, '2026-11-23T04:00:00.000Z');
});

test('extract reads a windows-1256 page from a file', () => {
  const page = join(dir, 'page.html');
  const html = '<html lang="ar" dir="rtl"><head><meta charset="windows-1256"><title>القدس - موقع</title></head><body><article><h1>القدس</h1><p>' + 'نص الخبر من القدس. '.repeat(30) + '</p></article></body></html>';
  writeFileSync(page, encode1256(html));
  const r = marsad(['extract', '--file', page, '--url', 'https://quds.example/news/1']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.title, 'القدس');
  assert.equal(out.dir, 'rtl');
  assert.match(out.paragraphs.join(' '), /نص الخبر من القدس/);
});

/** Just enough of windows-1256 for the test page: ASCII and the Arabic letters it uses. */
function encode1256(s: string): Uint8Array {
  const table: Record<string, number> = { ا: 0xc7, ل: 0xe1, ق: 0xde, د: 0xcf, س: 0xd3, م: 0xe3, و: 0xe6, ع: 0xda, ن: 0xe4, ص: 0xd5, خ: 0xce, ب: 0xc8, ر: 0xd1, ي: 0xed };
  return Uint8Array.from([...s].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : table[ch] ?? 0x3f)));
}

test('analyze names the entities of the example page once each, and --jsonl gives offsets into each body', () => {
  const article = join(dir, 'karabakh.txt');
  writeFileSync(article, 'روسيا تدعو أذربيجان وأرمينيا إلى وقف القتال في قره باغ\nدعت وزارة الخارجية الروسية باكو ويريفان إلى وقف العمليات في إقليم قرة باغ.\nوقالت الخارجية الروسية إن قوات حفظ السلام في ستيباناكرت تواصل عملها.');
  const r = marsad(['analyze', '--file', article]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const names = out.tags.map((t: { name: string }) => t.name);
  for (const name of ['روسيا', 'أذربيجان', 'أرمينيا', 'قره باغ']) assert.ok(names.includes(name), `${name} in ${names}`);
  assert.equal(new Set(names).size, names.length, 'no tag twice');
  // The capitals are named once each in passing: entities of the text, not tags of the article.
  const entities = out.entities.map((e: { name: string }) => e.name);
  for (const name of ['يريفان', 'باكو', 'ستيباناكرت']) assert.ok(entities.includes(name) && !names.includes(name), `${name}: entities ${entities}, tags ${names}`);

  const jsonl = join(dir, 'articles.jsonl');
  const body = 'قال الأمين العام للأمم المتحدة إن المساعدات وصلت إلى قطاع غزة عبر معبر رفح.';
  writeFileSync(jsonl, [JSON.stringify({ id: 'a1', title: 'مساعدات إلى غزة', body }), '{broken', JSON.stringify({ id: 'a2', body: 'لا كيانات هنا' })].join('\n'));
  const lines = marsad(['analyze', '--jsonl', jsonl]);
  assert.equal(lines.code, 1, 'a bad line makes the exit code 1, after every line is reported');
  const [first, second, third] = lines.lines.map((l) => JSON.parse(l));
  assert.equal(first.id, 'a1');
  for (const e of first.entities) assert.equal(body.slice(e.start, e.end), e.text);
  assert.ok(first.entities.some((e: { name: string }) => e.name === 'الأمم المتحدة'));
  assert.equal(second.error, 'not valid JSON');
  assert.deepEqual(third.tags, []);
});

test('search prints the results of the search page, --json the API shape; a query that cannot run exits 2', () => {
  const sdb = join(dir, 'search.db');
  const file = join(dir, 'search.jsonl');
  writeFileSync(file, [
    { id: 's-1', url: 'https://www.aljazeera.net/news/1', source: 'الجزيرة', title: 'انطلاق المفاوضات في جنيف', body: 'بدأت في جنيف جولة جديدة، وقال الوسيط إن والمفاوضات ستستمر.', published_at: '2026-11-20T09:00:00Z' },
    { id: 's-2', url: 'https://www.youm7.com/news/2', source: 'اليوم السابع', title: 'مصر ترحب', body: 'رحبت مصر بالمفاوضات الجارية في الدوحة.', published_at: '2026-11-21T09:00:00Z' },
    { id: 's-3', url: 'https://www.youm7.com/news/3', source: 'اليوم السابع', title: 'منتخب مصر يتأهل', body: 'تأهل منتخب مصر إلى كأس العالم.', published_at: '2026-11-22T09:00:00Z' },
  ].map((l) => JSON.stringify(l)).join('\n'));
  assert.equal(marsad(['import', file, '--db', sdb]).code, 0);

  const json = marsad(['search', 'مفاوضات', '--json', '--db', sdb]);
  assert.equal(json.code, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.equal(out.total, 2);
  assert.deepEqual(out.items.map((i: { url: string }) => i.url).sort(), ['https://www.aljazeera.net/news/1', 'https://www.youm7.com/news/2']);
  assert.ok(out.items.every((i: { snippet: Array<{ hit: boolean }> }) => i.snippet.some((s) => s.hit)));
  assert.deepEqual(out.facets.sources.map((s: { name: string }) => s.name).sort(), ['الجزيرة', 'اليوم السابع']);

  const plain = marsad(['search', 'مفاوضات', 'source:الجزيرة', '--db', sdb]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.lines[0], '1 result');
  assert.match(plain.stdout, /\[والمفاوضات\]/);

  const bad = marsad(['search', '-مفاوضات', '--db', sdb]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /^marsad search: أضف كلمة/);
  assert.equal(marsad(['search', '--db', sdb]).code, 2);
});
