import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { readBody } from './decompress.ts';
import { FetchError } from './errors.ts';

const TEXT = 'أعلنت وزارة الصحة العراقية اليوم عن افتتاح مستشفى جديد في البصرة. '.repeat(50);
const opts = { url: 'https://iraq.example/news/1', maxBytes: 1024 * 1024, totalTimeoutMs: 1_000 };
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

test('gzip, zlib-wrapped deflate, bare deflate, brotli and stacked codings all decode', async () => {
  const plain = Buffer.from(TEXT);
  const cases: Array<[string, Buffer]> = [
    ['gzip', zlib.gzipSync(plain)],
    ['x-gzip', zlib.gzipSync(plain)],
    ['deflate', zlib.deflateSync(plain)],
    ['deflate', zlib.deflateRawSync(plain)],
    ['br', zlib.brotliCompressSync(plain)],
    ['identity', plain],
    // RFC 9110 §8.4: listed in the order applied, so br was applied last and is undone first.
    ['gzip, br', zlib.brotliCompressSync(zlib.gzipSync(plain))],
  ];
  for (const [coding, bytes] of cases) {
    assert.equal(decode(await readBody(Readable.from([bytes]), coding, opts)), TEXT, coding);
  }
});

test('a coding we never asked for is an error, not garbage text', async () => {
  await assert.rejects(readBody(Readable.from([Buffer.from('x')]), 'zstd', opts), (err: unknown) => {
    assert.ok(err instanceof FetchError && err.code === 'network');
    return true;
  });
});

test('corrupt gzip is reported as a network error', async () => {
  await assert.rejects(readBody(Readable.from([Buffer.from('not gzip at all')]), 'gzip', opts), { code: 'network' });
});

test('truncate mode keeps the first maxBytes, as RFC 9309 allows for a huge robots.txt', async () => {
  const big = Buffer.alloc(5000, 0x41);
  const bytes = await readBody(Readable.from([zlib.gzipSync(big)]), 'gzip', { ...opts, maxBytes: 1000, truncate: true });
  assert.equal(bytes.length, 1000);
});
