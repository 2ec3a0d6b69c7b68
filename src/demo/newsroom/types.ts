import type { DemoArticle, OutletId } from '../data/types.ts';

/** One demo outlet as a crawler sees it: where it lives and where its feed (or news sitemap) is. */
export interface DemoOutlet {
  id: OutletId;
  /** Arabic name, as the outlet prints it. */
  name: string;
  /** "http://127.0.0.1:PORT/" — each outlet is its own host. */
  homeUrl: string;
  /** Absolute URL of the feed or sitemap a source row would hold. */
  feedUrl: string;
  kind: 'feed' | 'sitemap';
  /** ISO 3166-1 alpha-2. */
  country: string;
  lang: 'ar';
}

/** A running newsroom: the outlets' addresses, request counters, and a way to stop it. */
export interface Newsroom {
  outlets: DemoOutlet[];
  close(): Promise<void>;
  stats(): NewsroomStats;
}

export interface NewsroomStats {
  requests: number;
  byOutlet: Record<string, number>;
  /** 304 answers to conditional requests. */
  notModified: number;
  /** Requests for paths the outlet's robots.txt disallows; a polite crawler keeps this at zero. */
  disallowed: number;
}

/** What a route answers, before the server encodes, validates and compresses it. */
export interface Reply {
  status: number;
  /** Media type without parameters. */
  contentType: string;
  body: string;
  /** How text is written on the wire; UTF-8 unless an outlet says otherwise. */
  charset?: 'utf-8' | 'windows-1256';
  headers?: Record<string, string>;
  /** ISO instant the resource last changed; sent as Last-Modified by outlets that send validators. */
  lastModified?: string;
}

/** An outlet at request time: its address and the articles it has published by now. */
export interface Site {
  outlet: DemoOutlet;
  template: OutletTemplate;
  /** "http://127.0.0.1:PORT", no trailing slash. */
  origin: string;
  /** This outlet's articles published by now, newest first. */
  articles: DemoArticle[];
}

/** One outlet's look and behaviour. Each lives in `outlets/<id>.ts`. */
export interface OutletTemplate {
  id: OutletId;
  name: string;
  country: string;
  kind: 'feed' | 'sitemap';
  /** Path of the URL given to crawlers as the outlet's feed. */
  feedPath: string;
  /** Path of an article's page, which is also its canonical URL. */
  articlePath(article: DemoArticle): string;
  /** The link the feed gives for an article, when it is not the canonical URL. */
  feedLink?(article: DemoArticle, origin: string): string;
  /** The article's text as the page shows it in `<p>` elements, lead first. */
  bodyParagraphs?(article: DemoArticle): string[];
  /** Pages that show only the minute cannot yield seconds. */
  datePrecision?: 'second' | 'minute';
  robots?: { disallow?: string[]; crawlDelay?: number; sitemaps?: string[] };
  http?: { validators?: boolean; gzip?: boolean };
  home(site: Site): Reply;
  article(article: DemoArticle, site: Site): Reply;
  notFound(site: Site): Reply;
  /** Feeds, sitemaps, redirects and other pages of the outlet; null when the path is not one. */
  route(path: string, site: Site): Reply | null;
}
