import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parseXml, type XmlElement } from '../src/feeds/xml/tree.ts';
import type { NewSource, Source } from '../src/model/index.ts';
import { buildOpml, parseOpml } from '../src/opml/index.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

// `marsad sources export-opml` then `import-opml` into an empty database gives back the same sources:
// what an operator does to move Marsad to another machine, or to try another feed reader and come back.

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

function marsad(args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8', env: { ...process.env, MARSAD_LOG: 'silent' }, timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Outlets as operators add them: Arabic names with the characters XML must escape, URLs with queries. */
const OUTLETS: NewSource[] = [
  { name: 'الشرق الأوسط', url: 'https://aawsat.com/feed?lang=ar&section=news&format=rss2', home_url: 'https://aawsat.com/', country: 'SA', lang: 'ar' },
  { name: 'هسبريس & شركاؤها "الرقمية"', url: 'https://www.hespress.com/feed?a=1&b=2', home_url: 'https://www.hespress.com/?utm_source=opml&x=<y>', country: 'MA', lang: 'ar' },
  { name: 'الشروق <أونلاين>', url: 'https://www.echoroukonline.com/feed', home_url: null, country: 'DZ', lang: 'ar' },
  { name: "جريدة 'الأيام' البحرينية", url: 'https://www.alayam.com/rss.aspx?cat=1&amp=2', home_url: 'https://www.alayam.com/', country: 'BH', lang: 'ar' },
  { name: 'عكاظ', url: 'https://www.okaz.com.sa/sitemaps/news.xml', home_url: 'https://www.okaz.com.sa/', kind: 'sitemap', country: 'SA', lang: 'ar' },
  { name: 'العربية.نت', url: 'https://www.alarabiya.net/ar/google-news-sitemap?page=1&lang=ar', home_url: 'https://www.alarabiya.net/', kind: 'sitemap', country: 'AE', lang: 'ar' },
  { name: 'فرانس 24 France 24', url: 'https://www.france24.com/ar/rss', home_url: 'https://www.france24.com/ar/', country: 'FR', lang: 'ar' },
];

/** The fields an OPML file carries for each source. */
function portable(s: Source | NewSource) {
  return { name: s.name, url: s.url, home_url: s.home_url ?? null, kind: s.kind ?? 'feed', country: s.country ?? null, lang: s.lang ?? null };
}

function listSources(db: string): Source[] {
  const listed = marsad(['sources', 'list', '--json', '--db', db]);
  assert.equal(listed.code, 0, listed.stderr);
  return listed.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Source);
}

function elementsNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.flatMap((c) => (typeof c === 'string' ? [] : [...(c.local === local ? [c] : []), ...elementsNamed(c, local)]));
}

test('export-opml then import-opml into an empty database gives back the same sources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-opml-'));
  try {
    const from = join(dir, 'from.db');
    const store = SqliteStore.open(from);
    for (const outlet of OUTLETS) await store.addSource(outlet);
    // An outlet known only from `marsad import` has no feed to subscribe to: it stays out of the export.
    await store.addSource({ name: 'سبق', url: 'urn:marsad:import:%D8%B3%D8%A8%D9%82', home_url: 'https://sabq.org/', kind: 'import' });
    await store.close();

    const exported = marsad(['sources', 'export-opml', '--db', from]);
    assert.equal(exported.code, 0, exported.stderr);
    const file = join(dir, 'marsad.opml');
    writeFileSync(file, exported.stdout);

    const to = join(dir, 'to.db');
    const imported = marsad(['sources', 'import-opml', file, '--db', to]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(JSON.parse(imported.stdout), { feeds: OUTLETS.length, created: OUTLETS.length, existing: 0 });
    assert.deepEqual(listSources(to).map(portable), OUTLETS.map(portable));

    // Importing the same file again adds nothing.
    const again = marsad(['sources', 'import-opml', file, '--db', to]);
    assert.deepEqual(JSON.parse(again.stdout), { feeds: OUTLETS.length, created: 0, existing: OUTLETS.length });
    assert.equal(listSources(to).length, OUTLETS.length);

    // And the second database exports the same list as the first.
    const reexported = marsad(['sources', 'export-opml', '--db', to]);
    const withoutDate = (opml: string) => opml.replace(/<dateCreated>[^<]*<\/dateCreated>/, '');
    assert.equal(withoutDate(reexported.stdout), withoutDate(exported.stdout));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the exported OPML is well-formed XML with xmlUrl, htmlUrl, title and text on every outline', () => {
  const sources = OUTLETS.map((s, i) => ({ ...portable(s), id: i + 1 }) as Source);
  const opml = buildOpml(sources);
  // Strict well-formedness (jsdom parses XML with saxes, which stops at the first error).
  const strict = new JSDOM(opml, { contentType: 'application/xml' }).window.document;
  assert.equal(strict.getElementsByTagName('parsererror').length, 0);

  // Our own XML reader sees the same document, with nothing it had to guess.
  const doc = parseXml(opml);
  assert.deepEqual(doc.warnings, []);
  assert.equal(doc.roots.length, 1);
  const root = doc.roots[0]!;
  assert.equal(root.local, 'opml');
  assert.equal(root.attrs.version, '2.0');
  assert.ok(elementsNamed(root, 'title')[0]?.children.join('').trim(), 'the head has a title');
  const outlines = elementsNamed(root, 'outline');
  assert.equal(outlines.length, OUTLETS.length);
  for (const [i, outline] of outlines.entries()) {
    const outlet = OUTLETS[i]!;
    assert.equal(outline.unclosed, false);
    assert.equal(outline.attrs.xmlUrl, outlet.url);
    assert.equal(outline.attrs.title, outlet.name);
    assert.equal(outline.attrs.text, outlet.name);
    assert.equal(outline.attrs.htmlUrl, outlet.home_url ?? undefined);
    assert.equal(outline.attrs.language, 'ar');
  }
  assert.equal(strict.querySelectorAll('outline[xmlUrl][title][text]').length, OUTLETS.length);
  assert.equal(strict.querySelectorAll('outline[htmlUrl]').length, OUTLETS.filter((o) => o.home_url).length);

  // src/opml reads back exactly what it wrote.
  assert.deepEqual(parseOpml(opml).map(portable), OUTLETS.map(portable));
});
