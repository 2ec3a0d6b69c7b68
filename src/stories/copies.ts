// Syndicated copies: two articles that carry one wire text, lightly edited. A copy is marked
// `duplicate_of` the earliest published article that carries the same text, and attributed to the
// agency the text credits. It is not dropped: the pipeline folds it under its original.
//
// Decisions, measured in eval/dedup.ts:
// - Shingles are of the body alone: outlets rewrite headlines, and a headline is a tenth of a
//   body's shingles but would be half of the difference. A body too short to judge (under
//   SHORT_TEXT_WORDS words) is shingled with its title and judged as a headline.
// - Long texts are copies at Jaccard ≥ 0.5, or when ≥ 80% of the newer text's shingles are in the
//   older one (a trimmed wire story). These are the silver labels' thresholds; they keep apart
//   articles that share only a template (two court sentences, two weather bulletins), which
//   typically reach J 0.3–0.45.
// - A changed number in a long text does not break a copy: agencies update a death toll or a sum
//   and outlets republish whichever version they caught, still the same wire story. In a headline a
//   changed number is the news, so short texts are held to a stricter rule (short-text.ts).
import { tokenize, type Token } from '../arabic/index.ts';
import { fingerprintWords, type Fingerprint } from './fingerprint.ts';
import { NearDupIndex, type NearDupIndexOptions } from './near-dup-index.ts';
import { SHORT_TEXT_WORDS, statesSameFacts } from './short-text.ts';
import { detectWireAgency, type WireAgency } from './wire-agencies.ts';

/** Jaccard from which two long texts are the same wire story. */
export const NEAR_JACCARD = 0.5;
/** Share of the newer text's shingles found in the older one that makes it a trimmed copy. */
export const NEAR_CONTAINMENT = 0.8;
/** Jaccard from which a copy is 'exact': the same text save a byline or a word or two. */
export const EXACT_JACCARD = 0.9;
/** Two headlines must share this much of their shingles, and state the same facts. */
export const SHORT_JACCARD = 0.8;

/** An article as copy detection sees it. `publishedAt` is in milliseconds since the epoch. */
export interface CopyArticle {
  id: string;
  title?: string;
  body: string;
  publishedAt: number;
  source?: string;
}

/** What the index keeps per article besides its fingerprint. */
export interface CopyMeta {
  source?: string;
  agency: WireAgency | null;
  /** The article's own original when it is a copy: copies fold under the root, not under copies. */
  duplicateOf?: string;
  /** Normalized words of a short text, for the facts check; absent for long texts. */
  words?: string[];
}

export type CopyIndex = NearDupIndex<CopyMeta>;

/** Fingerprint and the rest of what copy detection derives from one article. */
export interface PreparedArticle {
  fingerprint: Fingerprint;
  short: boolean;
  words: string[];
  agency: WireAgency | null;
}

/** A stored article that shares its wire text with the one asked about. */
export interface CopyMatch {
  id: string;
  publishedAt: number;
  /** Jaccard similarity of the two shingle sets. */
  similarity: number;
  /** Shared shingles over the smaller set's size. */
  containment: number;
  /** Share of the asking article's shingles found in the stored one. */
  contained: number;
  kind: 'exact' | 'near';
  meta: CopyMeta;
}

/** What `findOriginal` reports for a copy. */
export interface OriginalFound {
  originalId: string;
  similarity: number;
  kind: 'exact' | 'near';
  /** The agency the copy or its original credits, when either names one. */
  agency: WireAgency | null;
  /** The stored article the text matched; differs from `originalId` when that was itself a copy. */
  matchedId: string;
}

/** An index for copy detection, with the defaults measured in eval/dedup.ts. */
export function createCopyIndex(options: NearDupIndexOptions = {}): CopyIndex {
  return new NearDupIndex<CopyMeta>(options);
}

/** Tokenizes once and derives fingerprint, shortness and agency credit. */
export function prepareArticle(article: Pick<CopyArticle, 'title' | 'body'>): PreparedArticle {
  const bodyTokens = tokenize(article.body);
  let tokens: Token[] = bodyTokens;
  if (bodyTokens.length < SHORT_TEXT_WORDS && article.title) tokens = [...tokenize(article.title), ...bodyTokens];
  const words = tokens.map((t) => t.norm);
  const agency = detectWireAgency(article.body, bodyTokens) ?? (article.title ? detectWireAgency(article.title) : null);
  return { fingerprint: fingerprintWords(words), short: words.length < SHORT_TEXT_WORDS, words, agency };
}

/** Every stored article within the time window that carries the same wire text, most similar first. */
export function matchCopies(article: CopyArticle, index: CopyIndex, prepared = prepareArticle(article)): CopyMatch[] {
  const fp = prepared.fingerprint;
  const found = index.candidates(fp, {
    publishedAt: article.publishedAt,
    minJaccard: prepared.short ? SHORT_JACCARD : NEAR_JACCARD,
    minContainment: prepared.short ? 2 : NEAR_CONTAINMENT,
  });
  const out: CopyMatch[] = [];
  for (const c of found) {
    if (c.id === article.id) continue;
    const storedShort = c.meta.words !== undefined;
    if (prepared.short || storedShort) {
      // A headline against a headline only; a title-only item is never a copy of a full article.
      if (!prepared.short || !storedShort || c.jaccard < SHORT_JACCARD) continue;
      if (!statesSameFacts(prepared.words, c.meta.words!)) continue;
    }
    out.push({
      id: c.id,
      publishedAt: c.publishedAt,
      similarity: c.jaccard,
      containment: c.containment,
      contained: c.queryContained,
      kind: c.jaccard >= EXACT_JACCARD ? 'exact' : 'near',
      meta: c.meta,
    });
  }
  return out;
}

/**
 * The original `article` is a copy of, or null. The original is the earliest published stored
 * article whose text this one copies (followed to its root when that was itself a copy). An
 * article that only quotes an older, shorter text inside a longer piece of its own is not a copy.
 */
export function findOriginal(article: CopyArticle, index: CopyIndex, prepared = prepareArticle(article)): OriginalFound | null {
  let best: CopyMatch | null = null;
  for (const m of matchCopies(article, index, prepared)) {
    if (m.publishedAt > article.publishedAt) continue; // it arrived first but is newer: it copies us
    if (m.similarity < NEAR_JACCARD && m.contained < NEAR_CONTAINMENT) continue;
    if (!best || m.publishedAt < best.publishedAt || (m.publishedAt === best.publishedAt && m.id < best.id)) best = m;
  }
  if (!best) return null;
  return {
    originalId: best.meta.duplicateOf ?? best.id,
    similarity: best.similarity,
    kind: best.kind,
    agency: prepared.agency ?? best.meta.agency,
    matchedId: best.id,
  };
}

/**
 * The streaming step: finds `article`'s original, then stores the article so later copies find it.
 * Returns what `findOriginal` found.
 */
export function detectCopy(article: CopyArticle, index: CopyIndex): OriginalFound | null {
  const prepared = prepareArticle(article);
  const original = findOriginal(article, index, prepared);
  index.add(article.id, prepared.fingerprint, article.publishedAt, {
    source: article.source,
    agency: prepared.agency,
    duplicateOf: original?.originalId,
    words: prepared.short ? prepared.words : undefined,
  });
  return original;
}
