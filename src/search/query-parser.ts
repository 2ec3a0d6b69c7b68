// The search box language, in the order a reader meets it:
//   words                  مفاوضات الروسية         every word must match (implicit AND), in any form
//                                                  the stemmer joins (والمفاوضات، بالمفاوضات)
//   "exact phrases"        "وقف إطلاق النار"       these words, in this order, spelled so (up to
//                                                  harakat, hamza and ة/ه); also « » and “ ”
//   exclusion              -روسيا  -"كأس العالم"   none of the articles that match it
//   OR                     مصر OR السعودية         either; binds tighter than AND, so
//                                                  `a b OR c` is a AND (b OR c); a standalone أو
//                                                  (however vocalized) is OR too: it is a stop word,
//                                                  so as a word it would be dropped anyway
//   filters                source:الجزيرة  source:"الشرق الأوسط"  tag:غزة  from:2026-11-01
//                          to:"29 نوفمبر 2026"; -source: and -tag: exclude; Arabic keys too:
//                          مصدر: وسم: من: إلى:
// AND and NOT are accepted as a reader from other search engines types them (NOT x is -x).
// Anything else, FTS5 syntax included (NEAR, *, ^, parentheses, col:), is text: a known key before
// a colon makes a filter, an unknown one (foo:bar) is just words. Nothing here throws: a query that
// cannot run comes back as an error with a message that says what to change.
import { normalizeArabic, tokenize } from '../arabic/index.ts';
import { parseQueryDate } from './query-dates.ts';
import { lexQuery, type Lexeme } from './query-lexer.ts';
import { MAX_FILTER_CHARS, MAX_PHRASE_WORDS, MAX_QUERY_CHARS, MAX_QUERY_TOKENS, MAX_TERMS } from './query-limits.ts';
import { errors, notices } from './query-messages.ts';
import type { FilterName, ParseResult, QueryError, QueryFilters, QueryNotice, QueryTerm, SearchQuery } from './query-types.ts';

type FilterKey = 'source' | 'tag' | 'from' | 'to';

// Keys in matching form (normalizeArabic lowercases Latin and folds إلى to الي).
const FILTER_KEYS: ReadonlyMap<string, FilterKey> = new Map([
  ['source', 'source'], ['مصدر', 'source'], ['المصدر', 'source'],
  ['tag', 'tag'], ['وسم', 'tag'], ['الوسم', 'tag'],
  ['from', 'from'], ['من', 'from'],
  ['to', 'to'], ['الي', 'to'], ['حتي', 'to'],
]);
const FILTER_RE = /^([^:]+):(.*)$/su;
/** أو, however vocalized, in matching form. */
const ARABIC_OR = 'او';
/** An unquoted date may run over this many more chunks: "29 كانون الثاني 2026" is four. */
const MAX_DATE_EXTRA_CHUNKS = 3;

export interface ParseOptions {
  /** "Now", for a date typed without a year (from:29 نوفمبر). */
  now?: Date;
}

type Item =
  | { kind: 'term'; term: QueryTerm; negated: boolean }
  | { kind: 'or'; label: string }
  /** A filter's place: OR next to it has nothing to join. */
  | { kind: 'barrier' };

/** Thrown inside the parser only, to return an error from deep in a loop; never escapes. */
class Reject {
  constructor(readonly error: QueryError) {}
}

/** Parse what a reader typed into the search box. Never throws. */
export function parseQuery(input: string, options: ParseOptions = {}): ParseResult {
  try {
    if (typeof input !== 'string') return { ok: false, error: errors.empty() };
    if (input.length > MAX_QUERY_CHARS) return { ok: false, error: errors.tooLong() };
    return { ok: true, query: new Parser(lexQuery(input), options.now ?? new Date()).parse() };
  } catch (e) {
    if (e instanceof Reject) return { ok: false, error: e.error };
    // A bug, not the reader's fault; the property test asserts this branch is never taken.
    return { ok: false, error: errors.unreadable() };
  }
}

class Parser {
  private readonly items: Item[] = [];
  private readonly filters: QueryFilters = { sources: [], notSources: [], tags: [], notTags: [], from: null, to: null };
  private readonly notices: QueryNotice[] = [];
  private count = 0;
  private tokens = 0;
  private droppedSymbols = false;

  constructor(private readonly lexemes: Lexeme[], private readonly now: Date) {}

  parse(): SearchQuery {
    this.readItems();
    const { must, not } = this.group();
    if (this.droppedSymbols) this.notices.push(notices.ignoredSymbols());
    const f = this.filters;
    if (f.from && f.to && f.from > f.to) throw new Reject(errors.dateRangeInverted());
    const positiveFilter = f.sources.length > 0 || f.tags.length > 0 || f.from !== null || f.to !== null;
    if (must.length === 0 && !positiveFilter) {
      const anyExclusion = not.length > 0 || f.notSources.length > 0 || f.notTags.length > 0;
      throw new Reject(anyExclusion ? errors.onlyExclusions() : errors.empty());
    }
    return { must, not, filters: f, notices: this.notices };
  }

  private readItems(): void {
    const lx = this.lexemes;
    let pendingNot = false;
    for (let i = 0; i < lx.length; i++) {
      const l = lx[i]!;
      if (l.kind === 'quoted') {
        if (!l.closed) this.notices.push(notices.unclosedQuote());
        this.addTerm({ kind: 'phrase', text: collapse(l.text) }, l.negated || pendingNot);
        pendingNot = false;
        continue;
      }
      if (!l.negated) {
        const op = operator(l.text);
        if (op === 'and') continue;
        if (op === 'not') {
          pendingNot = true;
          continue;
        }
        if (op === 'or') {
          this.addOr(l.text);
          continue;
        }
      }
      const m = FILTER_RE.exec(l.text);
      const key = m ? FILTER_KEYS.get(normalizeArabic(m[1]!)) : undefined;
      if (m && key) {
        i = this.readFilter(key, m[1]!, m[2]!, l.negated || pendingNot, i);
      } else {
        this.addTerm({ kind: 'word', text: l.text }, l.negated || pendingNot);
      }
      pendingNot = false;
    }
    if (pendingNot) this.notices.push(notices.danglingOperator('NOT'));
  }

  private countOne(): void {
    if (++this.count > MAX_TERMS) throw new Reject(errors.tooManyTerms());
  }

  private addTerm(term: QueryTerm, negated: boolean): void {
    this.countOne();
    const n = tokenize(term.text).length;
    if (n === 0) {
      // *, ^, emoji, a lone colon, an empty pair of quotes: nothing the index could hold.
      if (term.text.trim() !== '') this.droppedSymbols = true;
      return;
    }
    if (term.kind === 'phrase' && n > MAX_PHRASE_WORDS) throw new Reject(errors.phraseTooLong());
    this.tokens += n;
    if (this.tokens > MAX_QUERY_TOKENS) throw new Reject(errors.tooManyTerms());
    this.items.push({ kind: 'term', term, negated });
  }

  private addOr(label: string): void {
    const last = this.items.at(-1);
    if (last?.kind === 'or') return; // OR OR is one OR
    this.items.push({ kind: 'or', label });
  }

  /** Reads the filter whose chunk is lexeme `i`; returns the index of the last lexeme it used. */
  private readFilter(key: FilterKey, rawKey: string, inline: string, negated: boolean, i: number): number {
    this.countOne();
    this.items.push({ kind: 'barrier' });
    const lx = this.lexemes;
    let value = inline;
    let last = i;
    const next = lx[i + 1];
    // `source:"الشرق الأوسط"`, and `source: الجزيرة` with a space after the colon.
    if (value === '' && next && !next.negated && (next.kind === 'quoted' || isPlainChunk(next))) {
      value = next.text;
      last = i + 1;
      if (!next.closed) this.notices.push(notices.unclosedQuote());
    }
    if (key === 'from' || key === 'to') return this.readDate(key, rawKey, value, negated, last, lx[last]!.kind === 'quoted');
    const text = collapse(value).slice(0, MAX_FILTER_CHARS).trim();
    const norm = normalizeArabic(text);
    if (norm === '') {
      this.notices.push(notices.emptyFilter(rawKey));
      return last;
    }
    const name: FilterName = { text, norm };
    const f = this.filters;
    (key === 'source' ? (negated ? f.notSources : f.sources) : negated ? f.notTags : f.tags).push(name);
    return last;
  }

  private readDate(key: 'from' | 'to', rawKey: string, value: string, negated: boolean, last: number, quoted: boolean): number {
    if (collapse(value) === '') {
      this.notices.push(notices.emptyFilter(rawKey));
      return last;
    }
    // Unquoted, a date may go on over the next chunks (from:29 نوفمبر 2026): longest reading first.
    let range = null;
    let used = last;
    const lx = this.lexemes;
    if (!quoted) {
      let extra = 0;
      while (extra < MAX_DATE_EXTRA_CHUNKS && lx[last + extra + 1] && isPlainChunk(lx[last + extra + 1]!)) extra++;
      for (; extra > 0 && !range; extra--) {
        const text = [value, ...lx.slice(last + 1, last + extra + 1).map((l) => l.text)].join(' ');
        range = parseQueryDate(text, this.now);
        if (range) used = last + extra;
      }
    }
    range ??= parseQueryDate(value, this.now);
    if (!range) throw new Reject(errors.badDate(collapse(value).slice(0, MAX_FILTER_CHARS)));
    if (negated) {
      this.notices.push(notices.negatedDate(rawKey));
      return used;
    }
    if (this.filters[key] !== null) this.notices.push(notices.repeatedDate(rawKey));
    this.filters[key] = key === 'from' ? range.first : range.last;
    return used;
  }

  /** OR joins the positive terms on either side into one group; anywhere else it is dropped. */
  private group(): { must: QueryTerm[][]; not: QueryTerm[] } {
    const must: QueryTerm[][] = [];
    const not: QueryTerm[] = [];
    const items = this.items;
    let join = false;
    const positive = (item: Item | undefined) => item?.kind === 'term' && !item.negated;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === 'barrier') {
        join = false;
      } else if (item.kind === 'or') {
        // أو is a stop word too, so dropping it where it joins nothing loses no search word.
        if (positive(items[i - 1]) && positive(items[i + 1])) join = true;
        else this.notices.push(notices.danglingOperator(item.label));
      } else if (item.negated) {
        not.push(item.term);
      } else if (join && must.length > 0) {
        must.at(-1)!.push(item.term);
        join = false;
      } else {
        must.push([item.term]);
      }
    }
    return { must, not };
  }
}

function operator(text: string): 'and' | 'or' | 'not' | null {
  if (text === 'OR' || normalizeArabic(text) === ARABIC_OR) return 'or';
  if (text === 'AND') return 'and';
  if (text === 'NOT') return 'not';
  return null;
}

/** A chunk that may serve as a filter's value: not negated, not an operator, not another filter. */
function isPlainChunk(l: Lexeme): boolean {
  if (l.kind !== 'chunk' || l.negated || operator(l.text) !== null) return false;
  const m = FILTER_RE.exec(l.text);
  return !(m && FILTER_KEYS.has(normalizeArabic(m[1]!)));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
