/**
 * Writing a Reply to the wire: charset, validators and conditional requests, gzip, HEAD. Only the
 * outlets that ask for validators or gzip get them, because the crawler must cope with both kinds of
 * server: the ones that let it poll cheaply and the ones that send the whole feed every time.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { encodeCp1256 } from './cp1256.ts';
import { httpDate } from './dates.ts';
import type { Reply } from './types.ts';

export interface SendOptions {
  validators: boolean;
  gzip: boolean;
}

export type SendOutcome = 'ok' | 'not-modified';

function encodeBody(reply: Reply): Uint8Array {
  return reply.charset === 'windows-1256' ? encodeCp1256(reply.body) : Buffer.from(reply.body, 'utf8');
}

/**
 * A weak validator (RFC 9110 §8.8.3): the same tag names the identity and the gzip form, which a
 * strong tag must not do, and weak comparison is all If-None-Match uses anyway.
 */
function entityTag(bytes: Uint8Array): string {
  return `W/"${createHash('sha1').update(bytes).digest('hex').slice(0, 20)}"`;
}

/** Weak comparison of each listed tag (RFC 9110 §13.1.2); `*` matches any existing representation. */
function noneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise. */
function isNotModified(req: IncomingMessage, etag: string, lastModified: string | undefined): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch !== undefined) return noneMatchHits(noneMatch, etag);
  const since = req.headers['if-modified-since'];
  if (since === undefined || lastModified === undefined) return false;
  const sinceMs = Date.parse(since);
  if (Number.isNaN(sinceMs)) return false;
  // HTTP-dates carry whole seconds, so compare at that resolution.
  return Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(sinceMs / 1000);
}

/** True unless the client refuses gzip or does not mention it (a `q=0` opts out, RFC 9110 §12.5.3). */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

export function sendReply(req: IncomingMessage, res: ServerResponse, reply: Reply, opts: SendOptions): SendOutcome {
  let bytes = encodeBody(reply);
  const headers: Record<string, string> = {
    'Content-Type': `${reply.contentType}; charset=${reply.charset ?? 'utf-8'}`,
    ...reply.headers,
  };
  if (opts.gzip) headers['Vary'] = 'Accept-Encoding';

  if (opts.validators && reply.status === 200) {
    const etag = entityTag(bytes);
    headers['ETag'] = etag;
    if (reply.lastModified) headers['Last-Modified'] = httpDate(reply.lastModified);
    if ((req.method === 'GET' || req.method === 'HEAD') && isNotModified(req, etag, reply.lastModified)) {
      // A 304 repeats the validators but carries no body or Content-Type (RFC 9110 §15.4.5).
      delete headers['Content-Type'];
      res.writeHead(304, headers);
      res.end();
      return 'not-modified';
    }
  }

  if (opts.gzip && bytes.length > 0 && acceptsGzip(req.headers['accept-encoding'])) {
    bytes = gzipSync(bytes);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
  return 'ok';
}
