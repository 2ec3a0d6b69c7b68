// What a reader sees when a query cannot run as typed, or ran with something left out. Arabic
// first (the site is Arabic), English for API clients; each sentence says what to do.
import { MAX_PHRASE_WORDS, MAX_QUERY_CHARS, MAX_TERMS } from './query-limits.ts';
import type { QueryError, QueryNotice } from './query-types.ts';

const DATE_EXAMPLES_AR = '2026-11-29 أو 29/11/2026 أو 29 نوفمبر 2026 أو 2026';
const DATE_EXAMPLES_EN = '2026-11-29, 29/11/2026, 29 نوفمبر 2026 or 2026';

export function queryError(code: string, ar: string, en: string): QueryError {
  return { code, message: `${ar} — ${en}`, ar, en };
}

export const errors = {
  empty: () => queryError('empty', 'اكتب كلمة أو عبارة للبحث عنها.', 'Type a word or a phrase to search for.'),
  tooLong: () =>
    queryError(
      'too_long',
      `نص البحث أطول من ${MAX_QUERY_CHARS} حرف؛ اختصره إلى الكلمات المهمة.`,
      `The query is longer than ${MAX_QUERY_CHARS} characters; shorten it to the words that matter.`,
    ),
  tooManyTerms: () =>
    queryError(
      'too_many_terms',
      `في البحث أكثر من ${MAX_TERMS} كلمة أو شرطًا؛ احذف بعضها.`,
      `The query has more than ${MAX_TERMS} words or filters; remove some.`,
    ),
  phraseTooLong: () =>
    queryError(
      'phrase_too_long',
      `العبارة بين علامتي التنصيص أطول من ${MAX_PHRASE_WORDS} كلمة؛ اختصرها.`,
      `A quoted phrase is longer than ${MAX_PHRASE_WORDS} words; shorten it.`,
    ),
  onlyExclusions: () =>
    queryError(
      'only_exclusions',
      'أضف كلمة تبحث عنها: لا يكفي الاستبعاد (-كلمة) وحده.',
      'Add a word to search for: exclusions (-word) alone cannot make a search.',
    ),
  badDate: (value: string) =>
    queryError(
      'bad_date',
      `لم نفهم التاريخ «${value}»؛ اكتبه هكذا: ${DATE_EXAMPLES_AR}.`,
      `Could not read the date "${value}"; write it like ${DATE_EXAMPLES_EN}.`,
    ),
  dateRangeInverted: () =>
    queryError(
      'date_range_inverted',
      'تاريخ البداية (from:) يقع بعد تاريخ النهاية (to:)؛ بدّل بينهما.',
      'The from: date is after the to: date; swap them.',
    ),
  unreadable: () =>
    queryError('unreadable', 'تعذّر فهم نص البحث؛ أعد صياغته بكلمات أبسط.', 'The query could not be read; rephrase it in simpler words.'),
};

function notice(code: string, ar: string, en: string): QueryNotice {
  return { code, ar, en };
}

export const notices = {
  unclosedQuote: () => notice('unclosed_quote', 'أُغلقت علامة تنصيص مفتوحة في آخر البحث.', 'An open quote was closed at the end of the query.'),
  danglingOperator: (op: string) =>
    notice('dangling_operator', `أُهمل «${op}» لأنه ليس بين كلمتين.`, `"${op}" was ignored: it is not between two words.`),
  emptyFilter: (key: string) =>
    notice('empty_filter', `أُهمل «${key}:» لأنه بلا قيمة.`, `"${key}:" was ignored: it has no value.`),
  ignoredSymbols: () =>
    notice('ignored_symbols', 'أُهملت رموز لا يُبحث بها (مثل * و^ والرموز التعبيرية).', 'Symbols that cannot be searched (such as * ^ and emoji) were ignored.'),
  repeatedDate: (key: string) =>
    notice('repeated_date', `تكرر «${key}:»؛ أُخذ بآخر قيمة.`, `"${key}:" was given twice; the last value was used.`),
  negatedDate: (key: string) =>
    notice('negated_date', `أُهمل «-${key}:»؛ استخدم from: وto: لتحديد الفترة.`, `"-${key}:" was ignored; use from: and to: to set the period.`),
};
