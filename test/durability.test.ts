// A real `marsad crawl` killed with SIGKILL in the middle of ingesting, round after round, at a
// different page each time. After every kill the database must open cleanly and hold every article
// it held before; a last, unkilled crawl must then store the rest, each article exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { startMarsad, startOutlets } from './crash-fixtures.ts';

/** The page of each round (counted from the round's first) at which the crawler is killed. */
const KILL_AT_PAGE = [4, 11, 1, 15, 7];

interface Snapshot {
  integrity: string;
  byId: Map<number, string>;
  duplicates: number;
}

/** What a restarted process finds: SQLite's own consistency check, and the stored articles. */
function inspect(path: string): Snapshot {
  const db = new Database(path);
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const rows = db.prepare('SELECT id, url FROM articles ORDER BY id').all() as Array<{ id: number; url: string }>;
    const duplicates = rows.length - new Set(rows.map((r) => r.url)).size;
    return { integrity, byId: new Map(rows.map((r) => [r.id, r.url])), duplicates };
  } finally {
    db.close();
  }
}

test('a crawl killed with SIGKILL mid-ingest, five times over, loses nothing committed and ends with every article once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-durability-'));
  const dbPath = join(dir, 'marsad.db');
  const outlets = await startOutlets(2, 30);
  t.after(async () => {
    await outlets.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const store = SqliteStore.open(dbPath);
  for (const [i, feed] of outlets.feeds.entries()) await store.addSource({ name: `منفذ ${i + 1}`, url: feed, country: 'SA' });
  await store.close();

  const crawl = ['crawl', '--once', '--all', '--allow-private', '--host-delay-ms', '1', '--db', dbPath];
  let before: Snapshot = inspect(dbPath);
  for (const [round, killAt] of KILL_AT_PAGE.entries()) {
    const run = startMarsad(crawl);
    const first = outlets.pagesServed();
    outlets.onPage = (served) => {
      if (served - first >= killAt) run.child.kill('SIGKILL');
    };
    const { signal, stderr } = await run.done;
    outlets.onPage = null;
    assert.equal(signal, 'SIGKILL', `round ${round + 1}: the crawl finished before the kill landed (${stderr})`);

    const after = inspect(dbPath);
    assert.equal(after.integrity, 'ok', `round ${round + 1}: integrity_check`);
    assert.equal(after.duplicates, 0, `round ${round + 1}: an article was stored twice`);
    assert.ok(after.byId.size >= before.byId.size, `round ${round + 1}: ${before.byId.size} articles became ${after.byId.size}`);
    for (const [id, url] of before.byId) assert.equal(after.byId.get(id), url, `round ${round + 1}: article ${id} (${url}) was lost`);
    t.diagnostic(`round ${round + 1}: killed at page ${killAt} of the round; ${after.byId.size} articles stored`);
    before = after;
  }
  assert.ok(before.byId.size < outlets.urls.length, 'the kills left work for the last crawl');

  const last = await startMarsad(crawl).done;
  assert.equal(last.code, 0, last.stderr);
  const final = inspect(dbPath);
  assert.equal(final.integrity, 'ok');
  assert.equal(final.duplicates, 0);
  for (const [id, url] of before.byId) assert.equal(final.byId.get(id), url, `article ${id} was lost by the last crawl`);
  assert.deepEqual([...final.byId.values()].sort(), [...outlets.urls].sort(), 'every article is stored, once');

  // Each article is also reachable as the site and the API see it: titles, sources and search index intact.
  const reopened = SqliteStore.open(dbPath);
  try {
    assert.equal(await reopened.countArticles(), outlets.urls.length);
    const hits = await reopened.search({ q: 'الوزير', limit: 5, timeZone: 'Asia/Riyadh' });
    assert.ok(hits.ok && hits.total > 0, 'the search index holds the crawled articles');
  } finally {
    await reopened.close();
  }
});
