// Headlines that share most of their words can still state different facts: "29 قتيلا" and "53
// قتيلا", "تتراجع عن خطة" and "تقر خطة", a summit in غزة and one in سوريا (the ANS corpus's
// contradiction pairs are built exactly this way). On a long text one changed word is noise in a
// copy; on a ten-word headline it is the news. So two short texts are copies only when what differs
// between them could not change a fact.
import { isStopWord } from '../arabic/index.ts';

// Negation and its opposites, in matching form: a headline with لم and one without disagree.
const NEGATIONS = new Set(['لا', 'لم', 'لن', 'ليس', 'ليست', 'غير', 'عدم', 'بدون', 'دون', 'ما', 'ولا', 'ولم', 'ولن', 'وليس', 'وعدم']);
// Number words: a count spelled out differs like a count in digits.
const NUMBER_WORDS = new Set([
  'واحد', 'واحده', 'اثنان', 'اثنين', 'ثلاث', 'ثلاثه', 'اربع', 'اربعه', 'خمس', 'خمسه', 'ست', 'سته', 'سبع', 'سبعه',
  'ثماني', 'ثمانيه', 'تسع', 'تسعه', 'عشر', 'عشره', 'عشرات', 'مئات', 'الاف', 'الف', 'الفا', 'مليون', 'ملايين', 'مليار', 'مليارات',
  'ضعف', 'نصف', 'ربع', 'ثلث',
]);
// Words whose swap or addition reverses a fact (direction, outcome, stance); matching form.
const POLARITY_WORDS = new Set([
  'اعلي', 'ادني', 'ارتفاع', 'انخفاض', 'يرتفع', 'ينخفض', 'ترتفع', 'تنخفض', 'صعود', 'هبوط', 'تراجع', 'يتراجع', 'تتراجع',
  'زياده', 'نقص', 'فوز', 'يفوز', 'خساره', 'يخسر', 'هزيمه', 'تعادل', 'قبول', 'رفض', 'يرفض', 'ترفض', 'يقبل', 'تقبل',
  'تاييد', 'يؤيد', 'معارضه', 'يعارض', 'نجاح', 'فشل', 'تاجيل', 'الغاء', 'استمرار', 'وقف', 'اول', 'اخر', 'اكبر', 'اصغر',
  'افضل', 'اسوا', 'اكثر', 'اقل', 'مقتل', 'اصابه', 'نجاه', 'انتحار', 'اعتقال', 'الافراج', 'اطلاق', 'نفي', 'ينفي', 'تنفي',
]);

/** Fewer words than this and a text is judged as a headline, not by its shingles alone. */
export const SHORT_TEXT_WORDS = 40;

/**
 * True when two short texts (normalized words) could be the same statement: no number, negation or
 * polarity word differs, and the difference is not a swap (a content word on each side that the
 * other lacks: غزة for سوريا, الروائي for الممثل). A one-sided addition ("عاجل:", a byline) passes.
 */
export function statesSameFacts(a: readonly string[], b: readonly string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  let onlyA = 0;
  let onlyB = 0;
  for (const [from, other, side] of [[setA, setB, 'a'], [setB, setA, 'b']] as const) {
    for (const w of from) {
      if (other.has(w)) continue;
      if (isFactWord(w)) return false;
      if (isStopWord(w)) continue;
      if (side === 'a') onlyA++;
      else onlyB++;
    }
  }
  return onlyA === 0 || onlyB === 0;
}

function isFactWord(w: string): boolean {
  return /\d/.test(w) || NEGATIONS.has(w) || NUMBER_WORDS.has(w) || POLARITY_WORDS.has(w) || POLARITY_WORDS.has(stripArticle(w));
}

// The polarity list holds bare forms; headlines write them with the article or a conjunction.
function stripArticle(w: string): string {
  return w.replace(/^(?:و|ف)?(?:بال|لل|ال)/, '');
}
