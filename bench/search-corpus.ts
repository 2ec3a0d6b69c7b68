// The search benchmark's data, shared by its parts (search.ts, search-postgres.ts, search-peer.ts):
// SaudiNewsNet as a crawler would store it, its replicas for --huge, and the queries.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { SEARCH_QUERY_PAIRS } from '../eval/search-queries.ts';
import { STEMMER_QUERIES } from '../eval/stemmer-queries.ts';
import type { NewArticle } from '../src/model/index.ts';
import { analyzeQuery, parseQuery, searchDocument } from '../src/search/index.ts';

/** Phrase queries taken from headlines spread over the corpus (their first words), for 200+ queries. */
const PHRASE_QUERIES = 60;
/** The corpus spans 3 weeks; each replica starts this much after the previous one. */
export const REPLICA_SHIFT_DAYS = 22;
/** The dates SaudiNewsNet prints are Saudi local time. */
const CORPUS_OFFSET = '+03:00';
/** Article i is stored at this URL, in every engine: replicas differ from their original by it. */
export const BENCH_URL_PREFIX = 'https://bench.example/';

export interface CorpusArticle {
  title: string;
  body: string;
  /** Milliseconds since the epoch. */
  at: number;
  source: string;
}

export async function readCorpus(path: string, limit: number): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const r = JSON.parse(line) as { title?: string; body?: string; date?: string; source_name?: string };
    const at = Date.parse(`${(r.date ?? '').replace(' ', 'T')}${CORPUS_OFFSET}`);
    if (r.body && !Number.isNaN(at)) articles.push({ title: r.title ?? '', body: r.body, at, source: r.source_name ?? 'unknown' });
    if (articles.length >= limit) break;
  }
  lines.close();
  return articles;
}

/** Names and topics (one word), name + topic pairs, and phrases from headlines: 200+ in all. */
export function mixedQueries(titles: string[]): string[] {
  const byKey = new Map(STEMMER_QUERIES.map((q) => [q.query, q.query]));
  const phrases: string[] = [];
  const every = Math.max(1, Math.floor(titles.length / PHRASE_QUERIES));
  for (let i = 0; i < titles.length && phrases.length < PHRASE_QUERIES; i += every) {
    const words = titles[i]!.split(/\s+/).filter((w) => /\p{L}{3,}/u.test(w)).slice(0, 3);
    if (words.length >= 2) phrases.push(`"${words.join(' ').replaceAll('"', '')}"`);
  }
  return [
    ...STEMMER_QUERIES.map((q) => q.query),
    ...SEARCH_QUERY_PAIRS.map(([a, b]) => `${byKey.get(a)} ${byKey.get(b)}`),
    ...phrases,
  ];
}

/** The query's required stems and words, as the peers take them. */
export function peerQuery(q: string): string {
  const parsed = parseQuery(q);
  if (!parsed.ok) return '';
  return analyzeQuery(parsed.query).must.flat().flatMap((p) => (p.column === 'stems' ? p.tokens : searchDocument(p.tokens.join(' '), '').stems.split(' '))).join(' ');
}

/** The i-th article stored: replica ⌊i / corpus⌋ of a corpus article, dated REPLICA_SHIFT_DAYS later per replica. */
export function newArticle(corpus: CorpusArticle[], i: number, sources: Map<string, number>): NewArticle {
  const a = corpus[i % corpus.length]!;
  const at = new Date(a.at + Math.floor(i / corpus.length) * REPLICA_SHIFT_DAYS * 86_400_000).toISOString();
  return {
    external_id: null, url: `${BENCH_URL_PREFIX}${i}`, source_id: sources.get(a.source) ?? null, title: a.title, lead: null, body: '', text: a.body,
    published_at: at, published_offset: 180, updated_at: null, fetched_at: at, authors: [], image: null, lang: 'ar',
  };
}

/** "Now" for freshness: just after the newest article stored. */
export function nowAfter(corpus: CorpusArticle[], total: number): Date {
  const newest = Math.max(...corpus.map((a) => a.at)) + Math.floor((total - 1) / corpus.length) * REPLICA_SHIFT_DAYS * 86_400_000;
  return new Date(newest + 3_600_000);
}
