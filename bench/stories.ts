/**
 * Stories on SaudiNewsNet: every article streamed in date order through copy detection
 * (findOriginal + the LSH index, as `detectCopy` does), online clustering (`StoryClusterer.add`,
 * copies joining their original's story as in the pipeline) and "read also" (`relatedStories`).
 *
 * What is timed: the three steps above. What is not: reading the corpus, the entities' weights
 * (`entityWeights`, the tagger's ranking), the analysis into stems (`analyzeForStories`) and the fingerprint
 * (`prepareArticle`: tokens, shingles, MinHash). Those are computed once per article before the
 * clock starts and reported on their own as µs/article, so the stream's cost reads against them.
 *
 * Parts, each in its own child process so each peak RSS is its own (bench/run.ts runs them):
 * - `1x`, `10x`, `30x` (`--huge`): the corpus replicated that many times, each copy a new time
 *   period: copy k is shifted by k × (the corpus's span + 1 day), so copies follow one another
 *   without overlapping and the stream's density stays the corpus's, and its ids are suffixed
 *   `#k`. Within a copy, wire copies and events are the corpus's own; across copies an article is
 *   weeks from its replica, beyond every window (copies 7 days, joining 3, related 7), so it never
 *   meets it. Flat CPU µs/article across copies and scales, and held stories, fingerprints and
 *   heap that stop growing after the first copy, show that the windows bound both time and
 *   memory. The replicas share the base articles' features, so the memory above the base is the
 *   windows'.
 * - `exact`: a contiguous subset in date order compared exhaustively, as the reference: exact
 *   Jaccard and containment of the shingle sets for every pair, against the LSH index's candidates
 *   (recall of copy pairs, speed ratio); and clustering that scores every recent story instead of
 *   the inverted index's shortlist (how often the shortlist holds the exhaustive best story,
 *   B-cubed agreement of the two clusterings, speed ratio).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createGunzip } from 'node:zlib';
import {
  JOIN_THRESHOLD,
  NEAR_CONTAINMENT,
  RETAIN_DAYS,
  NEAR_JACCARD,
  StoryClusterer,
  analyzeForStories,
  createCopyIndex,
  findOriginal,
  prepareArticle,
  relatedStories,
  type AnalyzedArticle,
  type ArticleFeatures,
  type PreparedArticle,
} from '../src/stories/index.ts';
import type { Story } from '../src/stories/cluster-story.ts';
import { intersectionSize } from '../src/stories/fingerprint.ts';
import { termCount } from '../src/stories/term-vector.ts';
import { entityWeights } from '../src/tags/index.ts';
import { sharedPath } from './shared-data.ts';

const DAY_MS = 86_400_000;
/** The copy index's window: a copy's original is at most this old. Story ids are kept this long. */
const COPY_WINDOW_DAYS = 7;
/** Small (CI) size: the first articles of the file (by date), replicated 3×; exact on fewer. */
const SMALL_ARTICLES = 1_000;
const SMALL_EXACT = 400;
/** Lines read in small mode: the file is in crawl-day order, so its head holds the first days. */
const SMALL_LINES = 3_000;
const EXACT_ARTICLES = 3_000;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Live heap after a full collection: what the windows really hold, unlike RSS, which rarely shrinks. */
function heapMb(): number {
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
}

export type StoriesPart = '1x' | '3x' | '10x' | '30x' | 'exact';

/** One corpus article with everything the timed stream needs, computed once. */
interface BaseArticle {
  id: string;
  source: string;
  time: number;
  analyzed: AnalyzedArticle;
  prepared: PreparedArticle;
}

interface Prepared {
  articles: BaseArticle[];
  /** µs per article of the untimed preparation. */
  entities_us: number;
  analyze_us: number;
  fingerprint_us: number;
}

export async function benchStories(opts: { small: boolean; part: string | undefined }) {
  const corpus = sharedPath('corpus/saudinewsnet/articles.jsonl.gz');
  if (!corpus) return { skipped: 'corpus/saudinewsnet is not in ../shared' };
  const part = (opts.part ?? '1x') as StoriesPart;
  // MARSAD_BENCH_STORIES_BASE=N streams only the first N articles (replicated as asked): a quicker
  // check of the scaling, whose density per day stays the corpus's while it lasts.
  const baseLimit = Number(process.env.MARSAD_BENCH_STORIES_BASE) || Infinity;
  const limit = opts.small ? (part === 'exact' ? SMALL_EXACT : SMALL_ARTICLES) : part === 'exact' ? EXACT_ARTICLES : baseLimit;
  const base = await prepareCorpus(corpus, limit, opts.small ? SMALL_LINES : Infinity);
  if (part === 'exact') return { part, ...benchExact(base.articles) };
  const scale = Number.parseInt(part, 10);
  if (!(scale >= 1)) throw new RangeError(`unknown part "${part}": 1x, 3x, 10x, 30x or exact`);
  return { part, ...benchStream(base, scale) };
}

/** Reads, sorts by date, tags, analyzes and fingerprints the first `limit` articles in date order. */
async function prepareCorpus(path: string, limit: number, maxLines: number): Promise<Prepared> {
  const raw: { id: string; source: string; title: string; body: string; time: number }[] = [];
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity })) {
    if (++lines > maxLines) break;
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; source?: string; title?: string; body?: string; date?: string };
    const time = r.date ? Date.parse(r.date.replace(' ', 'T') + 'Z') : NaN;
    if ((!r.body && !r.title) || !Number.isFinite(time)) continue;
    raw.push({ id: r.id, source: r.source ?? '', title: r.title ?? '', body: r.body ?? '', time });
  }
  raw.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  if (raw.length > limit) raw.length = limit;
  let entitiesNs = 0n;
  let analyzeNs = 0n;
  let fingerprintNs = 0n;
  const articles: BaseArticle[] = [];
  for (const [i, r] of raw.entries()) {
    raw[i] = undefined!; // the texts go as soon as their features are out
    let t = process.hrtime.bigint();
    // The entities as the pipeline and the eval weigh them (analyzeStored: the tagger's full ranking).
    const tags = entityWeights({ title: r.title, text: r.body });
    let u = process.hrtime.bigint();
    entitiesNs += u - t;
    const analyzed = analyzeForStories({ id: r.id, title: r.title, text: r.body, published: r.time, source: r.source, tags });
    t = process.hrtime.bigint();
    analyzeNs += t - u;
    const prepared = prepareArticle({ title: r.title, body: r.body });
    u = process.hrtime.bigint();
    fingerprintNs += u - t;
    // A long text's words are not kept by the index; holding them here would only inflate the base.
    if (!prepared.short) prepared.words = [];
    articles.push({ id: r.id, source: r.source, time: r.time, analyzed, prepared });
  }
  const us = (ns: bigint) => +(Number(ns) / 1e3 / Math.max(1, articles.length)).toFixed(1);
  return { articles, entities_us: us(entitiesNs), analyze_us: us(analyzeNs), fingerprint_us: us(fingerprintNs) };
}

/**
 * Copy k of the corpus is shifted by k × this: its span in whole days and one more (23 days for
 * the whole corpus), and never less than the longest window and a day, so that a short base (the
 * small size spans hours) cannot meet its own replica either.
 */
function shiftMs(base: readonly BaseArticle[]): number {
  const spanDays = Math.ceil((base.at(-1)!.time - base[0]!.time) / DAY_MS);
  return Math.max(spanDays + 1, Math.max(COPY_WINDOW_DAYS, RETAIN_DAYS) + 1) * DAY_MS;
}

/** The base articles replicated `scale` times (copy k shifted by k × shiftMs), merged in date order. */
function* replicated(base: readonly BaseArticle[], scale: number): Generator<{ a: BaseArticle; copy: number; time: number }> {
  const shift = shiftMs(base);
  const next = new Array<number>(scale).fill(0);
  let first = 0; // copies before this one are exhausted
  for (;;) {
    while (first < scale && next[first]! >= base.length) first++;
    if (first === scale) return;
    let pick = -1;
    let at = Infinity;
    // Only copies whose start is near are candidates: they begin SHIFT_DAYS apart.
    for (let k = first; k < scale; k++) {
      const i = next[k]!;
      if (i >= base.length) continue;
      const t = base[i]!.time + k * shift;
      if (t < at) [pick, at] = [k, t];
      if (k > first && base[0]!.time + k * shift > at) break;
    }
    const a = base[next[pick]!++]!;
    yield { a, copy: pick, time: at };
  }
}

/** Article id → story id for the last COPY_WINDOW_DAYS (+1) of the stream: a copy's original is in it. */
class RecentStories {
  private readonly byId = new Map<string, number>();
  private readonly order: { id: string; time: number }[] = [];
  private head = 0;

  set(id: string, time: number, storyId: number): void {
    this.byId.set(id, storyId);
    this.order.push({ id, time });
    const cutoff = time - (COPY_WINDOW_DAYS + 1) * DAY_MS;
    while (this.head < this.order.length && this.order[this.head]!.time < cutoff) this.byId.delete(this.order[this.head++]!.id);
    if (this.head > 50_000) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
  }

  get(id: string): number | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }
}

function benchStream(base: Prepared, scale: number) {
  const copies = createCopyIndex();
  const clusterer = new StoryClusterer();
  const storyOf = new RecentStories();
  let duplicates = 0;
  let stories = 0;
  let relatedLinks = 0;
  let n = 0;
  const perCopyNs = new Array<bigint>(scale).fill(0n);
  const perCopyCpuUs = new Array<number>(scale).fill(0);
  const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);
  const heapBase = heapMb();
  const rssBase = rssMb();
  let rssMax = rssBase;
  const heldMax = { stories: 0, fingerprints: 0 };
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const { a, copy, time } of replicated(base.articles, scale)) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const id = copy ? `${a.id}#${copy}` : a.id;
    const original = findOriginal({ id, body: '', publishedAt: time, source: a.source }, copies, a.prepared);
    let storyId = original ? storyOf.get(original.originalId) : undefined;
    const isCopy = storyId !== undefined;
    const analyzed = copy ? { ...a.analyzed, id, time } : a.analyzed;
    let features: ArticleFeatures;
    if (storyId === undefined) {
      const added = clusterer.add(analyzed);
      storyId = added.storyId;
      features = added.features;
      if (added.created) stories++;
    } else {
      duplicates++;
      features = clusterer.features(analyzed);
    }
    copies.add(id, a.prepared.fingerprint, time, {
      source: a.source,
      agency: a.prepared.agency,
      duplicateOf: isCopy ? original!.originalId : undefined,
      words: a.prepared.short ? a.prepared.words : undefined,
    });
    storyOf.set(id, time, storyId);
    relatedLinks += relatedStories(features, clusterer, { excludeStory: storyId }).length;
    perCopyNs[copy]! += process.hrtime.bigint() - t0;
    const c = process.cpuUsage(c0);
    perCopyCpuUs[copy]! += c.user + c.system;
    if (++n % 10_000 === 0) {
      rssMax = Math.max(rssMax, rssMb());
      heldMax.stories = Math.max(heldMax.stories, clusterer.recentCount);
      heldMax.fingerprints = Math.max(heldMax.fingerprints, copies.size);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  heldMax.stories = Math.max(heldMax.stories, clusterer.recentCount);
  heldMax.fingerprints = Math.max(heldMax.fingerprints, copies.size);
  const heapEnd = heapMb();
  const perCopyUs = perCopyNs.map((ns) => +(Number(ns) / 1e3 / base.articles.length).toFixed(1));
  const perCopyCpu = perCopyCpuUs.map((us) => +(us / base.articles.length).toFixed(1));
  const summary = (xs: number[]) => (scale <= 10 ? xs : { first: xs[0], second: xs[1], median: median(xs), last: xs.at(-1) });
  return {
    corpus: 'saudinewsnet',
    scale,
    articles: n,
    seconds: +seconds.toFixed(2),
    articles_per_s: Math.round(n / seconds),
    cpu_ms_per_article: +((cpu.user + cpu.system) / n / 1000).toFixed(3),
    shift_days: shiftMs(base.articles) / DAY_MS,
    us_per_article: +((seconds * 1e6) / n).toFixed(1),
    // CPU time (all threads, GC included): steadier than wall time on a shared machine.
    cpu_us_per_article: +((cpu.user + cpu.system) / n).toFixed(1),
    // First copy (cold windows), then the rest: flat means the archive does not slow the stream.
    us_per_article_by_copy: summary(perCopyUs),
    cpu_us_per_article_by_copy: summary(perCopyCpu),
    untimed_us_per_article: { entities: base.entities_us, analyze: base.analyze_us, fingerprint: base.fingerprint_us },
    copies: duplicates,
    stories_created: stories,
    related_per_article: +(relatedLinks / n).toFixed(2),
    // What the windows hold: at the end, and the most seen (sampled every 10,000 articles). Bounded
    // means the same at 30× as at 1×: old stories and fingerprints are evicted.
    held_at_end: { fingerprints: copies.size, stories: clusterer.recentCount, story_ids: storyOf.size },
    held_max_sampled: heldMax,
    // Distinct stems numbered in the process (term-vector.ts): the vocabulary, whatever the scale.
    terms_numbered: termCount(),
    // The base articles' features are held throughout (and shared by the replicas): the windows'
    // own memory is the heap they still hold at the end over the heap before the stream.
    heap_base_mb: heapBase,
    heap_held_by_windows_mb: heapEnd - heapBase,
    rss_after_prepare_mb: rssBase,
    rss_max_sampled_mb: rssMax,
  };
}

function benchExact(articles: readonly BaseArticle[]) {
  return { articles: articles.length, span_days: +((articles.at(-1)!.time - articles[0]!.time) / DAY_MS).toFixed(1), copies: exactCopies(articles), clustering: exactClustering(articles) };
}

/** Copy pairs (Jaccard ≥ NEAR_JACCARD or containment ≥ NEAR_CONTAINMENT within the window): every pair vs LSH. */
function exactCopies(articles: readonly BaseArticle[]) {
  const windowMs = COPY_WINDOW_DAYS * DAY_MS;
  const key = (i: number, j: number) => i * articles.length + j;
  const sets = articles.map((a) => a.prepared.fingerprint.shingles!);
  let t = process.hrtime.bigint();
  const exact = new Set<number>();
  for (let j = 0; j < articles.length; j++) {
    const b = sets[j]!;
    if (b.length === 0) continue;
    for (let i = 0; i < j; i++) {
      const a = sets[i]!;
      if (a.length === 0 || articles[j]!.time - articles[i]!.time > windowMs) continue;
      const shared = intersectionSize(a, b);
      if (shared === 0) continue;
      if (shared / (a.length + b.length - shared) >= NEAR_JACCARD || shared / Math.min(a.length, b.length) >= NEAR_CONTAINMENT) exact.add(key(i, j));
    }
  }
  const exactMs = Number(process.hrtime.bigint() - t) / 1e6;

  t = process.hrtime.bigint();
  const index = createCopyIndex();
  const slot = new Map<string, number>();
  const found = new Set<number>();
  for (let j = 0; j < articles.length; j++) {
    const a = articles[j]!;
    if (sets[j]!.length === 0) continue;
    for (const c of index.candidates(a.prepared.fingerprint, { publishedAt: a.time, minJaccard: NEAR_JACCARD, minContainment: NEAR_CONTAINMENT })) found.add(key(slot.get(c.id)!, j));
    index.add(a.id, a.prepared.fingerprint, a.time, { agency: null });
    slot.set(a.id, j);
  }
  const lshMs = Number(process.hrtime.bigint() - t) / 1e6;
  let hit = 0;
  for (const k of found) if (exact.has(k)) hit++;
  return {
    pairs_compared: (articles.length * (articles.length - 1)) / 2,
    exact_pairs: exact.size,
    lsh_pairs: found.size,
    lsh_recall: exact.size ? +(hit / exact.size).toFixed(4) : 1,
    lsh_precision: found.size ? +(hit / found.size).toFixed(4) : 1,
    exact_ms: Math.round(exactMs),
    lsh_ms: Math.round(lshMs),
    speedup: +(exactMs / lshMs).toFixed(1),
  };
}

/** Scores every recent story, not the inverted index's shortlist; optionally checks the shortlist. */
class ExhaustiveClusterer extends StoryClusterer {
  private readonly live = new Set<number>();
  joins = 0;
  shortlistHeldBest = 0;

  constructor(private readonly check: boolean) {
    super();
  }

  override add(article: AnalyzedArticle) {
    const result = super.add(article);
    this.live.add(result.storyId);
    return result;
  }

  override candidates(f: ArticleFeatures, exclude: number | null, windowMs = this.options.windowDays * DAY_MS, limit = this.options.maxCandidates): Story[] {
    const all: Story[] = [];
    for (const id of this.live) {
      const s = this.story(id);
      if (!s) this.live.delete(id);
      else if (s.id !== exclude && Math.max(0, s.firstSeen - f.time, f.time - s.lastSeen) <= windowMs) all.push(s);
    }
    if (this.check) {
      let best: Story | null = null;
      let bestScore = 0;
      for (const s of all) {
        const score = this.scoreStory(f, s);
        if (score > bestScore) [best, bestScore] = [s, score];
      }
      if (best && bestScore >= JOIN_THRESHOLD) {
        this.joins++;
        if (super.candidates(f, exclude, windowMs, limit).includes(best)) this.shortlistHeldBest++;
      }
    }
    return all;
  }
}

function exactClustering(articles: readonly BaseArticle[]) {
  const run = (clusterer: StoryClusterer) => {
    const t = process.hrtime.bigint();
    const ids = articles.map((a) => clusterer.add(a.analyzed).storyId);
    return { ids, ms: Number(process.hrtime.bigint() - t) / 1e6 };
  };
  const indexed = run(new StoryClusterer());
  const exhaustive = run(new ExhaustiveClusterer(false));
  const checker = new ExhaustiveClusterer(true);
  run(checker);
  const agreement = bcubed(indexed.ids, exhaustive.ids);
  return {
    indexed_ms: Math.round(indexed.ms),
    exhaustive_ms: Math.round(exhaustive.ms),
    speedup: +(exhaustive.ms / indexed.ms).toFixed(1),
    // On the exhaustive run's own state: of the articles that join a story, how often the index's
    // shortlist (MAX_CANDIDATES stories sharing keys) holds the story exhaustive scoring picks.
    shortlist_recall_of_best: checker.joins ? +(checker.shortlistHeldBest / checker.joins).toFixed(4) : 1,
    joins: checker.joins,
    stories: { indexed: new Set(indexed.ids).size, exhaustive: new Set(exhaustive.ids).size },
    // The indexed clustering scored with the exhaustive one as the reference.
    bcubed_vs_exhaustive: agreement,
  };
}

/** B-cubed precision, recall and F1 of `got` against `reference` (both: item → cluster id). */
function bcubed(got: readonly number[], reference: readonly number[]) {
  const size = (ids: readonly number[]) => {
    const m = new Map<number, number>();
    for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
    return m;
  };
  const gotSize = size(got);
  const refSize = size(reference);
  const both = new Map<string, number>();
  for (let i = 0; i < got.length; i++) both.set(`${got[i]}:${reference[i]}`, (both.get(`${got[i]}:${reference[i]}`) ?? 0) + 1);
  let p = 0;
  let r = 0;
  for (let i = 0; i < got.length; i++) {
    const shared = both.get(`${got[i]}:${reference[i]}`)!;
    p += shared / gotSize.get(got[i]!)!;
    r += shared / refSize.get(reference[i]!)!;
  }
  p /= got.length;
  r /= got.length;
  return { precision: +p.toFixed(4), recall: +r.toFixed(4), f1: +((2 * p * r) / (p + r)).toFixed(4) };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
