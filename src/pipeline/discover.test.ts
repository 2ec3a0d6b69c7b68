import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Fetcher } from '../fetch/index.ts';
import { discoverSource, DiscoveryError, findFeedLinks } from './discover.ts';

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>هسبريس</title><link>https://www.hespress.com/</link><language>ar</language>
  <item><title>الحكومة تصادق على مشروع قانون المالية</title><link>https://www.hespress.com/1</link></item></channel></rss>`;

async function site() {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
        `<html lang="ar"><head><link rel="alternate" type="application/rss+xml" title="هسبريس" href="/feed"><link rel="stylesheet" href="/s.css"></head><body>الرئيسية</body></html>`,
      );
    } else if (req.url === '/feed') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(FEED);
    } else if (req.url === '/about') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>من نحن</body></html>');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('feed links a Moroccan home page advertises are found and made absolute', () => {
  const html = `<head><link rel="alternate" type="application/rss+xml" href="/feed"><link rel="alternate" type="application/atom+xml" href="https://x.ma/atom"><link rel="alternate" hreflang="fr" href="/fr"></head>`;
  assert.deepEqual(findFeedLinks(html, 'https://www.hespress.com/'), ['https://www.hespress.com/feed', 'https://x.ma/atom']);
});

test('adding a home page finds its feed and names the source after it', async () => {
  const s = await site();
  const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0 });
  try {
    const fromHome = await discoverSource(`${s.base}/`, fetcher);
    assert.deepEqual({ name: fromHome.name, url: fromHome.url, home_url: fromHome.home_url, lang: fromHome.lang }, { name: 'هسبريس', url: `${s.base}/feed`, home_url: `${s.base}/`, lang: 'ar' });
    const direct = await discoverSource(`${s.base}/feed`, fetcher, 'هسبريس المغربية');
    assert.equal(direct.url, `${s.base}/feed`);
    assert.equal(direct.name, 'هسبريس المغربية');
    await assert.rejects(discoverSource(`${s.base}/about`, fetcher), DiscoveryError);
  } finally {
    await fetcher.close();
    await s.close();
  }
});

test('a source on a loopback address is refused unless the operator allows it', async () => {
  const s = await site();
  const fetcher = new Fetcher({ minHostDelayMs: 0 });
  try {
    await assert.rejects(discoverSource(`${s.base}/feed`, fetcher), (err: Error & { code?: string }) => err.code === 'blocked-address');
  } finally {
    await fetcher.close();
    await s.close();
  }
});
