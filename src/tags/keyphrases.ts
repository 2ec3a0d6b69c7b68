// Keyphrases: the phrases of one to three words that name what an article is about (أسعار النفط،
// وقف إطلاق النار، كأس العالم), scored by TF-IDF against a background of general news, so that a
// word every article uses (الحكومة، المنطقة) loses to one this article repeats and others rarely do.
// Words go through the one analyzer (src/arabic): a phrase's key is its words' stems, so
// والانتخابات البرلمانية، للانتخابات البرلمانية and الانتخابات البرلمانيه share one key and one tag.
import { isStopWord, normalizeArabic, stem, tokenize, type Token } from '../arabic/index.ts';
import { loadBackground, type Background } from './background/index.ts';
import { BREAK, EDGE, roleOf, TAIL, WORD, type Role } from './keyphrase-words.ts';

export { loadBackground, type Background } from './background/index.ts';

export interface Keyphrase {
  /** The words' stems joined by one space: the same for every spelling of the phrase. */
  key: string;
  /** How a reader sees it: the article's most frequent spelling, leading clitics gone (و، ب، ل، ف). */
  phrase: string;
  /** TF-IDF: weighted occurrences (title and lead count more) × rarity in the background. */
  score: number;
  /** `phrase`'s words in matching form (normalizeArabic), to compare with entity names. */
  tokens: string[];
  /** The words' stems (`key` split): a second, looser way to compare with entity names. */
  stems: string[];
}

export interface ArticleText {
  title: string;
  lead?: string | null;
  text: string;
}

export const DEFAULT_MAX_KEYPHRASES = 5;
const MAX_WORDS = 3;

// A title is the outlet's own summary of the article, and the lead a longer one.
const ZONE_WEIGHT = { title: 3, lead: 1.5, body: 1 } as const;
type Zone = keyof typeof ZONE_WEIGHT;

/** A single word must be repeated in the text to be a topic: once is a passing mention. */
const MIN_UNIGRAM_COUNT = 2;
/** So must a phrase; twice is enough, since two words rarely meet twice by chance. */
const MIN_PHRASE_COUNT = 2;
/**
 * Titles are paraphrased in the first lines, so a title phrase met once more is no evidence of a
 * collocation (مبتعثو أمريكا يشكرون); it is when the background also pairs its words this often.
 */
const MIN_BACKGROUND_PAIR_DF = 3;
/**
 * Scores are weighted counts × idf (natural log, so a word the background never saw twice is worth
 * about 9 a mention). Below MIN_SCORE a candidate is a common word said a few times, not a topic;
 * below MIN_SHARE_OF_TOP it is a side remark next to what the article is about.
 */
const MIN_SCORE = 10;
const MIN_SHARE_OF_TOP = 0.2;
/** Letters an Arabic word needs to stand alone as a keyphrase (Latin words need two: G7, EU). */
const MIN_ARABIC_LETTERS = 3;
/** ب ل ك ف that the stemmer keeps are read as clitics only on words this long (بفوز → فوز). */
const MIN_CLITIC_WORD = 4;
const LONE_CLITICS = 'بلكف';
/**
 * A single word is a topic when it is a noun, and nouns take the article (النفط، التعذيب) where
 * verbs and adverbs never do: a word never printed with it needs this many mentions (آيفون).
 */
const MIN_BARE_UNIGRAM_COUNT = 3;
/**
 * A longer phrase replaces a shorter one it contains when it accounts for at least this share of
 * the shorter one's occurrences: أسعار النفط over النفط when most mentions of oil are of its price.
 */
const COLLOCATION_SHARE = 0.5;

// Words that may sit inside a phrase but never start or end one, nor stand alone: they date,
// attribute or honour, but never name a topic. Stop words (src/arabic) are already out entirely.
const EDGE_WORDS = [
  // Days, months and time words: the dateline and "يوم الأحد" are in every article.
  'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت',
  'يناير', 'فبراير', 'مارس', 'أبريل', 'إبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر',
  'جانفي', 'فيفري', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز',
  'آب', 'أيلول', 'تشرين', 'الموافق', 'الساعة', 'ساعة', 'ساعات', 'صباحا', 'مساء', 'ظهر', 'الليلة', 'أيام', 'الأسبوع',
  'أسبوع', 'الشهر', 'شهر', 'الجاري', 'الحالي', 'المنصرم', 'يوما', 'عاما', 'أعوام', 'سنوات', 'دقيقة', 'دقائق',
  'يوميا', 'أسبوعيا', 'شهريا', 'سنويا',
  // Adverbs and "another" that trail a phrase (الغاز مباشرة، إصابة آخر).
  'مباشرة', 'رسميا', 'مجددا', 'مستقبلا', 'سابقا', 'لاحقا', 'آخر', 'أخرى', 'آخرين',
  // Saying and reporting verbs the stop list lacks; the nouns of saying.
  'صرح', 'يصرح', 'تصريح', 'تصريحات', 'تصريحه', 'كشف', 'كشفت', 'يكشف', 'شدد', 'شددت', 'دعا', 'دعت', 'أبلغ',
  'اعتبر', 'اعتبرت', 'رأى', 'زعم', 'نقل', 'نقلت', 'أعرب', 'أعربت', 'متحدث', 'المتحدث', 'الناطق',
  'صحفي', 'صحفيا', 'الصحفي', 'صحفية', 'الصحفية', 'الصحيفة', 'صحيفة',
  // Agencies and outlets named in datelines and credits.
  'واس', 'رويترز', 'برس', 'الأناضول', 'كونا', 'وام', 'سانا', 'سبق', 'المصدر', 'مصدر', 'مصادر',
  // Honorifics and titles before names.
  'صاحب', 'صاحبة', 'السمو', 'سمو', 'سموه', 'معالي', 'سعادة', 'فضيلة', 'الدكتور', 'الدكتورة', 'المهندس', 'الأستاذ',
  'السيد', 'السيدة', 'الملكي', 'حفظه',
  // Number words that the stop list keeps, units and currencies that follow numbers.
  'المئة', 'بالمئة', 'المائة', 'بالمائة', 'آلاف', 'ملايين', 'مليارات', 'نسبة', 'بنسبة',
  'متر', 'مترا', 'أمتار', 'كيلومتر', 'كيلومترا', 'كيلومترات', 'كيلوغرام', 'طن', 'ريال', 'ريالا', 'دولار', 'دولارا', 'جنيه', 'درهم', 'دينار',
];

// Characters between two words that end a phrase: no keyphrase spans a sentence or clause break.
const PHRASE_BREAKS = '.,،؛;:؟?!()[]{}<>-–—/\\|…*•\n';


// With the conjunctions too (وسمو، ويوليو), as the stop list does.
const EDGE_NORMS: ReadonlySet<string> = new Set(EDGE_WORDS.flatMap((w) => ['', 'و', 'ف'].map((c) => c + normalizeArabic(w))));
const BREAK_CODES: ReadonlySet<number> = new Set([...PHRASE_BREAKS].map((c) => c.charCodeAt(0)));
const MARKS = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;

/** A word of the text as keyphrases see it. Internal, exported for scripts/build-background.ts. */
export interface PhraseWord {
  surface: string;
  norm: string;
  stem: string;
  role: Role;
  /** Punctuation (or the start of a zone) separates it from the word before. */
  breakBefore: boolean;
}

/** The words of `text` with their roles and the phrase breaks between them. */
export function phraseWords(text: string, tokens: readonly Token[] = tokenize(text), out: PhraseWord[] = []): PhraseWord[] {
  let prevEnd = -1;
  for (const { surface, norm, start, end } of tokens) {
    const role = isStopWord(norm) || isNumber(norm) ? BREAK : EDGE_NORMS.has(norm) ? EDGE : roleOf(surface, norm);
    out.push({ surface, norm, stem: role === BREAK ? norm : stemOf(norm), role, breakBefore: prevEnd < 0 || hasBreak(text, prevEnd, start) });
    prevEnd = end;
  }
  return out;
}

/** Stems by matching form: an article repeats its words, and the stemmer is the costly part. */
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

function stemOf(norm: string): string {
  let s = STEMS.get(norm);
  if (s === undefined) {
    if (STEMS.size > MAX_CACHED_STEMS) STEMS.clear();
    STEMS.set(norm, (s = stem(norm)));
  }
  return s;
}

/**
 * The light stemmer keeps a lone ب ل ك ف before most letters (بفوز، لاستراتيجية), since alone it
 * cannot tell them from root letters (بريطانيا، لجان). Within one text we can: when the word without
 * that letter is also written in the text (`written`), the letter was a clitic.
 */
function resolveLoneClitics(words: readonly PhraseWord[], written: (stem: string) => boolean): void {
  for (const w of words) {
    // Only where the stemmer left the first letter on (not وال…, not بمنطقة).
    if (w.role === BREAK || w.norm.length < MIN_CLITIC_WORD || !LONE_CLITICS.includes(w.norm[0]!) || !w.norm.startsWith(w.stem)) continue;
    const rest = w.norm.slice(1);
    const without = stem(rest);
    if (without === w.stem || !written(without)) continue;
    w.stem = without;
    // لسمو is ل + سمو: the word it hides keeps its role (an honorific, here).
    if (isStopWord(rest)) w.role = BREAK;
    else if (EDGE_NORMS.has(rest)) w.role = EDGE;
  }
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (BREAK_CODES.has(text.charCodeAt(i))) return true;
  return false;
}

function isNumber(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/**
 * Calls `add` with every unigram and bigram key of a document (its title, lead and body as
 * `texts`) that a keyphrase could use: what the background counts, so that its keys and
 * extractKeyphrases's are made the same way.
 */
export function backgroundKeys(texts: readonly string[], add: (key: string) => void): void {
  const words = texts.flatMap((t) => phraseWords(t));
  const stems = new Set(words.map((w) => w.stem));
  resolveLoneClitics(words, (s) => stems.has(s));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.role === BREAK) continue;
    add(w.stem);
    const next = words[i + 1];
    if (next && next.role !== BREAK && !next.breakBefore) add(w.stem + ' ' + next.stem);
  }
}

// A body often opens with a dateline: "الرياض - واس:", "سبق- الدمام:", "عوض الفهمي- سبق- أضم:".
// Up to three short segments of at most three words, each closed by a dash or colon.
const DATELINE = /^\s*(?:[^\s\-–—:.،]+(?:\s+[^\s\-–—:.،]+){0,2}\s*[-–—:]\s*){1,3}/;

interface Candidate {
  n: number;
  /** Filled in for the candidates that pass the counts. */
  stems: string[];
  /** Word index of each occurrence in the article's word sequence. */
  starts: number[];
  zones: Zone[];
}

/**
 * The keyphrases of `article`, best first, at most `max` (5). Each is one to three words that neither
 * start nor end with a stop word, date, number or verb of saying, occurs at least twice (title
 * included) and is rarer in the background than in the article. A phrase that is a collocation
 * (أسعار النفط) is kept instead of its parts.
 */
export function extractKeyphrases(
  article: ArticleText,
  opts: { max?: number; background?: Background; tokens?: { title: readonly Token[]; lead: readonly Token[]; text: readonly Token[] } } = {},
): Keyphrase[] {
  const max = Math.max(0, opts.max ?? DEFAULT_MAX_KEYPHRASES);
  if (max === 0) return [];
  const words: PhraseWord[] = [];
  const zoneOf: Zone[] = [];
  const lead = article.lead ?? '';
  // The dateline is left out of the body; the caller's tokens, when given, are the same words.
  const dateline = DATELINE.exec(article.text)?.[0].length ?? 0;
  const bodyTokens = (opts.tokens?.text ?? tokenize(article.text)).filter((t) => t.start >= dateline);
  for (const [zone, text, tokens] of [
    ['title', article.title, opts.tokens?.title ?? tokenize(article.title)],
    ['lead', lead, opts.tokens?.lead ?? tokenize(lead)],
    ['body', article.text, bodyTokens],
  ] as const) {
    const from = words.length;
    phraseWords(text, tokens, words);
    for (let k = from; k < words.length; k++) zoneOf.push(zone);
  }
  const candidates = collect(words, zoneOf);
  if (candidates.length === 0) return [];
  const background = opts.background ?? loadBackground();
  const scored = score(candidates, words, background);
  return select(scored, max).map(({ c, score }) => {
    const phrase = mostFrequent(c.starts.map((s) => displayForm(words, s, c.n)));
    return { key: c.stems.join(' '), phrase, score: Math.round(score * 1000) / 1000, tokens: phrase.split(' ').map((w) => normalizeArabic(w)), stems: c.stems };
  });
}

// n-grams are counted under numeric codes, not strings: this loop sees every word three times.
// Each distinct stem of the article gets an id below 2^15, and a trigram's code (a·2^30 + b·2^15
// + c) stays exact in a double.
const ID_BITS = 2 ** 15;

/**
 * Every n-gram (n ≤ 3) whose first and last words are WORDs, with where it occurs. Resolves lone
 * clitics on the way, as it is where the article's stems are first gathered.
 */
function collect(words: readonly PhraseWord[], zoneOf: readonly Zone[]): Candidate[] {
  const ids = new Map<string, number>();
  const idOf = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size + 1));
    return id;
  };
  for (const w of words) if (w.role !== BREAK) idOf(w.stem);
  resolveLoneClitics(words, (s) => ids.has(s));
  if (ids.size >= ID_BITS) return []; // a book, not an article
  const wordIds = words.map((w) => (w.role === BREAK ? 0 : idOf(w.stem)));

  const byCode = new Map<number, Candidate>();
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (first.role !== WORD) continue;
    let code = 0;
    for (let n = 1; n <= MAX_WORDS; n++) {
      const last = words[i + n - 1];
      if (!last) break;
      if (n > 1 && (last.role === BREAK || last.breakBefore)) break;
      code = code * ID_BITS + wordIds[i + n - 1]!;
      if (!(last.role === WORD || (n > 1 && last.role === TAIL)) || (n === 1 && !longEnough(first.stem, first.surface))) continue;
      let c = byCode.get(code);
      if (!c) byCode.set(code, (c = { n, stems: [], starts: [], zones: [] }));
      c.starts.push(i);
      c.zones.push(zoneOf[i]!);
    }
  }
  const out = [...byCode.values()];
  for (const c of out) if (c.starts.length >= Math.min(MIN_UNIGRAM_COUNT, MIN_PHRASE_COUNT)) c.stems = words.slice(c.starts[0], c.starts[0]! + c.n).map((w) => w.stem);
  return out;
}

function longEnough(stemmed: string, surface: string): boolean {
  const c = surface.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff ? stemmed.length >= MIN_ARABIC_LETTERS : stemmed.length >= 2;
}

interface Scored {
  c: Candidate;
  score: number;
  count: number;
}

/**
 * Weighted occurrences × idf, longest phrases first. An occurrence inside a kept longer phrase is
 * that phrase's, not its parts': النار in three mentions of وقف إطلاق النار is not three mentions of
 * fire. Only kept phrases claim their words, so a chance pair (ناقشت الحكومة الموازنة twice) does
 * not take الموازنة's mentions away.
 */
function score(candidates: readonly Candidate[], words: readonly PhraseWord[], background: Background): Scored[] {
  const phraseAt = new Set<number>(); // start * 4 + length of each occurrence of a kept phrase
  const out: Scored[] = [];
  for (let n = MAX_WORDS; n >= 1; n--) {
    for (const c of candidates) {
      if (c.n !== n) continue;
      const count = c.starts.length;
      if (count < (n === 1 ? MIN_UNIGRAM_COUNT : MIN_PHRASE_COUNT)) continue;
      let own = 0;
      let weighted = 0;
      c.starts.forEach((s, k) => {
        if (n < MAX_WORDS && nested(phraseAt, s, n)) return;
        own++;
        weighted += ZONE_WEIGHT[c.zones[k]!];
      });
      if (own === 0) continue;
      const outsideTitle = count - countIn(c.zones, 'title');
      if (n === 1 && (own < MIN_UNIGRAM_COUNT || outsideTitle < MIN_UNIGRAM_COUNT)) continue;
      if (n === 1 && count < MIN_BARE_UNIGRAM_COUNT && !c.starts.some((s) => printedDefinite(words[s]!.surface))) continue;
      if (n > 1 && outsideTitle < MIN_PHRASE_COUNT && !knownPairs(c.stems, background)) continue;
      const value = weighted * idf(c.stems, background);
      if (value < MIN_SCORE) continue;
      out.push({ c, score: value, count });
      if (n > 1) for (const s of c.starts) phraseAt.add(s * 4 + n);
    }
  }
  out.sort((a, b) => b.score - a.score || a.c.starts[0]! - b.c.starts[0]!);
  const floor = (out[0]?.score ?? 0) * MIN_SHARE_OF_TOP;
  return out.filter((s) => s.score >= floor);
}

/** The word printed with the article, alone or after a clitic (النفط، والنفط، بالنفط، للنفط); Latin words pass. */
function printedDefinite(surface: string): boolean {
  const c = surface.charCodeAt(0);
  if (c < 0x0600 || c > 0x06ff) return true;
  return surface.startsWith('ال') || surface.startsWith('لل') || /^[وفبك]?[وفبكل]?ال/.test(surface);
}

function countIn(zones: readonly Zone[], zone: Zone): number {
  let n = 0;
  for (const z of zones) if (z === zone) n++;
  return n;
}

/** True when every two neighbouring words of the phrase are a pair the background has seen. */
function knownPairs(stems: readonly string[], background: Background): boolean {
  for (let i = 0; i + 1 < stems.length; i++) if (background.df(stems[i] + ' ' + stems[i + 1]) < MIN_BACKGROUND_PAIR_DF) return false;
  return true;
}

function nested(phraseAt: ReadonlySet<number>, start: number, n: number): boolean {
  for (let m = n + 1; m <= MAX_WORDS; m++) {
    for (let s = start + n - m; s <= start; s++) if (s >= 0 && phraseAt.has(s * 4 + m)) return true;
  }
  return false;
}

/**
 * Smoothed inverse document frequency. The background counts unigrams and bigrams; a trigram is
 * at least as rare as its rarer bigram, which is the estimate it gets. A phrase's rarity is then
 * averaged with its words' own: in 8,500 articles most pairs are never seen, and that says more
 * about the sample than about the pair (خفض الإنتاج is not rarer news than أسعار النفط).
 */
function idf(stems: readonly string[], background: Background): number {
  const of = (key: string) => Math.log((background.docs + 1) / (background.df(key) + 1));
  if (stems.length === 1) return of(stems[0]!);
  const phrase = stems.length === 2 ? of(stems[0] + ' ' + stems[1]) : Math.max(of(stems[0] + ' ' + stems[1]), of(stems[1] + ' ' + stems[2]));
  let words = 0;
  for (const s of stems) words += of(s);
  return (phrase + words / stems.length) / 2;
}

/** Best first, without a phrase and its part both: the collocation wins if it carries the part. */
function select(scored: readonly Scored[], max: number): Scored[] {
  const picked: Scored[] = [];
  for (const s of scored) {
    // Two phrases that chain (النور التخصصي بمكة، التخصصي بمكة المكرمة) are pieces of one longer
    // repeated name: the better piece stands for it.
    if (picked.some((p) => chains(p.c.stems, s.c.stems) || chains(s.c.stems, p.c.stems))) continue;
    const overlap = picked.findIndex((p) => contains(p.c.stems, s.c.stems) || contains(s.c.stems, p.c.stems));
    if (overlap < 0) {
      if (picked.length < max) picked.push(s);
      continue;
    }
    const p = picked[overlap]!;
    // s is longer than p here only if p scored higher: take s in p's place if it is p's usual context.
    if (s.c.stems.length > p.c.stems.length && s.count >= COLLOCATION_SHARE * p.count) {
      const others = picked.filter((q, k) => k !== overlap && (contains(q.c.stems, s.c.stems) || contains(s.c.stems, q.c.stems)));
      if (others.length === 0) picked[overlap] = s;
    }
  }
  return picked.sort((a, b) => b.score - a.score);
}

/** True when `a` ends with words that `b` starts with, and neither holds the other. */
function chains(a: readonly string[], b: readonly string[]): boolean {
  for (let k = Math.min(a.length, b.length) - 1; k >= 1; k--) {
    let same = true;
    for (let j = 0; j < k && same; j++) same = a[a.length - k + j] === b[j];
    if (same) return true;
  }
  return false;
}

/** True when `part` is a contiguous run of `whole` (or equal to it). */
function contains(whole: readonly string[], part: readonly string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i++) {
    let k = 0;
    while (k < part.length && whole[i + k] === part[k]) k++;
    if (k === part.length) return true;
  }
  return false;
}

/** Words i … i+n-1 as shown: harakat and tatweel dropped, and the first word's clitics. */
function displayForm(words: readonly PhraseWord[], i: number, n: number): string {
  let form = withoutClitics(words[i]!.surface.replace(MARKS, ''), words[i]!.stem);
  for (let k = 1; k < n; k++) form += ' ' + words[i + k]!.surface.replace(MARKS, '');
  return form;
}

/**
 * `surface` without a leading و ف ب ك ل, keeping the article: والانتخابات → الانتخابات,
 * للانتخابات → الانتخابات, وللأمم → الأمم, ومفاوضات → مفاوضات. A letter is a clitic only if the
 * word keeps its stem without it, so وزير and لبنان stay whole.
 */
function withoutClitics(surface: string, stemmed: string): string {
  for (const rest of cliticReadings(surface)) {
    if (rest.length >= 2 && stem(normalizeArabic(rest)) === stemmed) return rest;
  }
  return surface;
}

function cliticReadings(w: string): string[] {
  const a = w[0];
  const b = w[1];
  if (a === undefined || b === undefined) return [];
  const out: string[] = [];
  // لل is لِ + ال with the alef dropped: للسلام = ل + السلام.
  if ((a === 'و' || a === 'ف') && b === 'ل' && w[2] === 'ل') out.push('ا' + w.slice(2));
  if (a === 'ل' && b === 'ل') out.push('ا' + w.slice(1));
  if ((a === 'و' || a === 'ف') && 'بكل'.includes(b)) out.push(w.slice(2));
  if ('وفبكل'.includes(a)) out.push(w.slice(1));
  return out;
}

// Letters that careful writers use and hurried ones fold away (إطلاق / اطلاق، الهيئة / الهيئه).
const CAREFUL_LETTERS = /[أإآؤئةى]/g;

/** The most frequent of `forms`; of those tied, the most carefully spelled, then the first seen. */
function mostFrequent(forms: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
  let best = '';
  let bestRank = -1;
  for (const [form, count] of counts) {
    const rank = count * 100 + Math.min(99, form.match(CAREFUL_LETTERS)?.length ?? 0);
    if (rank > bestRank) [best, bestRank] = [form, rank];
  }
  return best;
}
