import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBlockedAddress } from './address-guard.ts';
import { FetchError } from './errors.ts';
import { Fetcher } from './fetcher.ts';
import { startServer } from './test-server.ts';

test('private, loopback, link-local, CGNAT and unspecified addresses are blocked; public ones are not', () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0']) {
    assert.equal(isBlockedAddress(ip), true, ip);
  }
  for (const ip of ['::1', '::', 'fe80::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
    assert.equal(isBlockedAddress(ip), true, ip);
  }
  for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2a00:1450:4001::1', '::ffff:8.8.8.8']) {
    assert.equal(isBlockedAddress(ip), false, ip);
  }
});

test('a feed URL pointing at loopback is refused before anything is sent', async (t) => {
  const server = await startServer((_req, res) => void res.writeHead(200).end('سري'));
  const fetcher = new Fetcher({ minHostDelayMs: 0 }); // allowPrivateAddresses defaults to false
  t.after(() => Promise.all([fetcher.close(), server.close()]));
  const port = new URL(server.origin).port;

  for (const url of [`http://127.0.0.1:${port}/feed`, `http://localhost:${port}/feed`, `http://[::1]:${port}/feed`]) {
    await assert.rejects(fetcher.fetch({ url }), (err: unknown) => {
      assert.ok(err instanceof FetchError);
      assert.equal(err.code, 'blocked-address', url);
      assert.equal(err.url, url);
      return true;
    });
  }
  assert.deepEqual(server.log, []);
});
