// The highlighted excerpt under each search result. The index is contentless (article text lives in
// articles.text), so FTS5's snippet() has nothing to read: we cut the excerpt here, from the text the
// reader will see, matching through the same analyzer as the index. A search for مفاوضات marks
// والمفاوضات and بالمفاوضات, a phrase marks its words only where they stand in order.
import { isStopWord, normalizeArabic, scanTokens, stem } from '../arabic/index.ts';
import type { AnalyzedQuery, IndexPhrase } from '../search/index.ts';
import { findForms } from './search-snippet-match.ts';
import type { SnippetSegment } from './search-types.ts';

/** Words in an excerpt: about two lines of a results page. */
export const SNIPPET_WORDS = 28;
/** Words shown before the first hit, so it does not open the excerpt cold. */
const LEAD_IN_WORDS = 4;
const ELLIPSIS = '…';
const MAX_SCAN_CHARS = 20_000;
/**
 * Most articles hold every query word in their opening lines: the first FIRST_SCAN_CHARS are read
 * first, and the rest only when they lack a window with every query word.
 */
const FIRST_SCAN_CHARS = 1_500;

/**
 * Word boundaries, and the matching form of only the words that may match. Normalizing every word
 * of the text was most of a snippet's cost (about 0.35 ms for a 5,000-character article, 7 ms for
 * a page of 20 when a two-word query sends every excerpt through the whole text); a regular
 * expression over the raw text (search-snippet-match.ts) finds the few words worth normalizing.
 */
interface Tokens {
  starts: number[];
  ends: number[];
  /** normalizeArabic of the word, for words the query's forms may match; null for the others. */
  norms: Array<string | null>;
}

interface Hit {
  /** Token indexes, end exclusive. */
  start: number;
  end: number;
  /** Which query phrase matched: a window with more distinct ones is a better excerpt. */
  phrase: number;
}

/**
 * What the snippets of one query share, worked out once for its results page (20 snippets) rather
 * than once per snippet: the phrases, the forms to look for, and the stems of the words found.
 */
interface QueryForms {
  phrases: IndexPhrase[];
  /** The index in `must` of each phrase's group (a group is one word and its ORs). */
  groupOf: number[];
  heads: string[];
  forms: string[];
  /**
   * The stem of each matching form seen so far that may stem to a query stem (null: it cannot).
   * Stemming was a fifth of a snippet's cost, and the words that hold a query word's letters
   * recur from one article of a page to the next.
   */
  stems: Map<string, string | null>;
}

/** Distinct words whose stem is kept per query: far more than a page holds. */
const MAX_KEPT_STEMS = 5_000;
const queryForms = new WeakMap<AnalyzedQuery, QueryForms>();

/**
 * The light stem is a piece of the word whose last letter may be restored (حكومتها → حكومه), so a
 * word can only stem to S if it holds S without its last letter: a cheap test that spares stemming
 * most words of the text. A word it wrongly skips would only lose its highlight.
 */
function stemHeads(phrases: IndexPhrase[]): string[] {
  return phrases.filter((p) => p.column === 'stems').flatMap((p) => p.tokens).map((w) => w.slice(0, Math.max(1, w.length - 1)));
}

function formsOf(analyzed: AnalyzedQuery): QueryForms {
  let q = queryForms.get(analyzed);
  if (!q) {
    const phrases = analyzed.must.flat();
    const heads = stemHeads(phrases);
    q = {
      phrases,
      groupOf: analyzed.must.flatMap((group, g) => group.map(() => g)),
      heads,
      forms: [...heads, ...phrases.filter((p) => p.column === 'surface').flatMap((p) => p.tokens)],
      stems: new Map(),
    };
    queryForms.set(analyzed, q);
  }
  return q;
}

function stemOf(q: QueryForms, norm: string): string | null {
  let s = q.stems.get(norm);
  if (s === undefined) {
    s = q.heads.some((h) => norm.includes(h)) && !isStopWord(norm) ? stem(norm) : null;
    if (q.stems.size >= MAX_KEPT_STEMS) q.stems.clear();
    q.stems.set(norm, s);
  }
  return s;
}

/** The words of `text`, normalizing only those that hold one of `forms` in some spelling. */
function scanText(text: string, forms: string[]): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  scanTokens(text, (start, end) => {
    starts.push(start);
    ends.push(end);
  });
  const norms = new Array<string | null>(starts.length).fill(null);
  const found = findForms(text, forms);
  if (found === null) {
    // Presentation forms (ﻻ, ﷲ) normalize to more than one letter: every word is normalized.
    for (let i = 0; i < starts.length; i++) norms[i] = normalizeArabic(text.slice(starts[i], ends[i]));
    return { starts, ends, norms };
  }
  let i = 0;
  for (const [from, to] of found) {
    while (i < starts.length && ends[i]! <= from) i++;
    for (let j = i; j < starts.length && starts[j]! < to; j++) norms[j] ??= normalizeArabic(text.slice(starts[j], ends[j]));
  }
  return { starts, ends, norms };
}

function findHits(tokens: Tokens, q: QueryForms): Hit[] {
  // Only normalized words can match, so only they can start a hit.
  const candidates: number[] = [];
  tokens.norms.forEach((n, i) => n !== null && candidates.push(i));
  const stems = new Array<string | null>(tokens.norms.length).fill(null);
  if (q.heads.length > 0) for (const i of candidates) stems[i] = stemOf(q, tokens.norms[i]!);
  const hits: Hit[] = [];
  q.phrases.forEach((p, phrase) => {
    const forms = p.column === 'stems' ? stems : tokens.norms;
    for (const i of candidates) {
      if (i + p.tokens.length <= forms.length && p.tokens.every((tok, j) => forms[i + j] === tok)) hits.push({ start: i, end: i + p.tokens.length, phrase });
    }
  });
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The window start (token index) holding the most distinct query phrases, then the most hits. */
function bestWindow(hits: Hit[], words: number): number {
  let best = 0;
  let bestDistinct = -1;
  let bestCount = -1;
  // Hits are in start order, and so are the windows: each window's hits are found from where the
  // previous window's began, not from the first hit (a word repeated 100 times made this quadratic).
  let from = 0;
  const seen = new Set<number>();
  for (const h of hits) {
    const start = Math.max(0, h.start - LEAD_IN_WORDS);
    while (hits[from]!.start < start) from++;
    seen.clear();
    let count = 0;
    for (let j = from; j < hits.length && hits[j]!.start < start + words; j++) {
      if (hits[j]!.end <= start + words) {
        count++;
        seen.add(hits[j]!.phrase);
      }
    }
    if (seen.size > bestDistinct || (seen.size === bestDistinct && count > bestCount)) {
      best = start;
      bestDistinct = seen.size;
      bestCount = count;
    }
  }
  return best;
}

/** `text` cut at a space near `limit` characters (all of it when shorter). */
function prefix(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(' ', limit);
  return text.slice(0, space > 0 ? space : limit);
}

function plain(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * An excerpt of `text` around the query's words: segments in reading order, `hit` on the matched
 * words. Text without a match (the query matched the title) gives its opening words.
 */
export function buildSnippet(text: string, analyzed: AnalyzedQuery, words = SNIPPET_WORDS): SnippetSegment[] {
  // Past the first MAX_SCAN_CHARS a hit rarely makes a better excerpt than one before it, and a
  // 100-page report must not cost a results page its speed.
  const q = formsOf(analyzed);
  let scanned = '';
  let tokens: Tokens = { starts: [], ends: [], norms: [] };
  let hits: Hit[] = [];
  let first = 0;
  for (const limit of [FIRST_SCAN_CHARS, MAX_SCAN_CHARS]) {
    scanned = prefix(text, limit);
    tokens = scanText(scanned, q.forms);
    hits = findHits(tokens, q);
    first = bestWindow(hits, words);
    // Enough read: all of it, or a whole window with every query word (one of each OR).
    const found = new Set(hits.filter((h) => h.start >= first && h.end <= first + words).map((h) => q.groupOf[h.phrase]));
    if (scanned.length === text.length || (found.size === analyzed.must.length && first + words <= tokens.starts.length)) break;
  }
  const count = tokens.starts.length;
  if (count === 0) return [];
  const last = Math.min(count, first + words);
  const from = first === 0 ? 0 : tokens.starts[first]!;
  const to = last === count && scanned.length === text.length ? text.length : tokens.ends[last - 1]!;
  const segments: SnippetSegment[] = [];
  const push = (s: string, hit: boolean) => {
    if (s === '') return;
    const prev = segments[segments.length - 1];
    if (prev && prev.hit === hit) prev.text += s;
    else segments.push({ text: s, hit });
  };
  if (first > 0) push(`${ELLIPSIS} `, false);
  let at = from;
  for (const h of hits) {
    if (h.start < first || h.end > last) continue;
    const start = tokens.starts[h.start]!;
    if (start < at) continue; // overlaps a hit already marked
    push(plain(text.slice(at, start)), false);
    at = tokens.ends[h.end - 1]!;
    push(text.slice(start, at), true);
  }
  push(plain(text.slice(at, to)).trimEnd(), false);
  if (last < count || to < text.trimEnd().length) push(` ${ELLIPSIS}`, false);
  if (segments[0] && !segments[0].hit) segments[0].text = segments[0].text.trimStart();
  return segments.filter((s) => s.text !== '');
}
