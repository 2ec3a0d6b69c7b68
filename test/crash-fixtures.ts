// Shared by the durability, read-only and full-disk tests: Arabic outlets on loopback whose article
// requests the test can watch (to kill a crawl at a chosen page), and a real `marsad` child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixtureArticles, type FixtureArticle } from './workers-fixtures.ts';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface Outlets {
  feeds: string[];
  /** Every article URL the outlets publish. */
  urls: string[];
  /** Called before each article page is answered, with the count of pages served so far. */
  onPage: ((served: number) => void) | null;
  pagesServed(): number;
  close(): Promise<void>;
}

/** `count` outlets with `perOutlet` articles each, taken from the workers' realistic fixtures. */
export async function startOutlets(count: number, perOutlet: number): Promise<Outlets> {
  const all = fixtureArticles(Date.parse('2026-11-24T12:00:00Z'));
  const servers: Server[] = [];
  const feeds: string[] = [];
  const urls: string[] = [];
  let served = 0;
  const outlets: Outlets = {
    feeds,
    urls,
    onPage: null,
    pagesServed: () => served,
    close: () => Promise.all(servers.map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve()))))).then(() => {}),
  };
  for (let o = 0; o < count; o++) {
    const mine: FixtureArticle[] = all.filter((a) => a.outlet === o).slice(0, perOutlet);
    const bySlug = new Map(mine.map((a) => [a.slug, a]));
    let origin = '';
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === '/rss') {
        const items = mine.map((a) => `<item><title>${escapeXml(a.title)}</title><link>${origin}/${a.slug}</link><pubDate>${a.published.toUTCString()}</pubDate></item>`).join('');
        return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
          .end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>منفذ ${o + 1}</title><link>${origin}/</link>${items}</channel></rss>`);
      }
      const a = bySlug.get(path.slice(1));
      if (!a) return void res.writeHead(404).end();
      served++;
      outlets.onPage?.(served);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>${escapeXml(a.title)}</title><meta property="article:published_time" content="${a.published.toISOString()}"></head>
<body><article><h1>${escapeXml(a.title)}</h1>${a.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}</article></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.push(server);
    feeds.push(`${origin}/rss`);
    for (const a of mine) urls.push(`${origin}/${a.slug}`);
  }
  return outlets;
}

export interface MarsadRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export interface MarsadOptions {
  /** Run as this user (tests running as root use it so file permissions apply). */
  uid?: number;
  gid?: number;
  /** Largest file, in 1 KiB blocks, the process may write (RLIMIT_FSIZE): a disk that fills up. */
  fileSizeLimitKb?: number;
}

/** Start `marsad ARGS…` as a child process, as a user would. */
export function startMarsad(args: string[], opts: MarsadOptions = {}): MarsadRun {
  const argv = [process.execPath, '--import', 'tsx', MAIN, ...args];
  // Node ignores SIGXFSZ, so a write past the limit fails with EFBIG, as a full disk fails with ENOSPC.
  const [command, ...rest] = opts.fileSizeLimitKb === undefined
    ? argv
    : ['/bin/sh', '-c', `ulimit -f ${opts.fileSizeLimitKb} && exec "$@"`, 'sh', ...argv];
  const child = spawn(command!, rest, {
    env: { ...process.env, MARSAD_LOG: 'silent', MARSAD_ALLOW_PRIVATE: '1' },
    uid: opts.uid,
    gid: opts.gid,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}
