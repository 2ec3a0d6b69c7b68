/**
 * A local stand-in for an outlet's web server, for the fetch tests: node:http on 127.0.0.1, a log of
 * every request it saw, and a close that does not wait for stalled connections.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchError } from './errors.ts';
import { Fetcher } from './fetcher.ts';
import type { FetcherOptions } from './types.ts';

export interface LoggedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface TestServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  log: LoggedRequest[];
  /** Paths requested, in order. */
  paths(): string[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function startServer(handler: Handler): Promise<TestServer> {
  const log: LoggedRequest[] = [];
  const server = http.createServer((req, res) => {
    log.push({ path: req.url ?? '', headers: req.headers, at: Date.now() });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    paths: () => log.map((r) => r.path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 404 for robots.txt, so tests that are not about robots.txt see "allow all". */
export function noRobots(handler: Handler): Handler {
  return (req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    handler(req, res);
  };
}

/** A fetcher tuned for loopback tests: private addresses allowed, short pauses and timeouts. */
export function testFetcher(opts: FetcherOptions = {}): Fetcher {
  return new Fetcher({
    allowPrivateAddresses: true,
    minHostDelayMs: 0,
    retryBaseDelayMs: 20,
    connectTimeoutMs: 1_000,
    headersTimeoutMs: 1_000,
    bodyTimeoutMs: 1_000,
    ...opts,
  });
}

/** The FetchError a promise rejects with; fails the test when it resolves or throws something else. */
export async function expectFetchError(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the fetch to fail');
}
