import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewArticle } from '../model/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { TAGGER_VERSION } from '../tags/index.ts';
import { importJsonl } from './import.ts';
import { retagArticles } from './retag.ts';
import { tagsFor } from './tag.ts';

function article(i: number, title: string, text: string): NewArticle {
  return {
    external_id: null, url: `https://www.alghad.com/articles/${i}`, source_id: null, title, lead: null,
    body: `<p>${text}</p>`, text, published_at: `2026-11-2${i % 10}T08:00:00.000Z`, published_offset: 180,
    updated_at: null, fetched_at: '2026-11-29T08:00:00.000Z', authors: [], image: null, lang: 'ar',
  };
}

const WATER = ['وزراء المياه العرب يجتمعون في عمّان', 'افتتح وزير المياه الأردني في عمّان اجتماع وزراء المياه العرب بحضور ممثلين عن جامعة الدول العربية.'] as const;

test('the tagging stage gives the tagger\'s entities as store tags, keyed by the tagger\'s id', () => {
  const tags = tagsFor({ title: WATER[0], lead: null, text: WATER[1] });
  const amman = tags.find((t) => t.name === 'عمّان');
  assert.ok(amman, JSON.stringify(tags));
  assert.equal(amman.type, 'place');
  assert.equal(tags[0]!.weight, 1);
  assert.equal(new Set(tags.map((t) => t.key)).size, tags.length);
});

test('the backfill tags articles stored untagged, in batches, and a second run finds nothing to do', async () => {
  const store = SqliteStore.open(':memory:');
  const ids: number[] = [];
  for (let i = 0; i < 7; i++) ids.push((await store.insertArticle(article(i, WATER[0], WATER[1]))).id);
  assert.equal((await store.articlesNeedingTags(TAGGER_VERSION, 100)).length, 7);

  const first = await retagArticles(store, { batchSize: 3 });
  assert.deepEqual({ tagged: first.tagged, failed: first.failed, stopped: first.stopped }, { tagged: 7, failed: 0, stopped: false });
  assert.equal(await store.countArticlesWithTag((await store.tagsForArticle(ids[0]!))[0]!.key), 7);
  assert.equal((await retagArticles(store)).tagged, 0);
  assert.equal((await retagArticles(store, { all: true, batchSize: 4 })).tagged, 7, '--all tags every article again');
  await store.close();
});

test('a stopped backfill leaves the rest for the next run', async () => {
  const store = SqliteStore.open(':memory:');
  for (let i = 0; i < 5; i++) await store.insertArticle(article(i, WATER[0], WATER[1]));
  const report = await retagArticles(store, { signal: AbortSignal.abort() });
  assert.deepEqual({ tagged: report.tagged, stopped: report.stopped }, { tagged: 0, stopped: true });
  assert.equal((await store.articlesNeedingTags(TAGGER_VERSION, 100)).length, 5);
  await store.close();
});

test('an imported article is tagged as it is stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-import-'));
  const store = SqliteStore.open(':memory:');
  try {
    const file = join(dir, 'dump.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'w1', url: 'https://petra.gov.jo/1', source: 'بترا', title: WATER[0], body: WATER[1] }) + '\n');
    const report = await importJsonl(file, store, () => {});
    assert.equal(report.inserted, 1);
    const stored = (await store.getArticleByUrl('https://petra.gov.jo/1'))!;
    assert.ok((await store.tagsForArticle(stored.id)).some((t) => t.name === 'عمّان'));
    assert.deepEqual(await store.articlesNeedingTags(TAGGER_VERSION, 10), []);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
