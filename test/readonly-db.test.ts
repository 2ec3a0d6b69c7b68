// A database Marsad cannot write: a read-only file or folder, and a disk that fills up mid-crawl. Each
// must give one clear line with a stable code (exit 1), and leave the database intact with everything
// committed before. Tests often run as root, for whom file modes do not apply, so the child process
// then runs as "nobody"; the full disk is a file-size limit (ulimit -f), which binds every user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../src/log/index.ts';
import { crawlDue } from '../src/pipeline/crawl.ts';
import { testFetcher } from '../src/fetch/test-server.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { startMarsad, startOutlets, type MarsadOptions } from './crash-fixtures.ts';

const NOBODY: MarsadOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function inspect(path: string): { integrity: string; urls: string[]; failingSources: number } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      integrity: (db.pragma('integrity_check', { simple: true }) as string),
      urls: (db.prepare('SELECT url FROM articles ORDER BY id').all() as Array<{ url: string }>).map((r) => r.url),
      failingSources: (db.prepare('SELECT count(*) AS n FROM sources WHERE consecutive_failures > 0').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** A database holding one outlet's crawled articles, checkpointed into its main file. */
async function crawledDatabase(path: string, feeds: string[]): Promise<void> {
  const store = SqliteStore.open(path);
  const fetcher = testFetcher({ respectRobots: false });
  try {
    for (const [i, url] of feeds.entries()) await store.addSource({ name: `منفذ ${i + 1}`, url, country: 'JO' });
    await crawlDue({ store, fetcher, log: silentLogger }, { now: new Date(Date.now() + 3_600_000) });
  } finally {
    await fetcher.close();
    await store.close();
  }
}

test('a read-only database file or folder is refused with one read-only line, and left as it was', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'marsad-readonly-'));
  chmodSync(root, 0o755);
  const outlets = await startOutlets(1, 6);
  t.after(async () => {
    await outlets.close();
    chmodSync(join(root, 'locked'), 0o755);
    rmSync(root, { recursive: true, force: true });
  });
  const seed = join(root, 'seed.db');
  await crawledDatabase(seed, outlets.feeds);
  const stored = inspect(seed).urls;
  assert.equal(stored.length, 6);

  // The file read-only in a folder Marsad may write; and a read-only folder (a read-only mount).
  const fileLocked = join(root, 'open', 'marsad.db');
  mkdirSync(join(root, 'open'), { mode: 0o777 });
  chmodSync(join(root, 'open'), 0o777);
  copyFileSync(seed, fileLocked);
  chmodSync(fileLocked, 0o444);
  const folderLocked = join(root, 'locked', 'marsad.db');
  mkdirSync(join(root, 'locked'));
  copyFileSync(seed, folderLocked);
  chmodSync(folderLocked, 0o666);
  chmodSync(join(root, 'locked'), 0o555);

  const crawl = (db: string) => startMarsad(['crawl', '--once', '--all', '--allow-private', '--host-delay-ms', '1', '--db', db], NOBODY).done;
  const results = await Promise.all([crawl(fileLocked), crawl(folderLocked)]);
  for (const [i, r] of results.entries()) {
    const which = i === 0 ? 'read-only file' : 'read-only folder';
    assert.equal(r.code, 1, `${which}: exit ${r.code} (${r.stderr})`);
    assert.equal(r.stderr.trim().split('\n').length, 1, `${which}: ${r.stderr}`);
    // Found at open when the folder is locked (the path is named), at the first write when only the file is.
    assert.match(r.stderr, /^marsad crawl: (\S+marsad\.db: )?the database is read-only: .*\(SQLITE_READONLY\w*\)\. .*fix the permissions/, which);
    assert.equal(r.stdout, '', `${which}: nothing was reported as crawled`);
  }
  chmodSync(join(root, 'locked'), 0o755);
  for (const db of [fileLocked, folderLocked]) {
    const after = inspect(db);
    assert.equal(after.integrity, 'ok');
    assert.deepEqual(after.urls, stored, 'every article is still there');
  }
});

test('a disk that fills up mid-crawl stops it with one disk-full line; what was committed stays, and the next crawl finishes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-full-'));
  const outlets = await startOutlets(3, 15);
  t.after(async () => {
    await outlets.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const db = join(dir, 'marsad.db');
  const store = SqliteStore.open(db);
  for (const [i, url] of outlets.feeds.entries()) await store.addSource({ name: `منفذ ${i + 1}`, url, country: 'EG' });
  await store.close();

  const crawl = ['crawl', '--once', '--all', '--allow-private', '--host-delay-ms', '1', '--db', db];
  // Room for the empty database and a few articles in the write-ahead log, not for 45.
  const limitKb = Math.ceil(statSync(db).size / 1024) + 96;
  const full = await startMarsad(crawl, { fileSizeLimitKb: limitKb }).done;
  assert.equal(full.code, 1, `exit ${full.code} (${full.stderr})`);
  assert.equal(full.stderr.trim().split('\n').length, 1, full.stderr);
  assert.match(full.stderr, /^marsad crawl: cannot write to the database: .*\(SQLITE_(FULL|IOERR\w*)\)\. The disk is probably full.*Everything stored before is kept\.$/m);

  const afterFull = inspect(db);
  assert.equal(afterFull.integrity, 'ok');
  assert.ok(afterFull.urls.length < outlets.urls.length, 'the disk filled before the crawl ended');
  assert.equal(afterFull.failingSources, 0, 'our full disk is not counted against the outlets');
  t.diagnostic(`${afterFull.urls.length} articles committed before the disk filled`);

  const freed = await startMarsad(crawl).done;
  assert.equal(freed.code, 0, freed.stderr);
  const final = inspect(db);
  assert.equal(final.integrity, 'ok');
  for (const url of afterFull.urls) assert.ok(final.urls.includes(url), `${url} was lost`);
  assert.deepEqual([...final.urls].sort(), [...outlets.urls].sort(), 'every article once, after space came back');
});
