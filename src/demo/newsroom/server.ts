/**
 * The newsroom: one node:http server per outlet, each on its own loopback port, so that to a crawler
 * they are different hosts (per-host politeness, robots.txt and cross-outlet links behave as in
 * production). Routing is the same for every outlet; what differs lives in the outlet templates.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoArticle } from '../data/types.ts';
import { OUTLET_TEMPLATES } from './outlets/index.ts';
import { sendReply } from './http.ts';
import { imageReply, isDisallowed, robotsReply, textReply } from './replies.ts';
import type { DemoOutlet, Newsroom, NewsroomStats, OutletTemplate, Reply, Site } from './types.ts';

export interface NewsroomOptions {
  /** Interface to listen on; loopback unless told otherwise. */
  host?: string;
  /** The articles to serve; the bundled demo articles by default. */
  articles?: DemoArticle[];
  /** Articles published after this instant are not served yet; the real clock by default. */
  now?: Date;
}

const IMAGE_PATH = /^\/img\/([A-Za-z0-9_/-]+)\.svg$/;

async function bundledArticles(): Promise<DemoArticle[]> {
  // Loaded only when asked for, so tests that bring their own articles do not parse the whole set.
  const { ARTICLES } = await import('../data/articles.ts');
  return ARTICLES;
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold the port open until they time out.
    server.closeAllConnections();
  });
}

/** Newest first, the order of every feed and home page. */
function byNewest(a: DemoArticle, b: DemoArticle): number {
  return Date.parse(b.published) - Date.parse(a.published);
}

function checkUniqueSlugs(articles: DemoArticle[]): void {
  const seen = new Set<string>();
  for (const a of articles) {
    const key = `${a.outlet}/${a.slug}`;
    if (seen.has(key)) throw new Error(`two demo articles share the slug ${key}; give one another slug`);
    seen.add(key);
  }
}

function route(site: Site, path: string): Reply {
  const t = site.template;
  if (path === '/') return t.home(site);
  if (path === '/robots.txt') return robotsReply(site);
  const own = t.route(path, site);
  if (own) return own;
  const article = site.articles.find((a) => t.articlePath(a) === path);
  if (article) return t.article(article, site);
  const image = IMAGE_PATH.exec(path);
  const pictured = image && site.articles.find((a) => a.slug === image[1]);
  if (pictured) return imageReply(pictured, site);
  return t.notFound(site);
}

interface Outlet {
  template: OutletTemplate;
  outlet: DemoOutlet;
  server: Server;
  /** All of the outlet's articles, newest first, whether or not published yet. */
  articles: DemoArticle[];
}

export async function startNewsroom(opts: NewsroomOptions = {}): Promise<Newsroom> {
  const host = opts.host ?? '127.0.0.1';
  const articles = opts.articles ?? (await bundledArticles());
  checkUniqueSlugs(articles);
  const clock = (): number => (opts.now ?? new Date()).getTime();
  const stats: NewsroomStats = {
    requests: 0,
    byOutlet: Object.fromEntries(OUTLET_TEMPLATES.map((t) => [t.id, 0])),
    notModified: 0,
    disallowed: 0,
  };
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const handle = (o: Outlet, req: IncomingMessage, res: ServerResponse): void => {
    stats.requests += 1;
    stats.byOutlet[o.template.id] = (stats.byOutlet[o.template.id] ?? 0) + 1;
    const origin = o.outlet.homeUrl.slice(0, -1);
    const now = clock();
    const site: Site = {
      outlet: o.outlet,
      template: o.template,
      origin,
      articles: o.articles.filter((a) => Date.parse(a.published) <= now),
    };
    let reply: Reply;
    try {
      const path = new URL(req.url ?? '/', origin).pathname;
      if (isDisallowed(site, path)) stats.disallowed += 1;
      reply = req.method === 'GET' || req.method === 'HEAD'
        ? route(site, path)
        : { ...textReply(405, 'Method Not Allowed\n'), headers: { Allow: 'GET, HEAD' } };
    } catch (err) {
      // A bug in a template should show up as a 500 the crawler records, not as a dead outlet.
      reply = textReply(500, `demo outlet failed to answer ${req.url}: ${(err as Error).message}\n`);
    }
    const http = o.template.http ?? {};
    const outcome = sendReply(req, res, reply, { validators: http.validators ?? false, gzip: http.gzip ?? false });
    if (outcome === 'not-modified') stats.notModified += 1;
  };

  const running: Outlet[] = [];
  try {
    for (const template of OUTLET_TEMPLATES) {
      const server = createServer();
      const port = await listen(server, host);
      const homeUrl = `http://${urlHost}:${port}/`;
      const o: Outlet = {
        template,
        server,
        articles: articles.filter((a) => a.outlet === template.id).sort(byNewest),
        outlet: {
          id: template.id,
          name: template.name,
          homeUrl,
          feedUrl: homeUrl + template.feedPath.slice(1),
          kind: template.kind,
          country: template.country,
          lang: 'ar',
        },
      };
      server.on('request', (req, res) => handle(o, req, res));
      running.push(o);
    }
  } catch (err) {
    await Promise.all(running.map((o) => stop(o.server)));
    throw err;
  }

  return {
    outlets: running.map((o) => o.outlet),
    close: async () => {
      await Promise.all(running.map((o) => stop(o.server)));
    },
    stats: () => ({ ...stats, byOutlet: { ...stats.byOutlet } }),
  };
}
