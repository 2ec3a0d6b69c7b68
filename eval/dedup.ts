/**
 * Syndicated-copy detection, measured two ways.
 *
 * 1. SaudiNewsNet silver pairs (../shared/corpus/saudinewsnet): every article crawled on or before
 *    2015-07-31 (the dev pairs' scope) goes through the copy index in crawl order, as a live stream
 *    would. A predicted pair is a new article and an earlier one that `matchCopies` says carry the
 *    same wire text. Recall is over the silver positives (near_duplicate, exact_or_near_exact);
 *    precision over the predictions, once against the positives and once against "any silver pair"
 *    (partial_overlap too), since the silver labels are machine-made and a partial overlap may be a
 *    real copy with a rewritten half. Predictions are counted only between bodies the silver
 *    labeller could see (at least 40 Arabic-letter or digit words): it skipped shorter ones.
 *    `sample` lists predicted pairs that are not silver positives, for a person to read.
 * 2. ANS headline pairs (../shared/corpus/ans-headlines, stance dev and train): s1 and s2 as two
 *    title-only articles, s2 published an hour after s1. A `disagree` pair that merges is a false
 *    merge: the two state different facts. `agree` pairs are paraphrases; merging them is allowed,
 *    not required.
 *
 * Run directly for the figures; `--throughput` streams all 31k articles instead and reports speed.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { createCopyIndex, detectCopy, findOriginal, matchCopies, prepareArticle, type CopyArticle } from '../src/stories/index.ts';

/** The dev pairs' scope: both articles crawled on or before this day. */
const DEV_LAST_DAY = '2015-07-31';
/** The silver labeller skipped bodies with fewer Arabic-letter or digit words than this. */
const SILVER_MIN_WORDS = 40;
const SAMPLE_SIZE = 20;
const HOUR_MS = 3_600_000;

interface SnnArticle {
  id: string;
  source: string;
  date: string;
  title: string;
  body: string;
}

interface SilverPair {
  id1: string;
  id2: string;
  jaccard_w5: number;
  containment_w5: number;
  label: 'exact_or_near_exact' | 'near_duplicate' | 'partial_overlap';
}

export interface PairSample {
  id1: string;
  id2: string;
  /** The silver label of the pair, or 'none' when the labeller did not pair them. */
  silver: string;
  sources: string;
  jaccard: number;
  containment: number;
  titles: [string, string];
}

export interface DedupEval {
  silver: {
    articles: number;
    in_scope: number;
    predicted_pairs: number;
    silver_positives: number;
    precision: number;
    precision_lenient: number;
    recall: number;
    f1: number;
    recall_by_label: Record<string, number>;
    /** Articles `findOriginal` folds under an earlier one, and those with an agency credit. */
    folded: number;
    credited: number;
    sample: PairSample[];
    ms: number;
  } | null;
  headlines: {
    disagree_pairs: number;
    false_merges: number;
    false_merge_rate: number;
    agree_pairs: number;
    agree_merges: number;
    agree_merge_rate: number;
    false_merge_examples: Array<[string, string]>;
  } | null;
}

export interface DedupOptions {
  /** Only the first `days` crawl days of the dev scope (deterministic subsample for the test). */
  days?: number;
}

function sharedDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const crawlTime = (date: string) => Date.parse(`${date.replace(' ', 'T')}Z`);

async function loadArticles(path: string, lastDay: string | null): Promise<SnnArticle[]> {
  const out: SnnArticle[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const a = JSON.parse(line) as SnnArticle;
    if (lastDay === null || a.date.slice(0, 10) <= lastDay) out.push({ id: a.id, source: a.source, date: a.date, title: a.title ?? '', body: a.body ?? '' });
  }
  // Crawl order, ties by id: the stream a live crawler would have seen.
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function silverWords(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (/^[\u0621-\u064a0-9]+$/.test(w)) n++;
  return n;
}

async function evalSilver(dir: string, options: DedupOptions): Promise<DedupEval['silver']> {
  let articles = await loadArticles(join(dir, 'articles.jsonl.gz'), DEV_LAST_DAY);
  if (options.days !== undefined) {
    const days = [...new Set(articles.map((a) => a.date.slice(0, 10)))].slice(0, options.days);
    articles = articles.filter((a) => days.includes(a.date.slice(0, 10)));
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const silver = readFileSync(join(dir, 'silver_neardup_pairs.dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SilverPair)
    .filter((p) => byId.has(p.id1) && byId.has(p.id2));
  const labels = new Map(silver.map((p) => [pairKey(p.id1, p.id2), p.label]));
  const positives = silver.filter((p) => p.label !== 'partial_overlap');

  const started = performance.now();
  const index = createCopyIndex();
  const inScope = new Set<string>();
  const predicted = new Map<string, { jaccard: number; containment: number }>();
  let folded = 0;
  let credited = 0;
  for (const a of articles) {
    const article: CopyArticle = { id: a.id, title: a.title, body: a.body, publishedAt: crawlTime(a.date), source: a.source };
    const prepared = prepareArticle(article);
    const scoped = silverWords(prepareArticle({ body: a.body }).words) >= SILVER_MIN_WORDS;
    if (scoped) inScope.add(a.id);
    for (const m of matchCopies(article, index, prepared)) {
      if (scoped && inScope.has(m.id)) predicted.set(pairKey(a.id, m.id), { jaccard: m.similarity, containment: m.containment });
    }
    const original = findOriginal(article, index, prepared);
    if (original) folded++;
    if (prepared.agency?.credited) credited++;
    index.add(a.id, prepared.fingerprint, article.publishedAt, {
      source: a.source,
      agency: prepared.agency,
      duplicateOf: original?.originalId,
      words: prepared.short ? prepared.words : undefined,
    });
  }
  const ms = performance.now() - started;

  let truePositives = 0;
  let anySilver = 0;
  const notPositive: string[] = [];
  for (const key of predicted.keys()) {
    const label = labels.get(key);
    if (label && label !== 'partial_overlap') truePositives++;
    else notPositive.push(key);
    if (label) anySilver++;
  }
  const recallByLabel: Record<string, number> = {};
  for (const label of ['exact_or_near_exact', 'near_duplicate'] as const) {
    const of = positives.filter((p) => p.label === label);
    recallByLabel[label] = round(of.filter((p) => predicted.has(pairKey(p.id1, p.id2))).length / Math.max(1, of.length));
  }
  const precision = truePositives / Math.max(1, predicted.size);
  const recall = truePositives / Math.max(1, positives.length);
  return {
    articles: articles.length,
    in_scope: inScope.size,
    predicted_pairs: predicted.size,
    silver_positives: positives.length,
    precision: round(precision),
    precision_lenient: round(anySilver / Math.max(1, predicted.size)),
    recall: round(recall),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    recall_by_label: recallByLabel,
    folded,
    credited,
    sample: samplePairs(notPositive, predicted, byId, labels),
    ms: Math.round(ms),
  };
}

// A fixed spread over the unlabelled predictions: sorted keys, evenly spaced.
function samplePairs(
  keys: string[],
  predicted: Map<string, { jaccard: number; containment: number }>,
  byId: Map<string, SnnArticle>,
  labels: Map<string, string>,
): PairSample[] {
  keys.sort();
  const step = Math.max(1, keys.length / SAMPLE_SIZE);
  const out: PairSample[] = [];
  for (let i = 0; i < keys.length && out.length < SAMPLE_SIZE; i += step) {
    const key = keys[Math.floor(i)]!;
    const [id1, id2] = key.split('|') as [string, string];
    const a = byId.get(id1)!;
    const b = byId.get(id2)!;
    const p = predicted.get(key)!;
    out.push({ id1, id2, silver: labels.get(key) ?? 'none', sources: `${a.source}/${b.source}`, jaccard: round(p.jaccard), containment: round(p.containment), titles: [a.title, b.title] });
  }
  return out;
}

interface StancePair {
  s1: string;
  s2: string;
  stance: 'agree' | 'disagree' | 'other';
}

function evalHeadlines(dir: string): DedupEval['headlines'] {
  const rows: StancePair[] = [];
  for (const f of ['stance.dev.jsonl', 'stance.train.jsonl']) {
    for (const line of readFileSync(join(dir, f), 'utf8').trim().split('\n')) rows.push(JSON.parse(line) as StancePair);
  }
  let disagree = 0;
  let falseMerges = 0;
  let agree = 0;
  let agreeMerges = 0;
  const examples: Array<[string, string]> = [];
  const t0 = Date.UTC(2018, 0, 1);
  for (const [i, r] of rows.entries()) {
    if (r.stance === 'other') continue;
    const index = createCopyIndex();
    detectCopy({ id: `${i}-1`, title: r.s1, body: '', publishedAt: t0 }, index);
    const merged = detectCopy({ id: `${i}-2`, title: r.s2, body: '', publishedAt: t0 + HOUR_MS }, index) !== null;
    if (r.stance === 'disagree') {
      disagree++;
      if (merged) {
        falseMerges++;
        if (examples.length < 10) examples.push([r.s1, r.s2]);
      }
    } else {
      agree++;
      if (merged) agreeMerges++;
    }
  }
  return {
    disagree_pairs: disagree,
    false_merges: falseMerges,
    false_merge_rate: round(falseMerges / Math.max(1, disagree)),
    agree_pairs: agree,
    agree_merges: agreeMerges,
    agree_merge_rate: round(agreeMerges / Math.max(1, agree)),
    false_merge_examples: examples,
  };
}

/** The dedup figures; a part whose corpus is absent from ../shared is null. */
export async function evalDedup(options: DedupOptions = {}): Promise<DedupEval> {
  const snn = join(sharedDir(), 'corpus', 'saudinewsnet');
  const ans = join(sharedDir(), 'corpus', 'ans-headlines');
  const haveSnn = existsSync(join(snn, 'articles.jsonl.gz')) && existsSync(join(snn, 'silver_neardup_pairs.dev.jsonl'));
  const haveAns = existsSync(join(ans, 'stance.dev.jsonl')) && existsSync(join(ans, 'stance.train.jsonl'));
  if (!haveSnn) process.stderr.write('evalDedup: ../shared/corpus/saudinewsnet is absent; skipping the silver-pair evaluation\n');
  if (!haveAns) process.stderr.write('evalDedup: ../shared/corpus/ans-headlines is absent; skipping the headline evaluation\n');
  return { silver: haveSnn ? await evalSilver(snn, options) : null, headlines: haveAns ? evalHeadlines(ans) : null };
}

/** All 31k articles in crawl order through fingerprint + index (`detectCopy`): speed and memory. */
export async function measureDedupThroughput(): Promise<{ articles: number; seconds: number; articles_per_second: number; copies: number; peak_rss_mb: number; rss_after_loading_mb: number; index_size: number } | null> {
  const path = join(sharedDir(), 'corpus', 'saudinewsnet', 'articles.jsonl.gz');
  if (!existsSync(path)) return null;
  const articles = await loadArticles(path, null);
  const loadedRss = process.memoryUsage().rss;
  const index = createCopyIndex();
  let copies = 0;
  const started = performance.now();
  for (const a of articles) {
    if (detectCopy({ id: a.id, title: a.title, body: a.body, publishedAt: crawlTime(a.date), source: a.source }, index)) copies++;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    articles: articles.length,
    seconds: Math.round(seconds * 100) / 100,
    articles_per_second: Math.round(articles.length / seconds),
    copies,
    // Peak RSS includes the whole corpus held in memory; the RSS after loading it is beside it.
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    rss_after_loading_mb: Math.round(loadedRss / 2 ** 20),
    index_size: index.size,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = process.argv.includes('--throughput') ? await measureDedupThroughput() : await evalDedup();
  console.log(JSON.stringify(result, null, 2));
}
