import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreConformance } from '../conformance.ts';
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

test('sqlite store: a path that cannot be created gives a clear error', () => {
  assert.throws(() => SqliteStore.open('/etc/passwd/marsad.db'), /cannot open the database/);
});
