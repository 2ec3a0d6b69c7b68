// Which news agency an article credits: "واس - الرياض", "(أ ف ب)", "وكالة الأنباء السعودية".
// A syndicated copy usually keeps the agency's credit even when the outlet rewrites the lead, so the
// credit is how a copy is attributed when the agency's own text never reached us.
import { tokenize, type Token } from '../arabic/index.ts';

export type WireAgencyCode =
  | 'spa' | 'afp' | 'reuters' | 'mena' | 'anadolu' | 'sputnik' | 'rt' | 'qna' | 'wam' | 'bna' | 'kuna' | 'sana' | 'wafa';

/** An agency found in a text. */
export interface WireAgency {
  code: WireAgencyCode;
  /** How a reader knows it, in Arabic. */
  name: string;
  /** True for a credit (dateline, parenthesized or quoted acronym), false for a mention by full name. */
  credited: boolean;
}

interface AgencySpec {
  code: WireAgencyCode;
  name: string;
  /** Full names: unambiguous wherever they stand. */
  names: string[];
  /**
   * Short forms that are also ordinary words or places (بنا "with us", قنا the Egyptian city, وام
   * "and mother", هضبة الأناضول, "روسيا اليوم" as "Russia today"): they count only in a credit position.
   */
  acronyms: string[];
}

const AGENCIES: AgencySpec[] = [
  { code: 'spa', name: 'وكالة الأنباء السعودية (واس)', names: ['وكالة الأنباء السعودية'], acronyms: ['واس', 'SPA'] },
  { code: 'afp', name: 'وكالة فرانس برس', names: ['فرانس برس', 'فرانس بريس'], acronyms: ['أ ف ب', 'AFP'] },
  { code: 'reuters', name: 'رويترز', names: ['رويترز', 'Reuters'], acronyms: [] },
  { code: 'mena', name: 'وكالة أنباء الشرق الأوسط (أ ش أ)', names: ['وكالة أنباء الشرق الأوسط'], acronyms: ['أ ش أ'] },
  { code: 'anadolu', name: 'وكالة الأناضول', names: ['وكالة الأناضول', 'وكالة أنباء الأناضول'], acronyms: ['الأناضول'] },
  { code: 'sputnik', name: 'سبوتنيك', names: ['سبوتنيك', 'Sputnik'], acronyms: [] },
  { code: 'rt', name: 'روسيا اليوم (RT)', names: ['قناة روسيا اليوم', 'موقع روسيا اليوم', 'شبكة روسيا اليوم'], acronyms: ['RT', 'روسيا اليوم'] },
  { code: 'qna', name: 'وكالة الأنباء القطرية (قنا)', names: ['وكالة الأنباء القطرية'], acronyms: ['قنا'] },
  { code: 'wam', name: 'وكالة أنباء الإمارات (وام)', names: ['وكالة أنباء الإمارات', 'وكالة الأنباء الإماراتية'], acronyms: ['وام'] },
  { code: 'bna', name: 'وكالة أنباء البحرين (بنا)', names: ['وكالة أنباء البحرين'], acronyms: ['بنا'] },
  { code: 'kuna', name: 'وكالة الأنباء الكويتية (كونا)', names: ['وكالة الأنباء الكويتية'], acronyms: ['كونا'] },
  { code: 'sana', name: 'الوكالة العربية السورية للأنباء (سانا)', names: ['الوكالة العربية السورية للأنباء'], acronyms: ['سانا'] },
  { code: 'wafa', name: 'وكالة الأنباء الفلسطينية (وفا)', names: ['وكالة الأنباء الفلسطينية', 'وكالة الأنباء والمعلومات الفلسطينية'], acronyms: ['وفا'] },
];

/** A dateline is in the first words of the text: "واس - الرياض:" or "الرياض (رويترز) -". */
const DATELINE_WORDS = 12;
const OPENERS = '(«"“”\'[';
const CLOSERS = ')»"”“\']';
// Dashes (tatweel too: "سبق ـ الرياض") and the colon that close a dateline.
const DATELINE_MARKS = '-–—ـ:';
/** Prefixes a full name takes in running text: لوكالة، ووكالة، لرويترز، وبحسب فرانس برس. */
const CLITIC = /^(?:و|ف)?(?:لل|ب|ل|ك)?/;

interface Pattern {
  spec: AgencySpec;
  words: string[];
  acronym: boolean;
}

const PATTERNS: Pattern[] = AGENCIES.flatMap((spec) => [
  ...spec.names.map((n) => ({ spec, words: tokenize(n).map((t) => t.norm), acronym: false })),
  ...spec.acronyms.map((n) => ({ spec, words: tokenize(n).map((t) => t.norm), acronym: true })),
]);
const BY_FIRST_WORD = new Map<string, Pattern[]>();
for (const p of PATTERNS) {
  const list = BY_FIRST_WORD.get(p.words[0]!) ?? [];
  list.push(p);
  BY_FIRST_WORD.set(p.words[0]!, list);
}

/**
 * The agency `text` credits, or null. A credit in a dateline, parentheses or quotes wins over a
 * mention of a full name; among equals the first in the text wins. Pass `tokens` when the caller
 * has already tokenized `text`.
 */
export function detectWireAgency(text: string, tokens: readonly Token[] = tokenize(text)): WireAgency | null {
  let mention: WireAgency | null = null;
  for (let i = 0; i < tokens.length; i++) {
    for (const p of patternsAt(tokens[i]!)) {
      const end = i + p.words.length;
      if (end > tokens.length || !matchesRest(tokens, i, p)) continue;
      const first = tokens[i]!;
      const last = tokens[end - 1]!;
      // A prefixed acronym (وام = و + ام) is another word; only full names take clitics.
      const exactFirst = first.norm === p.words[0];
      if (exactFirst && isCredit(text, first, last, i)) return { code: p.spec.code, name: p.spec.name, credited: true };
      if (!p.acronym && !mention) mention = { code: p.spec.code, name: p.spec.name, credited: false };
    }
  }
  return mention;
}

function patternsAt(token: Token): Pattern[] {
  const exact = BY_FIRST_WORD.get(token.norm) ?? [];
  const bare = token.norm.replace(CLITIC, '');
  if (bare === token.norm || bare.length < 4) return exact;
  const prefixed = (BY_FIRST_WORD.get(bare) ?? []).filter((p) => !p.acronym);
  return exact.length ? [...exact, ...prefixed] : prefixed;
}

function matchesRest(tokens: readonly Token[], i: number, p: Pattern): boolean {
  for (let k = 1; k < p.words.length; k++) if (tokens[i + k]!.norm !== p.words[k]) return false;
  return true;
}

function isCredit(text: string, first: Token, last: Token, index: number): boolean {
  const before = charBefore(text, first.start);
  const after = charAfter(text, last.end);
  if (OPENERS.includes(before) && CLOSERS.includes(after)) return true;
  if (index >= DATELINE_WORDS) return false;
  if (DATELINE_MARKS.includes(before) || DATELINE_MARKS.includes(after)) return true;
  // SPA's own dateline ends its first line: "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس".
  const newline = text.indexOf('\n', last.end);
  return newline > 0 && text.slice(last.end, newline).trim() === '';
}

function charBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i >= 0 ? text[i]! : '';
}

function charAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i < text.length ? text[i]! : '';
}
