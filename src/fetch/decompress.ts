/**
 * Reading a response body with limits: bytes on the wire, bytes after decompression, and total time.
 * We decompress ourselves (rather than letting an HTTP library do it) so that the size cap applies to
 * what we actually hold in memory: a few kilobytes of gzip can inflate to gigabytes, and the cap must
 * stop that as it happens, not after.
 */
import { Duplex, Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from './errors.ts';

export interface ReadBodyOptions {
  /** The URL being read, for error messages. */
  url: string;
  /** Cap on both the raw and the decoded byte count. */
  maxBytes: number;
  /** Cap on the whole read, however steadily the bytes trickle in. */
  totalTimeoutMs: number;
  /** Content-Length as the server announced it, when it did. */
  declaredLength?: number | null;
  /** Return the first maxBytes instead of failing (RFC 9309 §2.5 lets robots.txt be cut off this way). */
  truncate?: boolean;
}

/** The codings we ask for in Accept-Encoding, and so must undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Read a whole body, undoing its Content-Encoding. Rejects with FetchError 'too-large' as soon as either
 * count passes the cap (the raw stream is destroyed, which drops the connection), 'timeout' when the
 * total time runs out, and 'network' for a coding we do not know or data that does not decompress.
 */
export async function readBody(raw: Readable, contentEncoding: string | null, opts: ReadBodyOptions): Promise<Uint8Array> {
  const { url, maxBytes } = opts;
  if (!opts.truncate && opts.declaredLength != null && opts.declaredLength > maxBytes) {
    raw.destroy();
    throw tooLarge(url, maxBytes, `announces ${opts.declaredLength} bytes`);
  }

  const decoders = decodersFor(contentEncoding, url, raw);
  const chunks: Buffer[] = [];
  let total = 0;
  const out = pipeline([raw, limitBytes(maxBytes, url), ...decoders], () => {
    // Errors surface through the async iteration below; this callback only keeps pipeline from throwing.
  }) as unknown as Readable;
  const timer = setTimeout(() => {
    out.destroy(new FetchError('timeout', url, `${url} took more than ${opts.totalTimeoutMs} ms to send its body`));
  }, opts.totalTimeoutMs);

  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      if (total + chunk.length > maxBytes) {
        if (opts.truncate) {
          chunks.push(chunk.subarray(0, maxBytes - total));
          total = maxBytes;
          break; // leaving the loop destroys the pipeline, and with it the connection
        }
        throw tooLarge(url, maxBytes, 'decompresses past the limit');
      }
      total += chunk.length;
      chunks.push(chunk);
    }
  } catch (err) {
    if (opts.truncate && err instanceof FetchError && err.code === 'too-large') return concat(chunks, total);
    if (err instanceof FetchError) throw err;
    const code = (err as { code?: unknown })?.code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new FetchError('network', url, `${url} sent a body that does not decompress as ${contentEncoding}`, { cause: err });
    }
    throw err;
  } finally {
    clearTimeout(timer);
    out.destroy();
  }
  return concat(chunks, total);
}

function concat(chunks: Buffer[], total: number): Uint8Array {
  return new Uint8Array(Buffer.concat(chunks, total));
}

function tooLarge(url: string, maxBytes: number, why: string): FetchError {
  return new FetchError('too-large', url, `${url} ${why}; the limit is ${maxBytes} bytes (raise maxBodyBytes to accept it)`);
}

/** Fails the stream as soon as more than maxBytes have passed through. */
function limitBytes(maxBytes: number, url: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) return done(tooLarge(url, maxBytes, 'sent more bytes than the limit'));
      done(null, chunk);
    },
  });
}

/**
 * One decoder per coding. RFC 9110 §8.4 lists codings in the order they were applied, so they are
 * undone last to first.
 */
function decodersFor(contentEncoding: string | null, url: string, raw: Readable): Duplex[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip': // RFC 9110 §8.4.1.3: recipients treat x-gzip as gzip
        return zlib.createGunzip();
      case 'deflate':
        return new InflateAuto();
      case 'br':
        return zlib.createBrotliDecompress();
      default:
        raw.destroy();
        throw new FetchError('network', url, `${url} used Content-Encoding "${coding}", which Marsad did not ask for`);
    }
  });
}

/**
 * "deflate" in HTTP means the zlib format (RFC 9110 §8.4.1.2), but some servers send a bare deflate
 * stream; the spec's own note says so. The first two bytes tell them apart: a zlib header has
 * compression method 8 and a 16-bit value divisible by 31 (RFC 1950 §2.2).
 */
class InflateAuto extends Duplex {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  private start(first: Buffer): zlib.Inflate | zlib.InflateRaw {
    const zlibHeader = first.length >= 2 && (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0;
    const inner = zlibHeader ? zlib.createInflate() : zlib.createInflateRaw();
    // Pausing the inner stream when we are full keeps a deflate bomb from inflating past what is read.
    inner.on('data', (d: Buffer) => {
      if (!this.push(d)) inner.pause();
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (e) => this.destroy(e));
    this.inner = inner;
    return inner;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    const inner = this.inner ?? this.start(chunk);
    if (inner.write(chunk)) done();
    else inner.once('drain', () => done());
  }

  override _final(done: (err?: Error | null) => void): void {
    if (this.inner) this.inner.end();
    else this.push(null);
    done();
  }

  override _read(): void {
    this.inner?.resume();
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}
