import assert from 'node:assert/strict';
import type { Store } from './store.ts';

const MINUTE = 60_000;

/** Lease cases every backend must pass; conformance.ts runs them with the rest. */
export function leaseConformanceCases(): Array<[string, (store: Store) => Promise<void>]> {
  return [
    ['a claimed source is leased to its worker alone until it is released', async (store) => {
      const now = new Date(Date.now() + 1000);
      const a = (await store.addSource({ name: 'المصري اليوم', url: 'https://www.almasryalyoum.com/rss' })).source;
      const b = (await store.addSource({ name: 'الغد', url: 'https://alghad.com/feed' })).source;
      await store.addSource({ name: 'أرشيف', url: 'http://archive.example/', kind: 'import' });
      const first = await store.claimDueSources('worker-a', now, 1, 300);
      assert.deepEqual(first.map((s) => s.id), [a.id], 'the longest-waiting source first');
      assert.equal(first[0]!.name, 'المصري اليوم');
      assert.equal('lease_owner' in first[0]!, false, 'a source carries no lease columns');
      assert.deepEqual((await store.claimDueSources('worker-b', now, 10, 300)).map((s) => s.id), [b.id]);
      assert.deepEqual(await store.claimDueSources('worker-c', now, 10, 300), []);
      assert.equal(await store.releaseSource(a.id, 'worker-b'), false, 'only the holder releases');
      assert.equal(await store.releaseSource(a.id, 'worker-a'), true);
      assert.deepEqual((await store.claimDueSources('worker-c', now, 10, 300)).map((s) => s.id), [a.id]);
    }],
    ['a lease expires, so a dead worker\'s source is claimed again', async (store) => {
      const now = new Date(Date.now() + 1000);
      const { source } = await store.addSource({ name: 'الرأي', url: 'https://alrai.com/rss' });
      assert.equal((await store.claimDueSources('dead', now, 5, 60)).length, 1);
      assert.deepEqual(await store.claimDueSources('alive', new Date(now.getTime() + 30_000), 5, 60), []);
      const later = new Date(now.getTime() + 61_000);
      assert.deepEqual((await store.claimDueSources('alive', later, 5, 60)).map((s) => s.id), [source.id]);
      assert.equal(await store.releaseSource(source.id, 'dead'), false, 'the dead worker\'s claim is void');
    }],
    ['a renewed lease holds past its first expiry, and only its holder renews it', async (store) => {
      const now = new Date(Date.now() + 1000);
      const { source } = await store.addSource({ name: 'الدستور', url: 'https://www.addustour.com/rss' });
      await store.claimDueSources('slow', now, 5, 60);
      assert.equal(await store.renewLease(source.id, 'other', new Date(now.getTime() + 40_000), 60), false);
      assert.equal(await store.renewLease(source.id, 'slow', new Date(now.getTime() + 40_000), 60), true);
      assert.deepEqual(await store.claimDueSources('other', new Date(now.getTime() + 90_000), 5, 60), [], 'still leased after the first minute');
      assert.equal((await store.claimDueSources('other', new Date(now.getTime() + 101_000), 5, 60)).length, 1, 'claimable once the renewal runs out');
      assert.equal(await store.renewLease(source.id, 'slow', new Date(now.getTime() + 102_000), 60), false, 'a lost lease is not renewed');
    }],
    ['recording a poll ends the lease and schedules the next one', async (store) => {
      const now = new Date(Date.now() + 1000);
      const { source } = await store.addSource({ name: 'عكاظ', url: 'https://www.okaz.com.sa/rss' });
      await store.claimDueSources('w', now, 5, 600);
      await store.recordPoll(source.id, { ok: true, status: 'ok', poll_interval: 900, next_poll_at: new Date(now.getTime() + 15 * MINUTE).toISOString(), polled_at: now.toISOString() });
      assert.equal(await store.releaseSource(source.id, 'w'), false, 'nothing left to release');
      assert.deepEqual(await store.claimDueSources('w', new Date(now.getTime() + 10 * MINUTE), 5, 600), []);
      assert.deepEqual((await store.claimDueSources('other', new Date(now.getTime() + 16 * MINUTE), 5, 600)).map((s) => s.id), [source.id]);
    }],
    ['paused sources are never claimed', async (store) => {
      const { source } = await store.addSource({ name: 'الوطن', url: 'https://www.elwatannews.com/home/rssfeeds' });
      await store.setSourcePaused(source.id, true);
      assert.deepEqual(await store.claimDueSources('w', new Date(Date.now() + 1000), 5, 60), []);
    }],
    ['claimers racing each other never get the same source', async (store) => {
      const now = new Date(Date.now() + 1000);
      const ids: number[] = [];
      for (let i = 0; i < 40; i++) ids.push((await store.addSource({ name: `منفذ ${i}`, url: `https://outlet-${i}.example/rss` })).source.id);
      const claims = await Promise.all(Array.from({ length: 8 }, (_, w) => (async () => {
        const mine: number[] = [];
        for (;;) {
          const got = await store.claimDueSources(`worker-${w}`, now, 3, 300);
          if (got.length === 0) return mine;
          mine.push(...got.map((s) => s.id));
        }
      })()));
      const all = claims.flat();
      assert.equal(new Set(all).size, all.length, 'no source claimed twice');
      assert.deepEqual(all.sort((a, b) => a - b), ids);
    }],
    ['a story lock runs one holder at a time and is not stale to the process that last held it', async (store) => {
      const lock = store.storyLock();
      await lock.run(async () => undefined);
      let inside = 0;
      let most = 0;
      const stale: boolean[] = [];
      await Promise.all(Array.from({ length: 5 }, () => lock.run(async (s) => {
        stale.push(s);
        most = Math.max(most, ++inside);
        await new Promise((r) => setTimeout(r, 5));
        inside--;
      })));
      assert.equal(most, 1);
      assert.deepEqual(stale, [false, false, false, false, false]);
      assert.equal(await store.leadStories(), true);
      assert.equal(await store.leadStories(), true, 'the placer keeps its claim');
    }],
  ];
}
