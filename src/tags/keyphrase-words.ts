// Which words can name a topic. A keyphrase is a noun or a noun phrase someone would follow (أسعار
// النفط، ركلات الترجيح، التعذيب); verbs, adjectives, adverbs and prepositions carry meaning only
// inside one. Arabic marks most of them in the word itself, so these are shapes and short lists,
// checked on the printed word: the matching form folds ة into ه, and ة against ه is what tells a
// noun (مدرسة) from a noun with a pronoun (مدرسه "his teacher", برنامجه).
import { normalizeArabic } from '../arabic/index.ts';

/** May start, end or fill a phrase, and stand alone. */
export const WORD = 0;
/** May only fill a phrase: a verb, a preposition, a formula. */
export const EDGE = 1;
/** A stop word or a number: no phrase contains it. */
export const BREAK = 2;
/** May end or fill a phrase but not start it or stand alone: an adjective (الاستثمارات الأجنبية). */
export const TAIL = 3;
export type Role = typeof WORD | typeof EDGE | typeof BREAK | typeof TAIL;

/**
 * Words that neither start nor end a topic, beyond the stop list: prepositions and adverbs built
 * on nouns (حيال، بواقع، مقارنة), formulas of piety that follow names (رحمه الله، صلى الله عليه
 * وسلم), and verbs of news prose in forms no shape rule catches (نتج، خضع).
 */
const NOT_TOPIC = [
  'حيال', 'إزاء', 'بدون', 'دون', 'بواقع', 'بقيمة', 'بسرعة', 'بصورة', 'بشكل', 'بطريقة', 'مقارنة', 'بالمقارنة',
  'قرابة', 'زهاء', 'حوالي', 'نحو', 'ضمن', 'عبر', 'وفق', 'وفقا', 'طبقا', 'حسب', 'بحسب', 'جراء', 'إثر', 'عقب',
  'بفضل', 'بهدف', 'بغية', 'لصالح', 'بمناسبة', 'بخصوص', 'بشأن', 'إطار', 'صعيد', 'خلال', 'أثناء', 'بعيدا',
  'بالإضافة', 'إضافة', 'فضلا', 'علاوة', 'لاسيما', 'سيما', 'أيضا', 'كذلك', 'فقط', 'حاليا', 'مؤخرا', 'تقريبا',
  'الله', 'رحمه', 'يرحمه', 'رحمها', 'المغفور', 'تعالى', 'سبحانه', 'عليه', 'وسلم', 'صلى', 'رضي', 'عنه', 'حفظه',
  'سيدنا', 'الكريم', 'المفدى', 'الشريفين', 'الأمين',
  'نتج', 'خضع', 'أنعش', 'تراجع', 'ارتفع', 'انخفض', 'تجاوز', 'بلغ', 'بلغت', 'يبلغ', 'تبلغ', 'قام', 'قامت',
  'تم', 'يتم', 'تمت', 'شهدت', 'حقق', 'حققت', 'سجل', 'تضمن', 'تضمنت', 'أسفر', 'أسفرت', 'أدى', 'أدت', 'جاء',
  'جاءت', 'يأتي', 'تأتي', 'ليتني', 'كنت', 'منا', 'ولي', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة', 'خمسة', 'أربعة',
  'ثلاثة', 'اثنين', 'اثنان', 'ملياري', 'مليوني',
];

/**
 * Adjectives and generic words that say "how" or "which" but not "what": kept at a phrase's end
 * (الاستثمارات الأجنبية، السوق العالمية), never alone or first.
 */
const NOT_ALONE = [
  'الجديد', 'الجديدة', 'جديد', 'جديدة', 'الحقيقي', 'الحقيقية', 'الكاذب', 'الكاذبة', 'الأقل', 'الأكثر', 'أقل',
  'أكثر', 'أفضل', 'الأفضل', 'أكبر', 'الأكبر', 'أصغر', 'الأصغر', 'أعلى', 'الأعلى', 'أدنى', 'الأدنى', 'أهم', 'الأهم',
  'أبرز', 'الأبرز', 'أسوأ', 'الأسوأ', 'أحسن', 'الأحسن', 'أقوى', 'الأقوى', 'أضعف', 'أسرع', 'الأسرع', 'أطول',
  'أقصر', 'أعظم', 'أشد', 'أغلى', 'أرخص', 'الأول', 'الأولى', 'الثاني', 'الثانية', 'الثالث', 'الثالثة', 'الأخير',
  'الأخيرة', 'الربع', 'الثلث', 'النصف', 'ربع', 'ثلث', 'نصف', 'الكبير', 'الكبيرة', 'كبير', 'كبيرة', 'الصغير',
  'الصغيرة', 'رئيسة', 'رئيسية', 'الرئيسة', 'الرئيسية', 'رئيسي', 'الرئيسي', 'المقبل', 'المقبلة', 'الماضي',
  'الماضية', 'القادم', 'القادمة', 'السابق', 'السابقة', 'الحالي', 'الحالية', 'العام', 'العامة', 'الخاص', 'الخاصة',
  'المختلفة', 'مختلفة', 'الكامل', 'الكاملة', 'الجميع', 'الكثير', 'الكثيرة', 'كثيرة', 'عديدة', 'العديد', 'بعض',
  'المملكة', 'الدول', 'البلاد', 'المنطقة', 'زيادة', 'الفريق', 'الأمر', 'الأمور', 'الوقت', 'الجانب',
  'المجال', 'الموضوع', 'الشيء', 'الأشياء', 'الناس', 'الوضع', 'الفترة', 'المرحلة', 'الطريقة', 'الشكل', 'نتائج',
  'النتائج', 'عدد', 'العدد', 'مستوى', 'المستوى', 'حجم', 'الحجم', 'نسبة', 'النسبة', 'قيمة', 'القيمة',
];

/** Each word as printed with the article or without it, alone or after a clitic (وزيادة، بالزيادة، للزيادة). */
function fold(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const norm = normalizeArabic(w);
    const bare = norm.startsWith('ال') && norm.length > 4 ? norm.slice(2) : norm;
    for (const form of [bare, 'ال' + bare]) for (const c of ['', 'و', 'ف', 'ب', 'ك', 'وب', 'فب']) out.add(c + form);
    out.add('ل' + bare).add('لل' + bare).add('ول' + bare).add('ولل' + bare);
  }
  return out;
}
const NOT_TOPIC_NORMS = fold(NOT_TOPIC);
const NOT_ALONE_NORMS = fold(NOT_ALONE);

const ARABIC_LETTER = /^[\u0621-\u064a]+$/;
/**
 * Attached pronouns: خضوعها، منزلهم، برنامجه (ه, not the ة of a noun; not the يه of ترفيه). Only on
 * words without the article, which never takes a pronoun: الصحه is الصحة typed in a hurry.
 */
const PRONOUN_SUFFIX = /(?:ها|هم|هما|هن|كم|كما)$|[^ةتي]ه$/;
/** Plural and dual verbs: نزحوا، قاموا، يطالبون is caught as imperfect. */
const PLURAL_VERB = /وا$/;
/** Perfect verbs with the feminine ت: سجلت، أنقذت، ارتفعت (not the plural ات، nor بيت، صوت). */
const FEMININE_PERFECT = /^[\u0621-\u064a]{3,5}ت$/;
const NOT_FEMININE_PERFECT = /(?:ات|وت|يت|نت)$/;
/** The accusative ending (انتحاريا، قائدا، اختناقا): an adverb or a predicate. Foreign nouns in ونا، ولا are not. */
const ACCUSATIVE = /[^ا]ا$/;
const FOREIGN_A = /(?:ونا|ولا|يلا|يكا|ديا|رما|ما)$/;
/** Nisba adjectives: العربية، العالمي، الإرهابيين. */
const NISBA = /(?:ي|ية|يه|يين|يون)$/;
const IMPERFECT_LETTERS = 4;

/**
 * The role of a word that is not a stop word or a number: what it can do in a keyphrase. `surface`
 * is the word as printed (harakat kept is fine: they are not letters here), `norm` its matching form.
 */
export function roleOf(surface: string, norm: string): Role {
  if (NOT_TOPIC_NORMS.has(norm)) return EDGE;
  // The imperfect in ي (يقيم، يلتقي): nouns in ي are mostly names, which the gazetteer tags.
  if (norm.length >= IMPERFECT_LETTERS && norm.charCodeAt(0) === 0x064a) return EDGE;
  const s = surface.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  if (!ARABIC_LETTER.test(s)) return WORD;
  const definite = s.startsWith('ال') || /^[وفبكل]ال/.test(s) || s.startsWith('لل');
  if (!definite) {
    if (PRONOUN_SUFFIX.test(s) && s.length >= 4) return EDGE;
    if (PLURAL_VERB.test(s) && s.length >= 4) return EDGE;
    if (FEMININE_PERFECT.test(s) && !NOT_FEMININE_PERFECT.test(s)) return EDGE;
    if (ACCUSATIVE.test(s) && s.length >= 4 && !FOREIGN_A.test(s)) return EDGE;
  }
  if (NOT_ALONE_NORMS.has(norm)) return TAIL;
  if (NISBA.test(s) && s.length >= (definite ? 6 : 4)) return TAIL;
  return WORD;
}
