/**
 * Analyzer throughput on SaudiNewsNet bodies: our `terms` (tokenize → normalize → stop words → light
 * stem) next to the same pipeline ending in Snowball's Arabic stemmer, and a whitespace split as the
 * floor any analyzer pays. All three run in this process on the same bodies, after a warm-up pass, so
 * the ratios hold across machines even when the absolute figures do not.
 */
import { createRequire } from 'node:module';
import { isStopWord, normalizeArabic, terms } from '../src/arabic/index.ts';
import { scanTokens } from '../src/arabic/tokenize.ts';
import { readArticles, sharedPath } from './shared-data.ts';

/** Articles in the small run (CI): enough for stable figures, quick enough for every push. */
const SMALL_ARTICLES = 1_000;
/** The small run repeats its bodies and keeps the best round, so one GC pause does not decide it… */
const SMALL_ROUNDS = 3;
/** …unless a round already took this long (Snowball): then one round is long enough to be stable. */
const REPEAT_BELOW_SECONDS = 1;
/** Bodies analyzed before timing, so every contender is measured with its code optimized. */
const WARMUP_ARTICLES = 500;

interface ContenderResult {
  articles_per_s: number;
  mb_per_s: number;
  seconds: number;
  terms: number;
}

type Contender = (text: string) => number;

function snowballContender(): Contender {
  const require = createRequire(import.meta.url);
  const { newStemmer } = require('snowball-stemmers') as { newStemmer(language: string): { stem(word: string): string } };
  const snowball = newStemmer('arabic');
  // The same steps as `terms`, with Snowball's stem in place of ours.
  return (text) => {
    const out: string[] = [];
    scanTokens(text, (start, end) => {
      const norm = normalizeArabic(text.slice(start, end));
      if (!isStopWord(norm)) out.push(snowball.stem(norm));
    });
    return out.length;
  };
}

const WHITESPACE = /\s+/;

function time(bodies: string[], mb: number, rounds: number, run: Contender): ContenderResult {
  let best = Infinity;
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    count = 0;
    const start = process.hrtime.bigint();
    for (const body of bodies) count += run(body);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.min(best, seconds);
    if (seconds > REPEAT_BELOW_SECONDS) break;
  }
  return {
    articles_per_s: Math.round(bodies.length / best),
    mb_per_s: +(mb / best).toFixed(2),
    seconds: +best.toFixed(3),
    terms: count,
  };
}

/** Throughput of the three analyzers, with ours as ratios against the other two. */
export async function benchAnalyze(opts: { small: boolean }) {
  const corpus = sharedPath('corpus/saudinewsnet/articles.jsonl.gz');
  if (!corpus) return { skipped: 'corpus/saudinewsnet is not in ../shared' };
  const bodies = (await readArticles(corpus, opts.small ? SMALL_ARTICLES : Infinity)).map((a) => a.body);
  const mb = bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / 1e6;
  const contenders: Record<string, Contender> = {
    marsad: (text) => terms(text).length,
    snowball: snowballContender(),
    whitespace_split: (text) => text.split(WHITESPACE).length,
  };
  const rounds = opts.small ? SMALL_ROUNDS : 1;
  const results: Record<string, ContenderResult> = {};
  for (const [name, run] of Object.entries(contenders)) {
    for (const body of bodies.slice(0, WARMUP_ARTICLES)) run(body);
    results[name] = time(bodies, mb, rounds, run);
  }
  const ratio = (a: string, b: string) => +(results[a]!.articles_per_s / results[b]!.articles_per_s).toFixed(2);
  return {
    corpus: 'saudinewsnet',
    articles: bodies.length,
    mb: +mb.toFixed(1),
    ...results,
    marsad_vs_snowball: ratio('marsad', 'snowball'),
    marsad_vs_whitespace_split: ratio('marsad', 'whitespace_split'),
  };
}
