// The highlighted excerpt under each search result. The index is contentless (article text lives in
// articles.text), so FTS5's snippet() has nothing to read: we cut the excerpt here, from the text the
// reader will see, matching through the same analyzer as the index. A search for مفاوضات marks
// والمفاوضات and بالمفاوضات, a phrase marks its words only where they stand in order.
import { isStopWord, stem, tokenize, type Token } from '../arabic/index.ts';
import type { AnalyzedQuery, IndexPhrase } from '../search/index.ts';
import type { SnippetSegment } from './search-types.ts';

/** Words in an excerpt: about two lines of a results page. */
export const SNIPPET_WORDS = 28;
/** Words shown before the first hit, so it does not open the excerpt cold. */
const LEAD_IN_WORDS = 4;
const ELLIPSIS = '…';
const MAX_SCAN_CHARS = 20_000;
/**
 * Tokenizing is most of a snippet's cost (about 0.4 ms for a 4,000-character article, so 8 ms for a
 * page of 20), and most articles hold every query word in their opening lines: the first
 * FIRST_SCAN_CHARS are read first, and the rest only when they lack a window with every query word.
 */
const FIRST_SCAN_CHARS = 1_500;

interface Hit {
  /** Token indexes, end exclusive. */
  start: number;
  end: number;
  /** Which query phrase matched: a window with more distinct ones is a better excerpt. */
  phrase: number;
}

/**
 * The light stem is a piece of the word whose last letter may be restored (حكومتها → حكومه), so a
 * word can only stem to S if it holds S without its last letter: a cheap test that spares stemming
 * most words of the text. A word it wrongly skips would only lose its highlight.
 */
function stemsOf(tokens: Token[], wanted: string[]): Array<string | null> {
  const heads = wanted.map((w) => w.slice(0, Math.max(1, w.length - 1)));
  return tokens.map((t) => (heads.some((h) => t.norm.includes(h)) && !isStopWord(t.norm) ? stem(t.norm) : null));
}

function findHits(tokens: Token[], phrases: IndexPhrase[]): Hit[] {
  const stems = stemsOf(tokens, phrases.filter((p) => p.column === 'stems').flatMap((p) => p.tokens));
  const hits: Hit[] = [];
  phrases.forEach((p, phrase) => {
    const forms = p.column === 'stems' ? stems : tokens.map((t) => t.norm);
    for (let i = 0; i + p.tokens.length <= tokens.length; i++) {
      if (p.tokens.every((tok, j) => forms[i + j] === tok)) hits.push({ start: i, end: i + p.tokens.length, phrase });
    }
  });
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The window start (token index) holding the most distinct query phrases, then the most hits. */
function bestWindow(hits: Hit[], words: number): number {
  let best = 0;
  let bestDistinct = -1;
  let bestCount = -1;
  for (const h of hits) {
    const start = Math.max(0, h.start - LEAD_IN_WORDS);
    const inside = hits.filter((x) => x.start >= start && x.end <= start + words);
    const distinct = new Set(inside.map((x) => x.phrase)).size;
    if (distinct > bestDistinct || (distinct === bestDistinct && inside.length > bestCount)) {
      best = start;
      bestDistinct = distinct;
      bestCount = inside.length;
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
  const phrases = analyzed.must.flat();
  const groupOf = analyzed.must.flatMap((group, g) => group.map(() => g));
  let scanned = '';
  let tokens: Token[] = [];
  let hits: Hit[] = [];
  let first = 0;
  for (const limit of [FIRST_SCAN_CHARS, MAX_SCAN_CHARS]) {
    scanned = prefix(text, limit);
    tokens = tokenize(scanned);
    hits = findHits(tokens, phrases);
    first = bestWindow(hits, words);
    // Enough read: all of it, or a whole window with every query word (one of each OR).
    const found = new Set(hits.filter((h) => h.start >= first && h.end <= first + words).map((h) => groupOf[h.phrase]));
    if (scanned.length === text.length || (found.size === analyzed.must.length && first + words <= tokens.length)) break;
  }
  if (tokens.length === 0) return [];
  const last = Math.min(tokens.length, first + words);
  const from = first === 0 ? 0 : tokens[first]!.start;
  const to = last === tokens.length && scanned.length === text.length ? text.length : tokens[last - 1]!.end;
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
    const start = tokens[h.start]!.start;
    if (start < at) continue; // overlaps a hit already marked
    push(plain(text.slice(at, start)), false);
    at = tokens[h.end - 1]!.end;
    push(text.slice(start, at), true);
  }
  push(plain(text.slice(at, to)).trimEnd(), false);
  if (last < tokens.length || to < text.trimEnd().length) push(` ${ELLIPSIS}`, false);
  if (segments[0] && !segments[0].hit) segments[0].text = segments[0].text.trimStart();
  return segments.filter((s) => s.text !== '');
}
