// One in-memory peer (MiniSearch or FlexSearch) in a process of its own, started by search-peers.ts:
// its heap limit is set for it alone, and running out of it ends this process, not the benchmark.
// Builds the index over `total` articles (the corpus, or its replicas for --huge: replica ids, the
// same stems), then answers the parent's queries one at a time, timing each here as search.ts times
// an engine in its own process, so the message passing is not counted.
//
// argv: minisearch|flexsearch CORPUS_PATH LIMIT TOTAL
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import v8 from 'node:v8';
import vm from 'node:vm';
import { searchDocument } from '../src/search/index.ts';
import { peerQuery, readCorpus } from './search-corpus.ts';
import { timeHere } from './search-engine.ts';

const PAGE = 20;
/** How often (documents added) to tell the parent how far the build got and the heap it holds. */
const PROGRESS_EVERY = 50_000;

export type PeerKind = 'minisearch' | 'flexsearch';

/** From the child to the parent. */
export type PeerMessage =
  | { type: 'progress'; docs: number; heap_mb: number; rss_mb: number }
  | { type: 'built'; report: Record<string, unknown> }
  | { type: 'sample'; wall_ms: number; cpu_ms: number };

/** From the parent to the child. */
export type PeerCommand = { type: 'query'; q: string } | { type: 'exit' };

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

function send(message: PeerMessage): void {
  process.send!(message);
}

function progress(docs: number, heap: number): void {
  send({ type: 'progress', docs, heap_mb: +heap.toFixed(1), rss_mb: Math.round(process.memoryUsage.rss() / 1e6) });
}

interface Peer {
  add: (id: number, doc: number) => void;
  search: (query: string) => unknown;
  returns: string;
}

function miniSearch(docs: Array<{ title: string; body: string }>): Peer {
  const index = new MiniSearch<{ id: number; title: string; body: string }>({
    fields: ['title', 'body'],
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t || null,
    searchOptions: { combineWith: 'AND', boost: { title: 4 } },
  });
  return {
    add: (id, doc) => index.add({ id, ...docs[doc]! }),
    search: (query) => index.search(query).slice(0, PAGE),
    returns: '20 ids by BM25+ over every match (title boosted); no phrases, filters, facets, snippets or dates',
  };
}

function flexSearch(docs: string[]): Peer {
  const index = new FlexSearch.Index({ tokenize: 'strict', encode: (text: string) => text.split(' ').filter(Boolean) });
  return {
    add: (id, doc) => index.add(id, docs[doc]!),
    search: (query) => index.search(query, { limit: PAGE }),
    returns: '20 ids by word position, stopping at the limit; no term-frequency ranking, phrases, filters, facets, snippets or dates',
  };
}

async function main(): Promise<void> {
  const [kind, path, limit, total] = process.argv.slice(2) as [PeerKind, string, string, string];
  const corpus = await readCorpus(path, Number(limit));
  const articles = Number(total);
  const before = heapMb();
  progress(0, before);
  const start = process.hrtime.bigint();
  // The analyzer runs once per corpus article; replicas are the same text under another id, as
  // the SQLite and PostgreSQL replicas reuse the stored analysis.
  // FlexSearch gets one field, the title's stems first, where its position scoring favours them.
  let docs: unknown[] = kind === 'minisearch'
    ? corpus.map((a) => ({ title: searchDocument(a.title, '').stems, body: searchDocument('', a.body).stems }))
    : corpus.map((a) => searchDocument(a.title, a.body).stems);
  const peer = kind === 'minisearch' ? miniSearch(docs as Array<{ title: string; body: string }>) : flexSearch(docs as string[]);
  let firstCopy = 0;
  for (let i = 0; i < articles; i++) {
    peer.add(i, i % corpus.length);
    if (i + 1 === corpus.length) firstCopy = Number(process.hrtime.bigint() - start) / 1e9;
    if ((i + 1) % PROGRESS_EVERY === 0) progress(i + 1, process.memoryUsage().heapUsed / 1e6);
  }
  const build = Number(process.hrtime.bigint() - start) / 1e9;
  docs.length = 0;
  docs = [];
  const size = heapMb() - before;
  const replicated = articles > corpus.length;
  send({
    type: 'built',
    report: {
      articles, build_s: +build.toFixed(2), articles_per_s: Math.round(articles / build),
      ...(replicated ? { first_copy: { articles: corpus.length, build_s: +firstCopy.toFixed(2) } } : {}),
      index_heap_mb: +size.toFixed(1),
      heap_limit_mb: Math.round(v8.getHeapStatistics().heap_size_limit / 1e6),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      returns: peer.returns,
    },
  });
  const prepared = new Map<string, string>();
  process.on('message', async (command: PeerCommand) => {
    if (command.type === 'exit') {
      process.disconnect();
      return;
    }
    let query = prepared.get(command.q);
    if (query === undefined) prepared.set(command.q, (query = peerQuery(command.q)));
    const sample = await timeHere(() => peer.search(query));
    send({ type: 'sample', ...sample });
  });
}

await main();
