/**
 * The constructed Arabic feeds in ../shared/corpus/rss-constructed: real items from SaudiNewsNet and
 * the ANT corpus in RSS and Atom envelopes. Each item is checked against its corpus record.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseFeed } from './index.ts';

const SHARED = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const DIR = `${SHARED}rss-constructed/`;

interface IndexEntry {
  file: string;
  items: number;
  item_ids: string[];
  from: string;
}

interface CorpusRecord {
  id: string;
  url: string;
  title: string;
  author?: string;
}

/** The corpus records with the given ids, read from the gzipped JSONL until all are found. */
async function readRecords(file: string, ids: ReadonlySet<string>): Promise<Map<string, CorpusRecord>> {
  const found = new Map<string, CorpusRecord>();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  for await (const line of lines) {
    const id = /"id":\s*"([^"]+)"/.exec(line.slice(0, 100))?.[1];
    if (id && ids.has(id)) found.set(id, JSON.parse(line) as CorpusRecord);
    if (found.size === ids.size) break;
  }
  lines.close();
  return found;
}

/** One pass per corpus file for the ids of every feed built from it. */
const corpusFiles = new Map<string, Promise<Map<string, CorpusRecord>>>();
function records(index: IndexEntry[], from: string): Promise<Map<string, CorpusRecord>> {
  const file = from.includes('saudinewsnet') ? `${SHARED}saudinewsnet/articles.jsonl.gz` : `${SHARED}ant-corpus/articles.dev.jsonl.gz`;
  let pending = corpusFiles.get(file);
  if (!pending) {
    const ids = new Set(index.filter((e) => e.from === from).flatMap((e) => e.item_ids));
    corpusFiles.set(file, (pending = readRecords(file, ids)));
  }
  return pending;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

if (!existsSync(`${DIR}index.json`)) {
  test('constructed Arabic feeds', { skip: '../shared/corpus/rss-constructed is absent' }, () => {});
} else {
  const index = JSON.parse(readFileSync(`${DIR}index.json`, 'utf8')) as IndexEntry[];
  for (const entry of index) {
    test(`${entry.file} (${entry.items} real Arabic items) matches its corpus records`, async () => {
      const feed = parseFeed(readFileSync(DIR + entry.file));
      assert.deepEqual(feed.warnings, []);
      assert.equal(feed.language, 'ar');
      assert.equal(feed.items.length, entry.items);
      const byId = await records(index, entry.from);
      entry.item_ids.forEach((id, i) => {
        const item = feed.items[i]!;
        const record = byId.get(id);
        assert.ok(record, `corpus record ${id}`);
        assert.equal(item.title, squash(record.title), `title of ${id}`);
        assert.equal(item.link, record.url, `link of ${id}`);
        assert.ok(item.published ?? item.updated, `date of ${id}`);
        assert.ok((item.summary ?? '').length > 50, `summary of ${id}`);
        if (record.author?.trim()) assert.deepEqual(item.authors, [squash(record.author)], `author of ${id}`);
        if (id.startsWith('JA-')) assert.equal(item.id, id, 'ANT items carry the corpus id as a non-permalink guid');
      });
    });
  }
}
