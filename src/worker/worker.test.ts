// A worker's leases around a poll that does not finish: renewed while it runs, released when the
// worker stops before it ends. The feed is held open by the fixture server until the test lets go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Fetcher } from '../fetch/index.ts';
import { silentLogger } from '../log/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { runWorker } from './worker.ts';

const EMPTY_FEED = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>الغد</title><link>http://x/</link></channel></rss>';

interface HeldFeed {
  url: string;
  /** Resolves when the worker has asked for the feed. */
  requested: Promise<void>;
  /** Answers the held request. */
  answer(): void;
  close(): Promise<void>;
}

async function heldFeed(): Promise<HeldFeed> {
  let requested!: () => void;
  let answer!: () => void;
  const asked = new Promise<void>((r) => (requested = r));
  const answered = new Promise<void>((r) => (answer = r));
  const server: Server = createServer((req, res) => {
    if (req.url !== '/feed.xml') return void res.writeHead(404).end();
    requested();
    void answered.then(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(EMPTY_FEED));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`,
    requested: asked,
    answer,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-worker-'));
  const path = join(dir, 'marsad.db');
  const store = SqliteStore.open(path);
  const feed = await heldFeed();
  const { source } = await store.addSource({ name: 'الغد', url: feed.url });
  const raw = new Database(path, { readonly: true });
  const lease = () => raw.prepare('SELECT lease_owner, lease_until FROM sources WHERE id = ?').get(source.id) as { lease_owner: string | null; lease_until: string | null };
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, respectRobots: false, maxRetries: 0 });
  const cleanup = async () => {
    feed.answer();
    await feed.close();
    await fetcher.close();
    raw.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { store, feed, source, lease, fetcher, cleanup };
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 30_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('a poll that outlasts its lease keeps it: renewed, so no other worker claims the source meanwhile', async () => {
  const s = await setup();
  const stop = new AbortController();
  try {
    const run = runWorker({ store: s.store, fetcher: s.fetcher, log: silentLogger },
      { workerId: 'slow', leaseSeconds: 0.6, concurrency: 1, idleMs: 50, graceMs: 10_000, signal: stop.signal });
    await s.feed.requested;
    const first = s.lease().lease_until!;
    await until('a renewal', () => s.lease().lease_until! > first);
    assert.equal(s.lease().lease_owner, 'slow');
    // Past the end of the lease first taken, the source is still the slow worker's.
    assert.deepEqual(await s.store.claimDueSources('other', new Date(Date.parse(first) + 1), 5, 60), []);
    s.feed.answer();
    await until('the poll to end', () => s.lease().lease_owner === null);
    stop.abort();
    const report = await run;
    assert.deepEqual({ polled: report.polled, released: report.released }, { polled: 1, released: 0 });
    assert.equal((await s.store.getSource(s.source.id))!.last_status, 'ok');
  } finally {
    stop.abort();
    await s.cleanup();
  }
});

test('a worker stopped mid-poll releases the source after the grace period, for another worker to take at once', async () => {
  const s = await setup();
  const stop = new AbortController();
  try {
    const run = runWorker({ store: s.store, fetcher: s.fetcher, log: silentLogger },
      { workerId: 'leaving', leaseSeconds: 600, concurrency: 2, idleMs: 50, graceMs: 100, signal: stop.signal });
    await s.feed.requested;
    assert.equal(s.lease().lease_owner, 'leaving');
    stop.abort();
    const report = await run;
    assert.equal(report.released, 1, 'the unfinished poll was released');
    assert.deepEqual(s.lease(), { lease_owner: null, lease_until: null });
    const taken = await s.store.claimDueSources('next', new Date(), 5, 60);
    assert.deepEqual(taken.map((x) => x.id), [s.source.id], 'claimable now, not after ten minutes');
  } finally {
    stop.abort();
    await s.cleanup();
  }
});
