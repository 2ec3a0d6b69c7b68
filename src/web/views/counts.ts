// Counted nouns in Arabic: the noun agrees with the number. 1 and 2 have their own words (مصدر واحد،
// مصدران); 3–10 take the plural (3 مصادر); 11–99 the singular, accusative (11 مصدراً); and from 100 a
// number ending in 00, 01 or 02 takes the singular (100 مصدر، 102 مصدر).

export interface CountedNoun {
  zero: string;
  one: string;
  two: string;
  /** 3–10: the plural. */
  few: string;
  /** 11–99: the singular with tanween al-fath where it is written (خبراً، مصدراً). */
  many: string;
  /** 100, 101, 102…: the singular. */
  other: string;
}

export function countNoun(n: number, noun: CountedNoun): string {
  if (n === 0) return noun.zero;
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  const lastTwo = n % 100;
  if (lastTwo >= 3 && lastTwo <= 10) return `${n} ${noun.few}`;
  if (lastTwo >= 11) return `${n} ${noun.many}`;
  return `${n} ${noun.other}`;
}

const ARTICLES: CountedNoun = { zero: 'لا أخبار', one: 'خبر واحد', two: 'خبران', few: 'أخبار', many: 'خبراً', other: 'خبر' };
const OUTLETS: CountedNoun = { zero: 'لا مصادر', one: 'مصدر واحد', two: 'مصدران', few: 'مصادر', many: 'مصدراً', other: 'مصدر' };
const COPIES: CountedNoun = { zero: 'لا نسخ', one: 'نسخة واحدة', two: 'نسختان', few: 'نسخ', many: 'نسخة', other: 'نسخة' };

/** "خبر واحد", "خبران", "5 أخبار", "11 خبراً", "100 خبر". */
export function articleCount(n: number): string {
  return countNoun(n, ARTICLES);
}

/** "مصدر واحد", "مصدران", "3 مصادر", "11 مصدراً", "100 مصدر". */
export function outletCount(n: number): string {
  return countNoun(n, OUTLETS);
}

/** "نسخة واحدة", "نسختان", "3 نسخ", "11 نسخة". */
export function copyCount(n: number): string {
  return countNoun(n, COPIES);
}
