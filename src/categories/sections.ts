// The section an article belongs to (سياسة، اقتصاد، رياضة…), read from what its outlet says: the
// page's own section (article:section, JSON-LD articleSection), the feed item's categories, then the
// address (/sport/, /اقتصاد/). Outlets name their sections in many ways ("الرياضة", "رياضة محلية",
// "Sports", "فن وثقافة", "مال وأعمال"); we fold them onto one short list so the site can offer one
// "economy" page across every outlet. A name we do not know gives no section: a wrong one would put an
// article where readers will not look for it, and the tags still find it.
import { normalizeArabic } from '../arabic/index.ts';

export interface Section {
  key: string;
  /** How the site names it. */
  name: string;
}

/** Each section with the names outlets give it (any hamza, taa marbuta or case: they are normalized). */
const TABLE: Array<Section & { names: string[]; slugs: string[] }> = [
  { key: 'politics', name: 'سياسة', names: ['سياسة', 'سياسي', 'سياسية', 'اخبار سياسية', 'شؤون سياسية'], slugs: ['politics', 'political', 'siyasa'] },
  {
    key: 'economy', name: 'اقتصاد',
    names: ['اقتصاد', 'اقتصادي', 'اقتصادية', 'مال', 'مال واعمال', 'اعمال', 'بورصة', 'اسواق', 'بنوك', 'طاقة', 'عقارات', 'اقتصاد واعمال'],
    slugs: ['economy', 'economic', 'business', 'finance', 'markets', 'money', 'iqtisad'],
  },
  { key: 'sports', name: 'رياضة', names: ['رياضة', 'رياضي', 'رياضية', 'كرة قدم', 'كرة القدم', 'ملاعب', 'رياضة محلية', 'رياضة عالمية'], slugs: ['sport', 'sports', 'football', 'riyada'] },
  { key: 'local', name: 'محليات', names: ['محليات', 'محلي', 'محلية', 'اخبار محلية', 'وطني', 'وطنية', 'شؤون محلية', 'مجتمع'], slugs: ['local', 'national', 'society'] },
  {
    key: 'world', name: 'عربي ودولي',
    names: ['عربي ودولي', 'عربي', 'عربية', 'عرب', 'دولي', 'دولية', 'عالم', 'العالم', 'شؤون دولية', 'اخبار العالم', 'الشرق الاوسط', 'عربي وعالمي', 'عالمي'],
    slugs: ['world', 'international', 'arab', 'middle-east', 'mideast', 'region'],
  },
  { key: 'culture', name: 'ثقافة وفن', names: ['ثقافة', 'ثقافي', 'ثقافية', 'فن', 'فنون', 'فن وثقافة', 'ثقافة وفن', 'ثقافة وفنون', 'ادب', 'كتب', 'سينما'], slugs: ['culture', 'arts', 'art', 'entertainment', 'thaqafa'] },
  { key: 'technology', name: 'علوم وتكنولوجيا', names: ['تكنولوجيا', 'تقنية', 'تقنيات', 'علوم', 'علوم وتكنولوجيا', 'علوم وتقنية', 'تكنولوجيا المعلومات'], slugs: ['technology', 'tech', 'science', 'sciences'] },
  { key: 'health', name: 'صحة', names: ['صحة', 'صحي', 'صحية', 'طب', 'طبية', 'صحة وطب', 'طب وصحة'], slugs: ['health', 'medicine', 'sehha'] },
  { key: 'opinion', name: 'رأي', names: ['رأي', 'راي', 'اراء', 'مقالات', 'مقال', 'كتاب', 'اعمدة', 'مقالات الرأي', 'وجهات نظر'], slugs: ['opinion', 'opinions', 'columns', 'editorial', 'articles-opinion'] },
  { key: 'incidents', name: 'حوادث', names: ['حوادث', 'حوادث وقضايا', 'قضايا', 'جريمة', 'جرائم'], slugs: ['accidents', 'crime', 'incidents'] },
  { key: 'misc', name: 'منوعات', names: ['منوعات', 'متفرقات', 'منوع', 'لايف ستايل', 'غرائب'], slugs: ['misc', 'variety', 'lifestyle', 'offbeat'] },
];

/** Every section, in the order the site lists them. */
export const SECTIONS: readonly Section[] = TABLE.map(({ key, name }) => ({ key, name }));

const BY_KEY = new Map(SECTIONS.map((s) => [s.key, s]));

/** The matching form of a section name: normalized, each word without its article (ال). */
function fold(name: string): string {
  return normalizeArabic(name)
    // "مال و أعمال" is "مال وأعمال": the conjunction belongs to the next word.
    .replace(/(^|\s)و\s+/g, '$1و')
    .split(/[\s\-_]+/)
    .map((w) => (w.length >= 4 && w.startsWith('ال') ? w.slice(2) : w))
    .filter(Boolean)
    .join(' ');
}

const BY_NAME = new Map<string, string>();
const BY_SLUG = new Map<string, string>();
for (const s of TABLE) {
  for (const n of [s.name, ...s.names, ...s.slugs]) BY_NAME.set(fold(n), s.key);
  for (const slug of [...s.slugs, ...s.names.map((n) => n.replace(/\s+/g, '-'))]) BY_SLUG.set(fold(slug), s.key);
}

export function sectionByKey(key: string): Section | null {
  return BY_KEY.get(key) ?? null;
}

/**
 * The section a label names, or null. A label may be a path of names ("أخبار › رياضة", "News/Sports"):
 * the last part that names a section decides, as the most specific.
 */
export function sectionOfLabel(label: string): string | null {
  if (!label || label.length > 100) return null;
  const whole = BY_NAME.get(fold(label));
  if (whole) return whole;
  const parts = label.split(/\s*[/|›»>،,:؛]\s*|\s+-\s+/).filter(Boolean);
  for (let i = parts.length - 1; i >= 0 && parts.length > 1; i--) {
    const hit = BY_NAME.get(fold(parts[i]!));
    if (hit) return hit;
  }
  return null;
}

/** The section an address's folders name (`/sport/2026/…`, `/ar/اقتصاد/…`), or null; the article's own slug never counts. */
export function sectionOfUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const folders = path.split('/').filter(Boolean).slice(0, -1);
  for (const raw of folders) {
    let folder = raw;
    try {
      folder = decodeURIComponent(raw);
    } catch {
      // A broken escape is just not a section name.
    }
    const hit = BY_SLUG.get(fold(folder));
    if (hit) return hit;
  }
  return null;
}

/**
 * An article's section from what its outlet says about it, most specific first: the page's own
 * section names, then the feed's categories (the first that is a section: feeds mix sections and
 * keywords), then the address.
 */
export function sectionOf(signals: { page?: readonly (string | null | undefined)[]; feed?: readonly string[]; url?: string | null }): string | null {
  for (const label of [...(signals.page ?? []), ...(signals.feed ?? [])]) {
    const hit = label ? sectionOfLabel(label) : null;
    if (hit) return hit;
  }
  return signals.url ? sectionOfUrl(signals.url) : null;
}
