import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { keepStatements } from './statement-cache.ts';

function outlets(): Database.Database {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO sources (name) VALUES ('الأهرام'), ('سبق'), ('الشروق')");
  return db;
}

test('a kept statement is reused, and comes back giving rows as objects after a caller plucked it', () => {
  const db = outlets();
  keepStatements(db);
  const sql = 'SELECT id, name FROM sources ORDER BY id';
  const first = db.prepare(sql);
  assert.deepEqual(first.pluck().all(), [1, 2, 3]);
  const again = db.prepare(sql);
  assert.equal(again, first, 'the same compiled statement');
  assert.deepEqual(again.all()[0], { id: 1, name: 'الأهرام' });
  assert.deepEqual(db.prepare(sql).raw().all()[1], [2, 'سبق']);
  assert.deepEqual(db.prepare(sql).get(), { id: 1, name: 'الأهرام' });
  db.close();
});

test('only the most recently used statements are kept, and a schema change recompiles them', () => {
  const db = outlets();
  keepStatements(db, 2);
  const a = db.prepare('SELECT name FROM sources WHERE id = 1');
  db.prepare('SELECT name FROM sources WHERE id = 2');
  db.prepare('SELECT name FROM sources WHERE id = 1');
  db.prepare('SELECT name FROM sources WHERE id = 3');
  assert.equal(db.prepare('SELECT name FROM sources WHERE id = 1'), a, 'used recently, so kept');
  const star = db.prepare('SELECT * FROM sources WHERE id = 3');
  db.exec("ALTER TABLE sources ADD COLUMN country TEXT DEFAULT 'SA'");
  assert.deepEqual(db.prepare('SELECT * FROM sources WHERE id = 3').get(), { id: 3, name: 'الشروق', country: 'SA' });
  assert.notEqual(db.prepare('SELECT name FROM sources WHERE id = 2'), undefined);
  void star;
  db.close();
});
