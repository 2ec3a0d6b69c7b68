// Words that say nothing about what an article is about: dropped before indexing, clustering and
// tagging. The base is stopwords-iso's Arabic list (480 words, many vocalized), in matching form.
import stopwordsIso from 'stopwords-iso' with { type: 'json' };
import { normalizeArabic } from './normalize.ts';

// stopwords-iso lists these, but in news they name things people search for, or they fold into a
// content word once harakat and hamza are gone. Matching form.
const NOT_STOP_WORDS = [
  'زياره', 'لقاء', 'قوه', 'تحول', 'اعاده', 'الذاتي', // visit, meeting, force, transformation, re-, self-(rule)
  'برس', 'لوكاله', 'للامم', // فرانس برس, وكالة الأنباء, الأمم المتحدة
  'مايو', 'ايار', // the only two months listed; dates are searched like any other month
  'امين', // آمين (amen) folds into أمين (secretary, as in الأمين العام) and the name Amin
  'اثر', // إثر (after) folds into أثر (impact)
  'عين', // عين العرب and other places; also "appointed" (عيّن)
  'حي', // حيّ (come!) folds into حي (a city district: حي النسيم) and "alive"
  'حار', // حارَ (was puzzled) folds into حار (hot, in every weather report)
  'معاذ', 'رب', 'اب', 'اخ', // a common given name; lord, father, brother
  'وقف', // وَقَفَ (stood) is also the noun of وقف إطلاق النار (ceasefire)
];

// Function words of news prose that stopwords-iso lacks: reporting verbs and the adverbial
// participles that follow them (وأضاف مشيراً إلى…), attribution (وفقاً لـ، نقلاً عن) and pronoun
// forms of prepositions and particles. Verbs that carry content (أعلن is listed: stopwords-iso
// already has أعلنت) and nouns are left out.
const NEWS_FUNCTION_WORDS = [
  'قال', 'قالت', 'قالوا', 'يقول', 'تقول', 'قائلا', 'قائلة',
  'أضاف', 'أضافت', 'يضيف', 'تضيف', 'مضيفا', 'مضيفة',
  'أكد', 'أكدت', 'يؤكد', 'تؤكد', 'مؤكدا', 'مؤكدة',
  'أشار', 'أشارت', 'يشير', 'تشير', 'مشيرا', 'مشيرة',
  'أوضح', 'أوضحت', 'يوضح', 'توضح', 'موضحا', 'موضحة',
  'لفت', 'لفتت', 'لافتا', 'لافتة',
  'أفاد', 'أفادت', 'يفيد', 'تفيد', 'مفيدا',
  'ذكر', 'ذكرت', 'يذكر', 'يشار', 'أعلن', 'أعلنت', 'تابع', 'تابعت', 'بينت', 'مبينا', 'نوه', 'نوهت',
  'منوها', 'صرحت', 'أردف', 'أردفت',
  'وفقا', 'طبقا', 'بحسب', 'حسبما', 'نقلا', 'وفق',
  'أيضا', 'كذلك', 'بالتالي', 'بالإضافة', 'إضافة', 'بالنسبة', 'عبر', 'لدى', 'إذ', 'لأن', 'بينما', 'سيتم',
  'لماذا', 'يتم', 'تتم', 'تكون', 'سيكون', 'ستكون', 'كانوا', 'لقد', 'هؤلاء', 'لكنه', 'لكنها', 'لكنهم',
  'إنه', 'إنها', 'إنهم', 'أنه', 'أنها', 'أنهم', 'عليه', 'عليها', 'عليهم', 'إليه', 'إليها', 'إليهم',
  'منه', 'منها', 'منهم', 'عنه', 'عنها', 'عنهم', 'فيه', 'فيها', 'فيهم', 'له', 'لها', 'لهم', 'به',
  'بها', 'بهم', 'معه', 'معها', 'معهم', 'لديه', 'لديها', 'لديهم', 'بينهم', 'بينها',
];

// A single Arabic letter left by the tokenizer is an abbreviation mark, not a word: م and هـ after
// years (2015م، 1436هـ), ص/م for a.m./p.m., و or ب split off by a stray space.
const ARABIC_ALPHABET = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';

// Conjunctions attach to any of the above: وقال، فإن، وعليه. These would-be clitic forms are
// content words and stay searchable: فهم (understanding), فلم (film), ولي (as in ولي العهد),
// فعل (act, as in ردود الفعل).
const CLITICS = ['و', 'ف'];
const CLITIC_FORMS_THAT_ARE_WORDS = new Set(['فهم', 'فلم', 'ولي', 'فعل']);
// Demonstratives also take the prepositions ب ل ك (لهذا، بذلك، كذلك، لذا), and are as empty with them.
const DEMONSTRATIVES = ['هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'ذاك', 'هنا', 'هناك', 'ذا'];
const PREPOSITIONS = ['ب', 'ل', 'ك'];

/** Arabic stop words in matching form (`normalizeArabic`), conjunction forms included. */
export const STOP_WORDS: ReadonlySet<string> = buildStopWords();

function buildStopWords(): Set<string> {
  const excluded = new Set(NOT_STOP_WORDS);
  const base = new Set<string>();
  for (const word of [...stopwordsIso.ar, ...NEWS_FUNCTION_WORDS]) {
    const norm = normalizeArabic(word);
    // stopwords-iso also lists punctuation (، ـ), which normalizes to nothing or is no word.
    if (norm !== '' && !excluded.has(norm) && /^[\u0621-\u064a]+$/.test(norm)) base.add(norm);
  }
  const words = new Set(base);
  for (const word of base) {
    if (word.length < 2) continue;
    for (const clitic of CLITICS) {
      const form = clitic + word;
      if (!CLITIC_FORMS_THAT_ARE_WORDS.has(form) && !excluded.has(form)) words.add(form);
    }
  }
  for (const word of DEMONSTRATIVES) {
    for (const preposition of PREPOSITIONS) {
      const form = normalizeArabic(preposition + word);
      words.add(form);
      for (const clitic of CLITICS) words.add(clitic + form);
    }
  }
  for (const letter of ARABIC_ALPHABET) words.add(letter);
  return words;
}

/** True when `norm` (a token's matching form) is a stop word. */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}
