/**
 * The server side of bench/pages.ts, in its own process so the load generator does not share its
 * event loop. Prints one JSON line, {"url": …}, once listening; exits on SIGTERM.
 *
 *   --db PATH --now ISO   our site (createApp) over a SQLite database, its clock fixed at `now`
 *   --floor FILE          the floor of our stack: Hono and @hono/node-server answering the same routes
 *                         with fixed bodies, read from FILE ({"article": html, "story": …})
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { silentLogger } from '../src/log/index.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { createApp } from '../src/web/app.tsx';
import { serveApp } from '../src/web/serve.ts';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

let app: Hono;
let close = async () => {};
const floor = flag('--floor');
if (floor) {
  const bodies = JSON.parse(readFileSync(floor, 'utf8')) as Record<'article' | 'story' | 'home' | 'search', string>;
  app = new Hono();
  app.get('/article/:id', (c) => c.html(bodies.article));
  app.get('/story/:id', (c) => c.html(bodies.story));
  app.get('/search', (c) => c.html(bodies.search));
  app.get('/', (c) => c.html(bodies.home));
} else {
  const db = flag('--db');
  const now = flag('--now');
  if (!db || !now) throw new Error('usage: pages-server.ts --db PATH --now ISO | --floor FILE');
  const store = SqliteStore.open(db);
  close = () => store.close();
  const at = new Date(now);
  app = createApp({ store, log: silentLogger, now: () => at });
}

const server = await serveApp(app, { port: 0 });
process.stdout.write(JSON.stringify({ url: server.url.replace('localhost', '127.0.0.1') }) + '\n');
// Not server.close(): it would wait for the load generator's idle keep-alive sockets.
process.once('SIGTERM', async () => {
  await close();
  process.exit(0);
});
