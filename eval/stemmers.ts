/**
 * Stemmer quality as retrieval: does a query find the articles that mention its concept in another
 * surface form? Three analyzers share our tokenizer, normalization and stop words and differ only in
 * the last step: our light stemmer (`terms`), Snowball's Arabic stemmer, and no stemming.
 *
 * Data: a fixed sample of SaudiNewsNet (every 10th article, 3,000 in all) from ../shared. Queries and
 * the forms a reader accepts for each are in stemmer-queries.ts. An article is relevant to a query
 * when its normalized tokens contain an accepted surface variant of every query word; an analyzer
 * retrieves it when the article's terms contain all of the query's terms. Per query: precision and
 * recall of retrieval against relevance; reported as macro averages over queries with at least one
 * relevant article, and micro (pooled) figures beside them.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { isStopWord, normalizeArabic, terms, tokenize } from '../src/arabic/index.ts';
import { STEMMER_QUERIES } from './stemmer-queries.ts';

/** Every SAMPLE_EVERY-th article: spreads the sample over the three weeks and all outlets. */
const SAMPLE_EVERY = 10;
const SAMPLE_SIZE = 3_000;

// What a reader accepts on any noun without thinking: conjunctions and prepositions, with or
// without the article (لل is لِ + ال), and attached pronouns. Taa marbuta is written ت before a
// pronoun (حكومة → حكومتها), alef maqsura ا (مستشفى → مستشفاه).
const CLITIC_PREFIXES = ['', 'و', 'ف', 'ب', 'ك', 'ل', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل', 'وبال', 'وب', 'ول', 'وك', 'فب', 'فل'];
// Not ه or ي: after folding, حاج + ه is حاجه (need) and حرم + ي is حرمي; the nisba adjectives a
// reader accepts are listed as forms.
const PRONOUN_SUFFIXES = ['ها', 'هم', 'هما', 'هن', 'كم', 'نا'];
const DUAL_ENDINGS = ['ان', 'ين'];
/** Accusative tanween on words not ending in ة، ى or ا (اتفاقاً). */
const TANWEEN_ALEF = 'ا';

export interface AnalyzerScore {
  recall: number;
  precision: number;
  f1: number;
  micro_recall: number;
  micro_precision: number;
}

export interface QueryScore {
  query: string;
  relevant: number;
  /** Per analyzer: articles retrieved and how many of them are relevant. */
  retrieved: Record<AnalyzerName, { n: number; relevant: number }>;
}

export interface StemmersEval {
  articles: number;
  queries: number;
  /** Queries with no relevant article in the sample: left out of the averages. */
  skipped: string[];
  analyzers: Record<AnalyzerName, AnalyzerScore>;
  per_query: QueryScore[];
}

type AnalyzerName = 'marsad' | 'snowball' | 'none';

interface Analyzer {
  name: AnalyzerName;
  terms(text: string): string[];
}

interface SnowballStemmer {
  stem(word: string): string;
}

function sharedDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
}

/**
 * Snowball's Arabic stemmer behind our tokenizer, normalization and stop words (a CommonJS package
 * without types). It gets the matching form: on the raw surface it scores lower (recall 0.53,
 * precision 0.84 on this set), since it leaves vocalized and hamza variants apart.
 */
export function snowballTerms(): (text: string) => string[] {
  const require = createRequire(import.meta.url);
  const { newStemmer } = require('snowball-stemmers') as { newStemmer(language: string): SnowballStemmer };
  const snowball = newStemmer('arabic');
  // Snowball's JavaScript port is slow (see bench/analyze.ts); the answers are the same remembered.
  const memo = new Map<string, string>();
  const stem = (norm: string) => {
    let s = memo.get(norm);
    if (s === undefined) memo.set(norm, (s = snowball.stem(norm)));
    return s;
  };
  return (text) => tokenize(text).filter((t) => !isStopWord(t.norm)).map((t) => stem(t.norm));
}

function unstemmedTerms(text: string): string[] {
  return tokenize(text).filter((t) => !isStopWord(t.norm)).map((t) => t.norm);
}

/** Every normalized surface form a reader accepts for `form`. */
export function surfaceVariants(form: string): string[] {
  const last = form.at(-1);
  const before = last === 'ة' ? form.slice(0, -1) + 'ت' : last === 'ى' ? form.slice(0, -1) + 'ا' : form;
  const out = new Set<string>();
  for (const prefix of CLITIC_PREFIXES) {
    out.add(normalizeArabic(prefix + form));
    for (const suffix of PRONOUN_SUFFIXES) out.add(normalizeArabic(prefix + before + suffix));
    // ته is unambiguous: a taa marbuta before "his" (حكومته).
    if (last === 'ة') out.add(normalizeArabic(prefix + before + 'ه'));
    // The dual of any noun (سيارتين، مطاران); nisba adjectives list theirs as forms.
    if (last !== 'ي' && last !== 'ى' && last !== 'ا') for (const dual of DUAL_ENDINGS) out.add(normalizeArabic(prefix + before + dual));
    // Sound plurals lose their ن before a genitive (مواطني الدولة، مسؤولو الوزارة).
    if (form.endsWith('ين') || form.endsWith('ون')) out.add(normalizeArabic(prefix + form.slice(0, -1)));
    if (last !== 'ة' && last !== 'ى' && last !== 'ا') out.add(normalizeArabic(prefix + form + TANWEEN_ALEF));
  }
  return [...out];
}

/** The first SAMPLE_SIZE of every SAMPLE_EVERY-th article, as title + body. */
export async function loadSample(path: string, every = SAMPLE_EVERY, size = SAMPLE_SIZE): Promise<string[]> {
  const texts: string[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let i = 0;
  for await (const line of lines) {
    if (i++ % every !== 0) continue;
    const article = JSON.parse(line) as { title?: string; body?: string };
    texts.push(`${article.title ?? ''}\n${article.body ?? ''}`);
    if (texts.length >= size) break;
  }
  lines.close();
  return texts;
}

function containsAny(tokens: Set<string>, variants: Set<string>): boolean {
  for (const t of tokens) if (variants.has(t)) return true;
  return false;
}

function score(perQuery: QueryScore[], name: AnalyzerName): AnalyzerScore {
  let recall = 0;
  let precision = 0;
  let f1 = 0;
  let tp = 0;
  let relevant = 0;
  let retrieved = 0;
  for (const q of perQuery) {
    const r = q.retrieved[name];
    const rc = r.relevant / q.relevant;
    // A query that retrieves nothing has made no wrong claim; precision 1 would reward silence, so it scores 0.
    const pr = r.n === 0 ? 0 : r.relevant / r.n;
    recall += rc;
    precision += pr;
    f1 += rc + pr === 0 ? 0 : (2 * rc * pr) / (rc + pr);
    tp += r.relevant;
    relevant += q.relevant;
    retrieved += r.n;
  }
  const n = perQuery.length;
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    recall: round(recall / n),
    precision: round(precision / n),
    f1: round(f1 / n),
    micro_recall: round(tp / relevant),
    micro_precision: round(retrieved === 0 ? 0 : tp / retrieved),
  };
}

/** Recall, precision and F1 of each analyzer on the query set; null when ../shared is absent. */
export async function evalStemmers(): Promise<StemmersEval | null> {
  const path = join(sharedDir(), 'corpus', 'saudinewsnet', 'articles.jsonl.gz');
  if (!existsSync(path)) {
    process.stderr.write('evalStemmers: ../shared/corpus/saudinewsnet is absent; skipping the stemmer evaluation\n');
    return null;
  }
  const texts = await loadSample(path);
  const analyzers: Analyzer[] = [
    { name: 'marsad', terms },
    { name: 'snowball', terms: snowballTerms() },
    { name: 'none', terms: unstemmedTerms },
  ];
  const norms = texts.map((t) => new Set(tokenize(t).map((x) => x.norm)));
  const termSets = new Map(analyzers.map((a) => [a.name, texts.map((t) => new Set(a.terms(t)))]));

  const perQuery: QueryScore[] = [];
  const skipped: string[] = [];
  for (const q of STEMMER_QUERIES) {
    const groups = q.concepts.map((forms) => new Set(forms.flatMap(surfaceVariants)));
    const isRelevant = norms.map((set) => groups.every((g) => containsAny(set, g)));
    const relevant = isRelevant.filter(Boolean).length;
    if (relevant === 0) {
      skipped.push(q.query);
      continue;
    }
    const retrieved = {} as QueryScore['retrieved'];
    for (const a of analyzers) {
      const wanted = a.terms(q.query);
      const sets = termSets.get(a.name)!;
      let n = 0;
      let hits = 0;
      sets.forEach((set, i) => {
        if (wanted.length > 0 && wanted.every((t) => set.has(t))) {
          n++;
          if (isRelevant[i]) hits++;
        }
      });
      retrieved[a.name] = { n, relevant: hits };
    }
    perQuery.push({ query: q.query, relevant, retrieved });
  }
  return {
    articles: texts.length,
    queries: perQuery.length,
    skipped,
    analyzers: { marsad: score(perQuery, 'marsad'), snowball: score(perQuery, 'snowball'), none: score(perQuery, 'none') },
    per_query: perQuery,
  };
}
