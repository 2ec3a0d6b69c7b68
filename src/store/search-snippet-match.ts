// Where a query's forms may stand in raw article text, without normalizing the text. A snippet
// needs the matching form (normalizeArabic) of the words that match, not of all the others: this
// finds every span of raw text that normalizes to one of the forms, and perhaps a few more, so the
// snippet normalizes those words alone and marks exactly what normalizing every word would mark.
//
// normalizeArabic maps each code unit to one code unit or to nothing (harakat, tatweel, invisible
// controls), except presentation forms, which go through NFKC and may become several letters. So
// for each letter of a form, a character class of every code unit that normalizes to it, with any
// run of vanishing ones allowed between letters, matches every spelling of the form; text holding
// a presentation form gets null, and the caller normalizes every word.
import { normalizeArabic } from '../arabic/index.ts';

/** Code units after which normalizeArabic runs the whole text through NFKC (U+FFFE is its marker for them). */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE\uFFFE]/u;

interface Inverse {
  /** For a code unit of normalized text, a regex class of every code unit that normalizes to it. */
  spellings: Map<number, string>;
  /** A regex class of the code units normalizeArabic drops inside a word. */
  vanishing: string;
}

let inverse: Inverse | null = null;

const escape = (c: number) => `\\u{${c.toString(16)}}`;

/**
 * Built on first use, from one normalizeArabic call over every BMP code unit (presentation forms,
 * surrogates and the separator left out), each followed by a separator that normalizes to itself:
 * a few milliseconds, where a call per code unit took a hundred.
 */
function buildInverse(): Inverse {
  const SEPARATOR = 0x7c; // |
  const units: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const presentation = (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe) || c === 0xfffe;
    if (!presentation && !(c >= 0xd800 && c <= 0xdfff) && c !== SEPARATOR) units.push(c);
  }
  const text = new Uint16Array(units.length * 2);
  units.forEach((c, i) => {
    text[2 * i] = c;
    text[2 * i + 1] = SEPARATOR;
  });
  const normalized = normalizeArabic(new TextDecoder('utf-16le').decode(text)).split('|');
  if (normalized.length !== units.length + 1) throw new Error('normalizeArabic no longer maps code units one by one');
  // Only code units that normalize to another one are spellings to add; most map to themselves.
  const others = new Map<number, number[]>();
  const vanishing: number[] = [];
  units.forEach((c, i) => {
    const norm = normalized[i]!;
    if (norm === '') vanishing.push(c);
    else if (norm.length === 1 && norm !== ' ' && norm.charCodeAt(0) !== c) {
      const to = norm.charCodeAt(0);
      others.set(to, [...(others.get(to) ?? [to]), c]);
    }
  });
  const spellings = new Map([...others].map(([to, from]) => [to, `[${from.map(escape).join('')}]`]));
  return { spellings, vanishing: `[${vanishing.map(escape).join('')}]` };
}

const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 500;

function patternOf(forms: string[]): RegExp {
  const key = forms.join(' ');
  let re = patterns.get(key);
  if (!re) {
    inverse ??= buildInverse();
    const { spellings, vanishing } = inverse;
    const one = (form: string) => [...form].map((ch) => spellings.get(ch.charCodeAt(0)) ?? escape(ch.codePointAt(0)!)).join(`${vanishing}*`);
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    patterns.set(key, (re = new RegExp([...new Set(forms)].map(one).join('|'), 'gu')));
  }
  return re;
}

/**
 * Spans [from, to) of `text` that may normalize to one of `forms` (normalized, non-empty), in
 * order; null when the text holds presentation forms, which this cannot follow.
 */
export function findForms(text: string, forms: string[]): Array<[number, number]> | null {
  if (PRESENTATION_FORMS.test(text)) return null;
  const wanted = forms.filter((f) => f !== '');
  if (wanted.length === 0) return [];
  const re = patternOf(wanted);
  re.lastIndex = 0;
  const spans: Array<[number, number]> = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    spans.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return spans;
}
