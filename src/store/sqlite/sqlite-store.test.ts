import { test } from 'node:test';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreConformance } from '../conformance.ts';
import { MIGRATIONS } from './migrations.ts';
import { SqliteStore } from './sqlite-store.ts';

runStoreConformance('sqlite', async () => SqliteStore.open(':memory:'));

test('sqlite store: a database file reopens at the same schema version with its articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  try {
    const path = join(dir, 'nested', 'marsad.db');
    const store = SqliteStore.open(path);
    await store.addSource({ name: 'الأهرام', url: 'https://gate.ahram.org.eg/rss/1.aspx' });
    const version = await store.schemaVersion();
    await store.close();
    const reopened = SqliteStore.open(path);
    assert.equal(await reopened.schemaVersion(), version);
    assert.equal((await reopened.listSources()).length, 1);
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store: a version 1 database gains tags on opening, its articles waiting to be tagged', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  try {
    const path = join(dir, 'v1.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO articles (url, title, body, text, published_at, fetched_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run('https://www.alrai.com/article/1', 'عمّان تستضيف قمة المياه', '<p>نص</p>', 'نص', '2026-11-24T07:00:00.000Z', '2026-11-24T08:00:00.000Z');
    old.close();
    const store = SqliteStore.open(path);
    assert.equal(await store.schemaVersion(), MIGRATIONS.length);
    const [waiting] = await store.articlesNeedingTags(1, 10);
    assert.equal(waiting?.title, 'عمّان تستضيف قمة المياه');
    await store.setArticleTags(waiting.id, [{ key: 'city:amman', name: 'عمّان', type: 'place', weight: 1 }], 1);
    assert.deepEqual(await store.articlesNeedingTags(1, 10), []);
    assert.equal((await store.latestArticlesWithTag('city:amman', { limit: 5 }))[0]?.published_at, '2026-11-24T07:00:00.000Z');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store: a path that cannot be created gives a clear error', () => {
  assert.throws(() => SqliteStore.open('/etc/passwd/marsad.db'), /cannot open the database/);
});
