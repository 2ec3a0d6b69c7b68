/**
 * Word lists and thresholds for Arabic news boilerplate. Phrases are written as pages print them and
 * compared through `comparisonKey`, so "اقرأ أيضاً", "إقرأ أيضا" and "اقرا ايضا" are one entry.
 */
import { comparisonKey } from './text.ts';

function keys(phrases: string[]): string[] {
  return [...new Set(phrases.map(comparisonKey).filter((k) => k !== ''))];
}

/**
 * "Read also" labels. They open a list of links to other articles; the label and the list after it go,
 * wherever they sit: mid-body "اقرأ أيضاً" boxes are how unrelated items get glued into one text.
 * These words never open a sentence of reporting, so a short block starting with them is a marker.
 */
export const READ_ALSO_MARKERS = keys([
  'اقرأ أيضا', 'اقرأ كذلك', 'اقرأ المزيد', 'طالع أيضا', 'طالع كذلك', 'شاهد أيضا', 'شاهد كذلك',
  'شاهد المزيد', 'ننصحك بقراءة', 'Read also', 'Read more', 'See also',
]);

/**
 * Section labels (related, most read, tags, comments). Words like "التعليقات" can open a sentence, so
 * these count only as a label: alone, followed by ":" or a count, or heading a block of links.
 */
export const SECTION_MARKERS = keys([
  'مواضيع ذات صلة', 'أخبار ذات صلة', 'مقالات ذات صلة', 'موضوعات ذات صلة', 'روابط ذات صلة', 'ذات صلة',
  'أخبار متعلقة', 'مواضيع متعلقة', 'مقالات متعلقة', 'الأكثر قراءة', 'الأكثر مشاهدة', 'الأكثر تداولا',
  'الأكثر تعليقا', 'الأكثر شعبية', 'الأكثر قراءه', 'اخترنا لك', 'اخترنا لكم', 'قد يهمك', 'قد يعجبك',
  'مواضيع ساخنة', 'مواضيع ساخنة أخرى', 'آخر الأخبار', 'أحدث الأخبار', 'أخبار أخرى', 'عناوين أخرى', 'المزيد من الأخبار',
  'المزيد من', 'كلمات دلالية', 'الكلمات الدلالية', 'كلمات مفتاحية', 'الكلمات المفتاحية', 'الوسوم',
  'وسوم', 'الكلمات الدالة', 'التعليقات', 'أضف تعليق', 'إضافة تعليق', 'اترك تعليقا', 'تعليقات القراء',
  'اكتب تعليقك', 'Related', 'More from', 'Most read', 'Tags', 'Comments',
]);

/**
 * A section label may carry a word or two more than the list ("مواضيع ساخنة أخرى", "التعليقات الأخيرة")
 * when the whole label stays this short; a sentence does not.
 */
export const LABEL_EXTRA_WORDS = 2;
export const LABEL_MAX_CHARS = 40;

/**
 * A marker block is short: the label alone, or "اقرأ أيضاً: <headline>". A longer block that starts
 * with the same words is a sentence of the article.
 */
export const MARKER_BLOCK_MAX_CHARS = 200;

/**
 * After a marker, siblings go while they look like link lists. A sibling with this much text outside
 * links, at a link density under LINK_LIST_DENSITY, is article text again and stops the removal.
 */
export const ARTICLE_TEXT_MIN_CHARS = 60;
export const LINK_LIST_DENSITY = 0.5;

/**
 * After a marker, a paragraph is a teaser excerpt (not article text) when at least this share of the
 * last linked headline's words recur in it, and more than the page headline's do.
 */
export const TEASER_HEADLINE_OVERLAP = 0.5;

/**
 * From a marker, climb to the enclosing box ("related" div, aside) while the box adds no more than
 * this much non-link text: teaser boxes hold headlines and a line of excerpt, articles hold paragraphs.
 */
export const RELATED_BOX_MAX_NONLINK_CHARS = 160;

/**
 * Phrases that make a short block a call to follow, subscribe or install, or a copyright line. Matched
 * as substrings, so they are specific enough not to occur in reporting.
 */
export const LINE_PHRASES = keys([
  'تابعونا على', 'تابعونا عبر', 'تابعنا على', 'تابعنا عبر', 'تابعوا آخر الأخبار', 'تابعوا أخبار',
  'تابعوا آخر', 'تابعوا قناة', 'تابعوا صفحة', 'تابعوا حساب', 'لمتابعة آخر الأخبار', 'لمتابعة أهم الأخبار',
  'حمل تطبيق', 'حمّل تطبيق', 'عبر تطبيق', 'عبر غوغل نيوز', 'عبر جوجل نيوز', 'على غوغل نيوز',
  'على جوجل نيوز', 'عبر Google News', 'على Google News', 'قناتنا على', 'اشترك في قناة', 'اشترك في النشرة', 'للاشتراك في',
  'اشترك الآن', 'النشرة البريدية', 'النشرة الإخبارية', 'سجل بريدك', 'أدخل بريدك', 'جميع الحقوق محفوظة',
  'كل الحقوق محفوظة', 'كافة الحقوق محفوظة', 'جميع حقوق النشر', 'حقوق النشر محفوظة', 'يمنع نسخ',
  'لا يجوز نسخ', 'يحظر نسخ', 'يرجى ذكر المصدر', 'All rights reserved', 'الآراء الواردة في التعليقات',
  'إضافة تعليق جديد', 'مشاهدات عالية', 'وقت القراءة', 'دقائق للقراءة', 'دقيقة للقراءة', 'مدة القراءة',
  'حمل الآن', 'للهواتف المحمولة', 'للهواتف الذكية', 'للاطلاع على آخر الأخبار',
]);
/** Those phrases only condemn a short block; a long one merely quotes them. */
export const LINE_MAX_CHARS = 250;

/**
 * Words that, alone, make up share and follow widgets ("شارك: فيسبوك تويتر واتساب"). A block made only
 * of these words is a widget, whatever its markup.
 */
export const SHARE_WORDS = new Set(
  keys([
    'شارك', 'شاركها', 'شارك الخبر', 'شارك المقال', 'مشاركة', 'المشاركة', 'انشر', 'طباعة', 'اطبع',
    'أرسل', 'لصديق', 'فيسبوك', 'فيس', 'بوك', 'تويتر', 'إكس', 'واتساب', 'واتس', 'آب', 'اب', 'تلغرام',
    'تليجرام', 'تيليجرام', 'تيليغرام', 'لينكدإن', 'لينكد', 'إن', 'انستغرام', 'انستجرام', 'إنستغرام',
    'يوتيوب', 'ماسنجر', 'بريد', 'البريد', 'الإلكتروني', 'نسخ', 'الرابط', 'تم', 'تابعنا', 'تابعونا',
    'على', 'عبر', 'حفظ', 'facebook', 'twitter', 'whatsapp', 'telegram', 'linkedin', 'email', 'mail',
    'print', 'share', 'messenger', 'pinterest', 'reddit', 'instagram', 'youtube', 'tiktok', 'تيك', 'توك',
    'rss',
  ]).flatMap((k) => k.split(' ')),
);
/** A widget made of share words is short; a sentence that happens to use them is not. */
export const SHARE_BLOCK_MAX_WORDS = 14;

/**
 * class/id tokens of widgets that are never article text. Matched per token with `-`/`_` boundaries,
 * so "article-tags" and "share_box" match but "stage" and "shared-content-body" do not.
 */
export const WIDGET_CLASS =
  /(?:^|[-_])(share|sharing|social|sociable|addthis|sharethis|follow|newsletter|subscribe|subscription|comments?|disqus|related|read-?also|readmore|more-?news|most-?read|most-?viewed|popular|trending|prev|previous|prev-?next|next-?prev|pagination|pager|tags?|taglist|keywords|breadcrumbs?|print|whatsapp|telegram|outbrain|taboola|mgid|advert|advertisement|ads?|sponsor(?:ed)?|promo|banner|cookie|modal|popup|rating|author-?box)(?:$|[-_])/;
/**
 * An element holding this share of the page's text is the article whatever its class says
 * ("post-share-wrapper" around the whole story exists).
 */
export const PROTECT_TEXT_SHARE = 0.4;

/**
 * A date line ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً") is short and, numbers aside, a
 * handful of words. Without a clock time the bar is lower: "في 9 نوفمبر 2020 وقع الاتفاق" is prose.
 */
export const DATE_LINE_MAX_CHARS = 90;
export const DATE_LINE_MAX_WORDS = 7;
export const DATE_LINE_MAX_WORDS_WITHOUT_TIME = 3;
/** Date and meta lines sit at the edges of the body: only this many blocks at each end are checked. */
export const EDGE_BLOCKS = 3;

/**
 * A short block that is all links at an edge of the text is navigation (a layout table's section
 * cell, "previous | next"), not a sentence: a sentence that cites a source has words outside the link.
 */
export const EDGE_LINKS_MAX_CHARS = 100;
export const EDGE_LINKS_DENSITY = 0.9;
