import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolitenessQueue } from './politeness.ts';
import { noRobots, startServer, testFetcher, type Handler } from './test-server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface InFlight {
  now: number;
  max: number;
}

/** A slow outlet that records how many requests it was serving at once, alone and with the others. */
function countingOutlet(stats: InFlight, all: InFlight): Handler {
  return noRobots((_req, res) => {
    for (const s of [stats, all]) {
      s.now++;
      s.max = Math.max(s.max, s.now);
    }
    setTimeout(() => {
      stats.now--;
      all.now--;
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('خبر');
    }, 150);
  });
}

test('one outlet is fetched one request at a time while two outlets are fetched in parallel', async (t) => {
  const aStats = { now: 0, max: 0 };
  const bStats = { now: 0, max: 0 };
  const both = { now: 0, max: 0 };
  const ahram = await startServer(countingOutlet(aStats, both));
  const nahar = await startServer(countingOutlet(bStats, both));
  const fetcher = testFetcher({ minHostDelayMs: 0 });
  t.after(() => Promise.all([fetcher.close(), ahram.close(), nahar.close()]));

  const started = Date.now();
  await Promise.all(
    [1, 2, 3].flatMap((i) => [
      fetcher.fetch({ url: `${ahram.origin}/news/${i}` }),
      fetcher.fetch({ url: `${nahar.origin}/news/${i}` }),
    ]),
  );
  const elapsed = Date.now() - started;
  assert.equal(aStats.max, 1);
  assert.equal(bStats.max, 1);
  // Parallel across hosts: the two outlets were serving a request at the same moment (counted, not
  // timed, so a loaded machine cannot fail it). Serial per host: at least 3 × 150 ms.
  assert.equal(both.max, 2);
  assert.ok(elapsed >= 450, `took ${elapsed} ms`);
});

test('the pause between two requests to one host runs from the end of the first', async () => {
  const queue = new PolitenessQueue({ minHostDelayMs: 100, globalConcurrency: 8 });
  const marks: Array<[string, number]> = [];
  const task = (name: string) => async () => {
    marks.push([`${name} start`, Date.now()]);
    await sleep(50);
    marks.push([`${name} end`, Date.now()]);
  };
  await Promise.all([queue.run('alarabiya.example', task('a')), queue.run('alarabiya.example', task('b'))]);
  const at = Object.fromEntries(marks);
  assert.ok(at['b start']! - at['a end']! >= 99, `gap ${at['b start']! - at['a end']!} ms`);
});

test('the global limit holds across hosts', async () => {
  const queue = new PolitenessQueue({ minHostDelayMs: 0, globalConcurrency: 2 });
  let now = 0;
  let max = 0;
  const task = async () => {
    max = Math.max(max, ++now);
    await sleep(20);
    now--;
  };
  await Promise.all(['a', 'b', 'c', 'd', 'e'].map((host) => queue.run(`${host}.example`, task)));
  assert.equal(max, 2);
});

test('a postponed host waits, and a failing task does not block its host', async () => {
  const queue = new PolitenessQueue({ minHostDelayMs: 0, globalConcurrency: 8 });
  await assert.rejects(queue.run('aps.example', async () => Promise.reject(new Error('reset'))), /reset/);
  queue.postpone('aps.example', Date.now() + 150);
  const started = Date.now();
  await queue.run('aps.example', async () => undefined);
  assert.ok(Date.now() - started >= 145);
});

test('two queues sharing host slots (two workers) start requests to one host the pause apart', async () => {
  // The slots as PostgreSQL's hosts table keeps them, in memory: next free instant per host.
  const next = new Map<string, number>();
  const hostSlots = {
    async reserve(host: string, delayMs: number) {
      const now = Date.now();
      const slot = Math.max(now, next.get(host) ?? 0);
      next.set(host, slot + delayMs);
      return slot - now;
    },
  };
  const a = new PolitenessQueue({ minHostDelayMs: 60, globalConcurrency: 4, hostSlots });
  const b = new PolitenessQueue({ minHostDelayMs: 60, globalConcurrency: 4, hostSlots });
  const starts: number[] = [];
  const task = async () => void starts.push(Date.now());
  await Promise.all([1, 2, 3].flatMap(() => [a.run('alyaum.example', task), b.run('alyaum.example', task)]));
  starts.sort((x, y) => x - y);
  // Each request waits for its own slot, the pause after the one before: the n-th starts n pauses
  // after the first at the soonest. (On a loaded machine one timer may fire late and the next on
  // time, so a single gap may be shorter; no request ever starts before its slot.)
  for (let i = 1; i < starts.length; i++) assert.ok(starts[i]! - starts[0]! >= i * 60 - 5, `starts ${starts.map((s) => s - starts[0]!).join(', ')}`);
  // Another host is not held up by this one's slots.
  const started = Date.now();
  await a.run('hespress.example', task);
  assert.ok(Date.now() - started < 50, "no shared wait for another host");
});
