// A light stemmer of the Light10 family (Larkey, Ballesteros & Connell 2007): strip a leading
// conjunction/preposition with the article, then suffixes, never below a minimum stem length. No
// roots and no dictionary; only a short list of words whose first letters look like clitics.
// It works on the matching form (normalize.ts): ة is already ه, ى is ي, hamza seats are ا و ي.
//
// Departures from Light10, each because Light10 splits forms a reader treats as one word. The
// figures are macro recall on eval/stemmers.ts without the rule (0.925 with all of them):
// - suffixes are stripped repeatedly (longest first), not in one fixed pass: Light10 strips ان from
//   لبنان but not from اللبنانية (it stops at ية), so the country and its adjective never meet;
// - country names in يا / ا meet their adjectives in ية (روسيا / الروسية; DESIGN.md: Snowball
//   fails this), and accusative tanween goes (عاما → عام): 0.868 without;
// - lone و is stripped unless what remains is a listed word starting with و (وزير): 0.885 without;
// - ب and ل are stripped before م and ت (بمنطقة، لتحقيق): 0.916 without;
// - the article and its clitics may leave 2 letters (الحج → حج, the pilgrimage), suffixes 3.
import { normalizeArabic } from './normalize.ts';

/** A suffix never takes a word below this many letters: most Arabic roots have three. */
export const MIN_STEM = 3;
/** The article may leave two letters: doubled roots are written with two (الحج، الحل، الحق، الرد). */
const MIN_AFTER_ARTICLE = 2;
/** Words of this length or shorter are returned as they are: almost nothing left to strip safely. */
const MAX_UNSTEMMED_LENGTH = 3;

// Clitic + article, longest first so وال wins over ال. لل is لِ + ال with the alef dropped
// (للسلام = لِ + السلام). Two-clitic forms (وبالتالي، وللمرة) are common enough in news to list.
const ARTICLE_PREFIXES = ['وبال', 'وكال', 'فبال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];

// The conjunction و alone (ومفاوضات). Only و: ف ب ك ل begin too many words in their own right
// (فريق، فرنسا، بيان، كبير، لجنة), while و-initial words are few enough to list below.
const LONE_CONJUNCTION = 'و';
// Except ب and ل right before م or ت: almost no root starts بم، بت، لم، لت, and prepositions before
// nouns of place and verbal nouns are everywhere in news (بمنطقة، بمحافظة، لتحقيق، بتاريخ). In
// SaudiNewsNet, 99% of such words of four letters or more are preposition + word (بمكة، لمصر).
const LONE_PREPOSITIONS = new Set([0x0628, 0x0644]); // ب ل
const NOUN_PREFIXES = new Set([0x0645, 0x062a]); // م ت
const MIN_AFTER_PREPOSITION = 3;

const TAA = 0x062a; // ت
const ALEF = 0x0627; // ا
const DOUBLE_LAM = 'لل';
const ALLAH = 'الله';
const NISBA_AFTER_HAMZA = 'ايي'; // ائي after normalize
const HAMZA = 'ء';
const ARABIC_LETTERS_FROM = 0x0621;
const ARABIC_LETTERS_TO = 0x064a;

interface Suffix {
  text: string;
  /** Letters that must remain after stripping it. */
  minRest: number;
  /** Attached pronouns: before them a taa marbuta is written ت (حكومة + ها = حكومتها). */
  pronoun?: boolean;
  /** Not stripped after this letter: the word then ends in a shorter suffix, tried next. */
  notAfter?: number;
}

const WAW = 0x0648; // و

// Longest first. Each is stripped whenever it ends the word and enough remains, then the list is
// tried again, so الفلسطينيين → فلسطيني → فلسطين → فلسط meets فلسطين → فلسط.
const SUFFIXES: Suffix[] = [
  // Dual pronoun (their two…) and feminine dual (الدولتين، الدولتان).
  { text: 'هما', minRest: MIN_STEM, pronoun: true },
  { text: 'تين', minRest: MIN_STEM },
  { text: 'تان', minRest: MIN_STEM },
  // كما is also "as"; only after four letters is it surely "your (two)".
  { text: 'كما', minRest: 4, pronoun: true },
  // Pronouns. هم كم نا هن also end many stems (مساهم، تراكم، محاكم، الراهن), so they need four
  // letters before them; ها (her/its) rarely ends a stem.
  { text: 'ها', minRest: MIN_STEM, pronoun: true },
  { text: 'هم', minRest: 4, pronoun: true },
  { text: 'كم', minRest: 4, pronoun: true },
  // Not after و: قانونا، تعاونا، مضمونا are a noun in ون with accusative tanween (قانون + ا), and
  // a verb in وا before نا (أخبرونا، ساعدونا) loses its ا, then ون, all the same.
  { text: 'نا', minRest: 4, pronoun: true, notAfter: WAW },
  { text: 'هن', minRest: 4, pronoun: true },
  // Sound plurals and the dual. ان ends many names and nouns (لبنان، ايران، انسان), so it needs
  // four letters before it: لبنان and اللبنانية then both stop at لبنان. ين stays at three for
  // the dual of three-letter nouns (الطرفين، البلدين).
  { text: 'ات', minRest: MIN_STEM },
  { text: 'ون', minRest: 4 }, // not تعاون، قانون، مليون; plurals of three-letter stems are rarer
  { text: 'ين', minRest: MIN_STEM },
  { text: 'ان', minRest: 4 },
  // Verb plural (قالوا، أكدوا) and country names in يا, whose adjective is in ية (روسيا / روسية).
  { text: 'وا', minRest: MIN_STEM },
  { text: 'يا', minRest: MIN_STEM },
  // ه is both taa marbuta (folded) and "his"; ي is the nisba adjective (مصري) and final ى; bare ا
  // is accusative tanween (عاما، جديدا) and the end of country names (أمريكا / الأمريكية).
  { text: 'ه', minRest: MIN_STEM, pronoun: true },
  { text: 'ي', minRest: MIN_STEM },
  { text: 'ا', minRest: MIN_STEM },
];

// Words whose first letters look like a clitic or the article but are part of the word. Listed as
// words people write; their stems are computed at load time. A candidate stem found here wins over
// stripping more. Without them: وزير → زير, الوكالات → ات, ألمانيا → مانيا, للبنان → بنان.
const CLITIC_LOOKALIKES = [
  // و as the first root letter: frequent in news, and Light10's best-known error.
  'وزير', 'وزراء', 'وزارة', 'وطن', 'وطني', 'وكالة', 'وكيل', 'وكلاء', 'وظيفة', 'وظائف', 'واشنطن',
  'وحدة', 'وثيقة', 'وثائق', 'وسيلة', 'وسائل', 'وقود', 'وقوع', 'وقوف', 'وصول', 'ولاية', 'وجود',
  'واقع', 'وفاة', 'وفاء', 'واحد', 'واسع', 'واضح', 'واجب', 'واجهة', 'وجبة', 'وجهة', 'ولادة',
  'وادي', 'وليد', 'وائل', 'ورشة', 'ورقة', 'وديعة', 'وراء', 'وقت', 'وضع', 'وقف', 'ولد', 'وفد',
  'وجه', 'وسط', 'وعد', 'والد', 'والي', 'وصف', 'وصل', 'وقع', 'ورد', 'وعي', 'وهم',
  // أل / إل at the start: after hamza folding they look exactly like the article.
  'ألمانيا', 'ألف', 'ألعاب', 'ألبانيا', 'إلغاء', 'إلكتروني', 'إلزام', 'ألوان', 'ألغام', 'ألبوم',
  'آلاف', 'آلية', 'آلام', 'آلات',
  // ل-initial words after لِ + ال: three lams are written as two (للجنة = لِ + اللجنة).
  'لبنان', 'ليبيا', 'لندن', 'لجنة', 'لاعب', 'لقاء', 'لاجئ', 'لغة', 'لواء', 'لحم', 'لوحة', 'ليل',
  'لقب', 'لياقة', 'لعبة', 'لائحة', 'لقاح',
  // The few بت / لم words that are not preposition + word.
  'بترول', 'بتروكيماويات', 'لمسة', 'لمحة',
];

// Returned untouched: every "suffix" in them is meaning. الله and its clitic forms would become له
// (and names ending in it, عبدالله، نصرالله, are kept whole too); the tens would meet the units
// (ثلاثين → ثلاث); عليا (supreme) would become علي (Ali).
const PROTECTED = new Set([
  'الله', 'لله', 'والله', 'بالله', 'فالله', 'تالله', 'اللهم', 'ولله', 'فلله',
  'عشرين', 'عشرون', 'ثلاثين', 'ثلاثون', 'اربعين', 'اربعون', 'خمسين', 'خمسون', 'ستين', 'ستون',
  'سبعين', 'سبعون', 'ثمانين', 'ثمانون', 'تسعين', 'تسعون',
  'عليا', 'العليا', 'دنيا', 'الدنيا',
]);

// The suffix table indexed by last letter, so each step looks at the two or three that can match.
const SUFFIXES_BY_LAST_LETTER: Array<Suffix[] | undefined> = [];
for (const s of SUFFIXES) (SUFFIXES_BY_LAST_LETTER[s.text.charCodeAt(s.text.length - 1) - ARABIC_LETTERS_FROM] ??= []).push(s);

/** The stem of `w.slice(from)`: suffixes stripped repeatedly, longest first. */
function stripSuffixes(w: string, from: number): string {
  let end = w.length;
  for (;;) {
    // كهربائي → كهرباء: the nisba of a word in اء is written ائي, and hamza on a seat folds to ي.
    if (end - from - 2 >= MIN_STEM && w.endsWith(NISBA_AFTER_HAMZA, end)) return w.slice(from, end - 2) + HAMZA;
    const candidates = SUFFIXES_BY_LAST_LETTER[w.charCodeAt(end - 1) - ARABIC_LETTERS_FROM];
    let suffix: Suffix | undefined;
    if (candidates) {
      for (const s of candidates) {
        if (end - from - s.text.length >= s.minRest && w.endsWith(s.text, end) && w.charCodeAt(end - s.text.length - 1) !== s.notAfter) {
          suffix = s;
          break;
        }
      }
    }
    if (!suffix) break;
    end -= suffix.text.length;
    // حكومتها → حكومت → حكوم, like الحكومة → حكومه → حكوم. Not ات (قواتها keeps its plural),
    // and not when the stem would shrink below the minimum (بيته → بيت).
    if (suffix.pronoun && w.charCodeAt(end - 1) === TAA && w.charCodeAt(end - 2) !== ALEF && end - 1 - from >= MIN_STEM) end--;
  }
  return from === 0 && end === w.length ? w : w.slice(from, end);
}

const LOOKALIKE_STEMS: ReadonlySet<string> = new Set(CLITIC_LOOKALIKES.map((w) => stripSuffixes(normalizeArabic(w), 0)));

// A cheap first test before stemming a word a second way: the first three letters of the
// three-letter lookalike stems and the first four of the longer ones, packed into numbers.
const LOOKALIKE_HEADS_3 = new Set<number>();
const LOOKALIKE_HEADS_4 = new Set<number>();
for (const s of LOOKALIKE_STEMS) (s.length === 3 ? LOOKALIKE_HEADS_3 : LOOKALIKE_HEADS_4).add(head(s, 0, Math.min(s.length, 4)));

function head(w: string, from: number, letters: number): number {
  let key = 0;
  for (let i = from; i < from + letters; i++) key = key * 64 + ((w.charCodeAt(i) - ARABIC_LETTERS_FROM) & 63);
  return key;
}

/** The stem of `w.slice(from)` if it is a listed lookalike, else null. */
function lookalikeStem(w: string, from: number): string | null {
  const length = w.length - from;
  const maybe = (length >= 3 && LOOKALIKE_HEADS_3.has(head(w, from, 3))) || (length >= 4 && LOOKALIKE_HEADS_4.has(head(w, from, 4)));
  if (!maybe) return null;
  const candidate = stripSuffixes(w, from);
  return LOOKALIKE_STEMS.has(candidate) ? candidate : null;
}

function isArabicLetter(code: number): boolean {
  return code >= ARABIC_LETTERS_FROM && code <= ARABIC_LETTERS_TO;
}

/**
 * The light stem of a normalized word (`normalizeArabic` output): المفاوضات، والمفاوضات،
 * بالمفاوضات → مفاوض; روسيا، الروسية → روس; للسلام → سلام. Latin words, numbers and words of three
 * letters or fewer come back unchanged.
 */
export function stem(norm: string): string {
  if (norm.length <= MAX_UNSTEMMED_LENGTH || !isArabicLetter(norm.charCodeAt(0)) || PROTECTED.has(norm) || norm.endsWith(ALLAH)) return norm;
  const prefix = articlePrefix(norm);
  if (prefix > 0) {
    // Less stripping first: the whole word (وكالات is not و + كال + ات, والده not و + ال + ده), then
    // without its first clitic letter (بألمانيا → ألمانيا, للبنان → لبنان), when that is a listed
    // lookalike.
    const lighter = lookalikeStem(norm, 0) ?? (prefix > 2 || norm.startsWith(DOUBLE_LAM) ? lookalikeStem(norm, 1) : null);
    return lighter ?? stripSuffixes(norm, prefix);
  }
  if (norm.startsWith(LONE_CONJUNCTION) && norm.length - 1 >= MIN_STEM) return lookalikeStem(norm, 0) ?? stripSuffixes(norm, 1);
  if (LONE_PREPOSITIONS.has(norm.charCodeAt(0)) && NOUN_PREFIXES.has(norm.charCodeAt(1)) && norm.length - 1 >= MIN_AFTER_PREPOSITION) {
    return lookalikeStem(norm, 0) ?? stripSuffixes(norm, 1);
  }
  return stripSuffixes(norm, 0);
}

/** Length of the clitic + article prefix of `w` that may be stripped, or 0. */
function articlePrefix(w: string): number {
  for (const prefix of ARTICLE_PREFIXES) {
    if (w.length - prefix.length >= MIN_AFTER_ARTICLE && w.startsWith(prefix)) return prefix.length;
  }
  return 0;
}
