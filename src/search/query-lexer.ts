// Splits a search box's text into chunks (words, operators, `key:value` filters) and quoted
// phrases. It only decides where things start and end; what they mean is query-parser.ts's job.
// Every character is either consumed or skipped, so any string lexes.

/** A run of non-separator characters, or the text between a pair of quotes. */
export interface Lexeme {
  kind: 'chunk' | 'quoted';
  text: string;
  /** Preceded by a minus (`-word`, `-"phrase"`, `-source:x`). */
  negated: boolean;
  /** For quoted text: whether a closing quote was found before the end of the input. */
  closed: boolean;
}

// Quotes people type: ASCII, typographic (“ ” „ ‟ as phones autocorrect them), guillemets (« »,
// the Arabic press's own quotes) and the double prime. Arabic keyboards and RTL editing swap « and
// » as often as not, so any quote character opens a phrase and any closes it.
const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\uFF02']);

// A minus before a word excludes it: the ASCII hyphen-minus, the minus sign and the dashes that
// phones and word processors substitute for it.
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D']);

// Characters that end a chunk besides whitespace: Arabic punctuation (، ؛ ؟), sentence
// punctuation, brackets, and FTS5's and tsquery's operator characters, which mean nothing here.
// Not . and , which join digits (3.5, 2,000), nor : which introduces a filter, nor - inside a word
// (F-16, كوفيد-19): the analyzer splits those the same way it split the article.
const SEPARATORS = new Set([...'،؛؟?!;()[]{}<>|+*^~=&\u060D\u06D4\u2026']);

// Invisible controls that copy-paste and RTL editing leave around words: bidi marks and embeddings,
// zero-width characters, the byte-order mark, the soft hyphen. Removed before lexing so that a mark
// before "-" or a quote does not hide it.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD\u2060]/g;
// C0 and C1 control characters (tabs, newlines, NUL…) separate like spaces.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

function isSeparator(c: string): boolean {
  return c === ' ' || SEPARATORS.has(c) || /\s/.test(c);
}

/** The input without invisible marks and with control characters as spaces. */
export function cleanQueryText(input: string): string {
  return input.replace(INVISIBLE, '').replace(CONTROLS, ' ');
}

export function lexQuery(input: string): Lexeme[] {
  const s = cleanQueryText(input);
  const n = s.length;
  const out: Lexeme[] = [];
  let i = 0;
  while (i < n) {
    if (isSeparator(s[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && DASHES.has(s[j]!)) j++;
    const negated = j > i;
    if (j === n || isSeparator(s[j]!)) {
      i = j; // a lone minus: nothing to exclude
      continue;
    }
    if (QUOTES.has(s[j]!)) {
      let k = j + 1;
      while (k < n && !QUOTES.has(s[k]!)) k++;
      out.push({ kind: 'quoted', text: s.slice(j + 1, k), negated, closed: k < n });
      i = k + 1;
      continue;
    }
    let k = j;
    while (k < n && !isSeparator(s[k]!) && !QUOTES.has(s[k]!)) k++;
    out.push({ kind: 'chunk', text: s.slice(j, k), negated, closed: true });
    i = k;
  }
  return out;
}
