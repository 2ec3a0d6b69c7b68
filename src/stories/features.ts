// What clustering and related articles see of an article: a TF-IDF vector over the analyzer's stems
// (title and lead count more, because that is where an article states its news), the entities the
// tagger found with their weights, and when it was published. The expensive part (analysis and
// tagging) does not depend on the document frequencies and is done once (`analyzeForStories`); the
// cheap part (weighting by the current IDF) happens when the article enters the clusterer.
import { terms } from '../arabic/index.ts';
import { entityWeights } from '../tags/index.ts';
import { TermVector, termNumber } from './term-vector.ts';

/** A title word counts as much as three body words: the headline states the event. */
export const TITLE_WEIGHT = 3;
/** Lead words count double: the first paragraph repeats the news; later ones drift to background. */
export const LEAD_WEIGHT = 2;
/** The lead, when the article has none of its own: its first paragraph, at most this many characters. */
const LEAD_CHARS = 400;
/**
 * Content words read from the body after the lead. Articles drift from the event into background
 * (earlier attacks, history, the outlet's own commentary) that pulls them towards other stories:
 * on the gold set, reading 500 words gave B-cubed F1 0.758, 150 → 0.772, 60 → 0.783, 30 → 0.80,
 * and none at all (title and lead only) 0.754. See eval/clustering.ts.
 */
const BODY_TERMS = 30;
/** Characters of body scanned for those words: far more than 30 content words ever take. */
const BODY_CHARS = 1500;
/** Terms kept in an article's vector, heaviest first: the tail adds cost, not discrimination. */
export const ARTICLE_TERMS = 120;

/** Document frequencies: an IDF of 0 for nothing, even for the very first articles. */
const SEED_DOCS = 20;
/** Bounded memory: past this many distinct terms, terms seen once are forgotten. */
const MAX_DF_TERMS = 300_000;
/** Every this many documents, all counts halve, so the IDF follows this month's news, not last year's. */
const DF_HALF_LIFE_DOCS = 50_000;

/** An entity the article names and how much it is about it (1 for its main entity). */
export interface WeightedEntity {
  id: string;
  weight: number;
}

/** The input of clustering: an article as the pipeline has it. */
export interface StoryArticle {
  id: string | number;
  title: string;
  lead?: string | null;
  text: string;
  /** Publication (or, failing that, fetch) time: ISO string, epoch milliseconds or Date. */
  published: string | number | Date;
  /** The outlet, for outlet counts. */
  source?: string | number | null;
  /**
   * Entities with weights, computed here when absent (entityWeights: the tagger's full ranking, what
   * the evaluation measures). Not the stored tags (tagArticle), which keep only the main entities:
   * clustering on those lost 0.02 of B-cubed F1 (src/pipeline/story-replay.ts).
   */
  tags?: readonly WeightedEntity[];
}

/** An article analyzed once: term counts by zone, entities, time. Independent of the IDF. */
export interface AnalyzedArticle {
  id: string | number;
  title: string;
  source: string | null;
  /** Epoch milliseconds. */
  time: number;
  /** Stem → weighted count (title ×3, lead ×2, body ×1). */
  counts: Map<string, number>;
  /** Stem → count in the title alone (for the title-only baseline and titles' own similarity). */
  titleCounts: Map<string, number>;
  entities: WeightedEntity[];
}

/** A sparse map: key → weight (entity vectors). */
export type SparseVector = Map<string, number>;

export class InvalidArticleTimeError extends Error {
  readonly code = 'invalid_article_time';
  constructor(readonly id: string | number, value: unknown) {
    super(`Article ${String(id)} has no readable publication time (${String(value)}); give an ISO 8601 instant.`);
  }
}

/** Analyzes and tags `article` once; everything later (vectors, scores) starts from this. */
export function analyzeForStories(article: StoryArticle): AnalyzedArticle {
  const time = toMillis(article.published);
  if (!Number.isFinite(time)) throw new InvalidArticleTimeError(article.id, article.published);
  const lead = article.lead?.trim() || firstParagraph(article.text);
  // The lead is usually the body's first paragraph: count the body after it, not twice.
  const body = article.text.startsWith(lead) ? article.text.slice(lead.length) : article.text;
  const counts = new Map<string, number>();
  const titleCounts = new Map<string, number>();
  for (const t of terms(article.title)) {
    bump(counts, t, TITLE_WEIGHT);
    bump(titleCounts, t, 1);
  }
  for (const t of terms(lead)) bump(counts, t, LEAD_WEIGHT);
  const bodyTerms = terms(body.slice(0, BODY_CHARS));
  for (let i = 0; i < bodyTerms.length && i < BODY_TERMS; i++) bump(counts, bodyTerms[i]!, 1);
  const entities = (article.tags ?? entityWeights({ title: article.title, lead: article.lead, text: article.text })).map((t) => ({ id: t.id, weight: t.weight }));
  return { id: article.id, title: article.title, source: article.source == null ? null : String(article.source), time, counts, titleCounts, entities };
}

function firstParagraph(text: string): string {
  const trimmed = text.trimStart();
  const end = trimmed.indexOf('\n');
  const para = end < 0 ? trimmed : trimmed.slice(0, end);
  return para.length > LEAD_CHARS ? para.slice(0, LEAD_CHARS) : para;
}

function toMillis(value: string | number | Date): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  // "2015-08-06 01:00:00" (no T, no zone) is read as UTC, like the rest of our instants.
  const iso = /^\d{4}-\d{2}-\d{2} \d/.test(value) ? value.replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? '' : 'Z') : value;
  return Date.parse(iso);
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export interface DocumentFrequencyState {
  docs: number;
  counts: [string, number][];
}

/**
 * Online document frequencies. Each article counts once per distinct stem as it arrives; memory is
 * bounded by forgetting rare terms and by halving all counts now and then (old news fades).
 */
export class DocumentFrequencies {
  private docs = 0;
  private readonly counts = new Map<string, number>();
  private sinceHalving = 0;

  constructor(private readonly maxTerms = MAX_DF_TERMS, private readonly halfLifeDocs = DF_HALF_LIFE_DOCS) {}

  get documents(): number {
    return this.docs;
  }

  get size(): number {
    return this.counts.size;
  }

  /** Counts one document's distinct terms. */
  observe(termsOfDoc: Iterable<string>): void {
    for (const t of termsOfDoc) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
    this.docs++;
    if (++this.sinceHalving >= this.halfLifeDocs) this.halve();
    if (this.counts.size > this.maxTerms) this.forgetRare();
  }

  /**
   * Smoothed IDF. SEED_DOCS pretend documents that contain nothing keep the first articles' IDF
   * finite and nearly flat (plain TF), rather than wild: with 3 documents a term in 1 of them is not
   * a rare term.
   */
  idf(term: string): number {
    return Math.log(1 + (this.docs + SEED_DOCS) / ((this.counts.get(term) ?? 0) + 1));
  }

  toJSON(): DocumentFrequencyState {
    return { docs: this.docs, counts: [...this.counts] };
  }

  static fromJSON(state: DocumentFrequencyState): DocumentFrequencies {
    const df = new DocumentFrequencies();
    df.docs = state.docs;
    for (const [t, n] of state.counts) df.counts.set(t, n);
    return df;
  }

  private halve(): void {
    this.sinceHalving = 0;
    this.docs = Math.ceil(this.docs / 2);
    for (const [t, n] of this.counts) {
      const half = Math.floor(n / 2);
      if (half === 0) this.counts.delete(t);
      else this.counts.set(t, half);
    }
  }

  private forgetRare(): void {
    for (const [t, n] of this.counts) if (n <= 1) this.counts.delete(t);
    if (this.counts.size > this.maxTerms * 0.9) this.halve();
  }
}

/** TF-IDF with sublinear TF, the heaviest `ARTICLE_TERMS` terms, heaviest first, L2-normalized. */
export function weighTerms(counts: ReadonlyMap<string, number>, df: DocumentFrequencies, keep = ARTICLE_TERMS): TermVector {
  const weighted = new Map<number, number>();
  for (const [t, n] of counts) weighted.set(termNumber(t), (1 + Math.log(n)) * df.idf(t));
  const v = TermVector.top(weighted, keep);
  const n = v.norm();
  if (n > 0) for (let i = 0; i < v.weights.length; i++) v.weights[i] = v.weights[i]! / n;
  return v;
}

export function norm(v: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

/** The dot product, iterating over the smaller map. */
export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [t, w] of a) {
    const o = b.get(t);
    if (o !== undefined) s += w * o;
  }
  return s;
}

/** Cosine of two sparse vectors of any length. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const d = dot(a, b);
  if (d === 0) return 0;
  return d / (norm(a) * norm(b));
}

/** Entities as a vector (id → weight), for cosine against a story's entity counts. */
export function entityVector(entities: readonly WeightedEntity[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const e of entities) v.set(e.id, Math.max(v.get(e.id) ?? 0, e.weight));
  return v;
}
