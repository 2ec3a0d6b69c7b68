// A small newsroom for the search conformance cases: realistic Arabic articles, each there to prove
// something about spelling, clitics, harakat, digits, phrases or filters. Written for Marsad.
import type { ArticleTag, NewArticle } from '../model/index.ts';
import type { Store } from './store.ts';

export interface SearchFixture {
  key: string;
  source: string;
  /** Day of November 2026, published at 09:00 UTC (noon in Riyadh); null: undated. */
  day: number | null;
  title: string;
  text: string;
  tags: Array<[key: string, name: string]>;
}

export const SEARCH_SOURCES: Record<string, string> = {
  'الجزيرة': 'https://www.aljazeera.net/rss',
  'الشرق الأوسط': 'https://aawsat.com/feed',
  'اليوم السابع': 'https://www.youm7.com/rss',
  'هسبريس': 'https://www.hespress.com/feed',
  'سبق': 'https://sabq.org/rss',
};

const EG: [string, string] = ['country:EG', 'مصر'];
const QA: [string, string] = ['country:QA', 'قطر'];
const RU: [string, string] = ['country:RU', 'روسيا'];
const SA: [string, string] = ['country:SA', 'السعودية'];
const MA: [string, string] = ['country:MA', 'المغرب'];
const GAZA: [string, string] = ['place:gaza', 'غزة'];
const JO: [string, string] = ['country:JO', 'الأردن'];

export const SEARCH_FIXTURES: SearchFixture[] = [
  { key: 'talks-geneva', source: 'الجزيرة', day: 10, title: 'انطلاق المفاوضات في جنيف بين الوفدين', text: 'بدأت في جنيف جولة جديدة بين الوفدين، وقال الوسيط الأممي إن والمفاوضات ستستمر حتى نهاية الأسبوع.', tags: [['city:geneva', 'جنيف']] },
  { key: 'egypt-welcomes', source: 'اليوم السابع', day: 11, title: 'مصر ترحب بالمفاوضات الجارية في الدوحة', text: 'رحبت وزارة الخارجية المصرية بالمفاوضات الجارية في الدوحة، وأكدت دعمها لجهود الوساطة القطرية.', tags: [EG, QA] },
  { key: 'russian-ministry', source: 'الشرق الأوسط', day: 12, title: 'الخارجية الروسية: موسكو تتابع الوضع في قره باغ', text: 'قالت وزارة الخارجية الروسية إن موسكو تتابع عن كثب التطورات في إقليم قره باغ، ودعت باكو ويريفان إلى ضبط النفس.', tags: [RU, ['country:AZ', 'أذربيجان']] },
  { key: 'russian-plane', source: 'هسبريس', day: 13, title: 'هبوط اضطراري لطائرة روسية في الدار البيضاء', text: 'هبطت طائرة ركاب روسية اضطراريًا صباح اليوم في مطار محمد الخامس بعد عطل فني، دون إصابات.', tags: [MA, RU] },
  { key: 'israel-ceasefire', source: 'الجزيرة', day: 14, title: 'إسرائيل تعلن وقف إطلاق النار في غزة', text: 'أعلنت إسرائيل وقف إطلاق النار في قطاع غزة ابتداءً من منتصف الليل، بعد وساطة مصرية وقطرية.', tags: [['country:IL', 'إسرائيل'], GAZA, EG] },
  { key: 'shifa-hospital', source: 'الجزيرة', day: 15, title: 'مستشفى الشفاء يستقبل عشرات الجرحى', text: 'استقبل مستشفى الشفاء في غزة عشرات الجرحى، وقال مديره إن الأدوية توشك على النفاد.', tags: [GAZA] },
  { key: 'vocalized-summit', source: 'الشرق الأوسط', day: 16, title: 'القِمَّةُ العَرَبِيَّةُ تَبْحَثُ أَزْمَةَ المِيَاهِ', text: 'أَعْلَنَتِ الأَطْرَافُ عَنْ مُفَاوَضَاتٍ جَدِيدَةٍ حَوْلَ تَقَاسُمِ مِيَاهِ النِّيلِ.', tags: [EG] },
  { key: 'trade-2026', source: 'سبق', day: 17, title: 'توقيع الاتفاقية التجارية بين السعودية والإمارات', text: 'وقع البلدان الاتفاقية التجارية عام 2026 في الرياض، وتشمل إلغاء الرسوم على 300 سلعة.', tags: [SA, ['country:AE', 'الإمارات']] },
  { key: 'budget', source: 'اليوم السابع', day: 18, title: 'البرلمان يقر الموازنة العامة', text: 'أقر مجلس النواب الموازنة العامة لعام ٢٠٢٦ بعد نقاش استمر ثلاثة أيام.', tags: [EG] },
  { key: 'escalation', source: 'هسبريس', day: 19, title: 'تصعيد جديد على الحدود', text: 'اشتعلت النار في الأحراش بعد إطلاق صواريخ، ثم طالب الوسطاء بوقف التصعيد.', tags: [] },
  { key: 'iphone', source: 'سبق', day: 20, title: 'إطلاق iPhone 15 في دبي', text: 'بدأ بيع الهاتف الجديد في متاجر دبي وسط إقبال كبير من الشباب.', tags: [['city:dubai', 'دبي']] },
  { key: 'egypt-team', source: 'اليوم السابع', day: 21, title: 'منتخب مصر يتأهل إلى كأس العالم', text: 'تأهل منتخب مصر لكرة القدم إلى نهائيات كأس العالم بعد فوزه على نظيره الغاني.', tags: [EG] },
  { key: 'riyadh-summit', source: 'سبق', day: 22, title: 'الرياض تستضيف القمة الخليجية', text: 'تستضيف الرياض القمة الخليجية الشهر المقبل بمشاركة قادة دول مجلس التعاون.', tags: [SA] },
  { key: 'aswan-hospital', source: 'اليوم السابع', day: 23, title: 'افتتاح مستشفي جديد في أسوان', text: 'افتتح وزير الصحة مستشفي أسوان الجامعي بسعة 200 سرير.', tags: [EG] },
  { key: 'iran-nuclear', source: 'الشرق الأوسط', day: 24, title: 'طهران تستأنف المحادثات النووية', text: 'أعلنت إيران استئناف المحادثات النووية مع القوى الكبرى في فيينا الأسبوع المقبل.', tags: [['country:IR', 'إيران']] },
  { key: 'aramco', source: 'الشرق الأوسط', day: 25, title: 'أرامكو ترفع أسعار النفط لآسيا', text: 'رفعت أرامكو السعودية أسعار البيع الرسمية للخام العربي الخفيف المتجه إلى آسيا.', tags: [SA] },
  { key: 'morocco-elections', source: 'هسبريس', day: 26, title: 'الأحزاب المغربية تستعد للانتخابات التشريعية', text: 'تستعد الأحزاب للانتخابات التشريعية المقبلة وسط نقاش حول القوانين الانتخابية وحول تمويل الحملات المنظم قانونًا.', tags: [MA] },
  { key: 'lebanon-president', source: 'الجزيرة', day: 27, title: 'البرلمان اللبناني يفشل مجددًا في انتخاب رئيس', text: 'أخفق مجلس النواب اللبناني للمرة الثانية عشرة في انتخاب رئيس للجمهورية.', tags: [['country:LB', 'لبنان']] },
  { key: 'syrian-refugees', source: 'الشرق الأوسط', day: 28, title: 'عودة آلاف اللاجئين السوريين من الأردن', text: 'عاد آلاف اللاجئين السوريين عبر معبر جابر الحدودي خلال الأسبوع الماضي.', tags: [['country:SY', 'سوريا'], JO] },
  { key: 'covid', source: 'سبق', day: 20, title: 'الصحة: لا إصابات جديدة بكوفيد-19', text: 'أعلنت وزارة الصحة عدم تسجيل إصابات جديدة بفيروس كوفيد-19 لليوم الخامس على التوالي.', tags: [SA] },
  { key: 'gaza-aid', source: 'اليوم السابع', day: 22, title: 'دخول 120 شاحنة مساعدات إلى غزة', text: 'عبرت ١٢٠ شاحنة محملة بالمساعدات الإنسانية معبر رفح باتجاه قطاع غزة.', tags: [GAZA, EG] },
  { key: 'water-amman', source: 'الجزيرة', day: 24, title: 'مفاوضات الأمن المائي في عمّان', text: 'انطلقت في العاصمة الأردنية عمّان جولة للأمن المائي بمشاركة عربية واسعة.', tags: [JO, ['city:amman', 'عمّان']] },
  { key: 'hilal-league', source: 'سبق', day: 26, title: 'الهلال يتصدر الدوري السعودي', text: 'واصل الهلال صدارته للدوري بعد فوزه على النصر بهدفين نظيفين.', tags: [SA] },
  { key: 'marrakech-tourism', source: 'هسبريس', day: 18, title: 'ارتفاع عدد السياح الوافدين إلى مراكش', text: 'سجلت مدينة مراكش ارتفاعًا في عدد السياح الوافدين بنسبة 12 في المئة خلال الشهر الماضي.', tags: [MA] },
  { key: 'jeddah-rain', source: 'سبق', day: null, title: 'أمطار غزيرة على جدة', text: 'هطلت أمطار غزيرة على جدة، وأعلن الدفاع المدني رفع درجة الاستعداد.', tags: [SA] },
];

/** "Now" for the cases: the day after the newest fixture. */
export const SEARCH_NOW = new Date('2026-11-29T09:00:00Z');

/** Insert the fixtures through the store (and tag them); returns fixture key → article id. */
export async function loadSearchFixtures(store: Store, fixtures = SEARCH_FIXTURES): Promise<Map<string, number>> {
  const sources = new Map<string, number>();
  for (const [name, url] of Object.entries(SEARCH_SOURCES)) sources.set(name, (await store.addSource({ name, url })).source.id);
  const ids = new Map<string, number>();
  const articles: NewArticle[] = fixtures.map((f) => ({
    external_id: f.key,
    url: `https://news.example/${f.key}`,
    source_id: sources.get(f.source)!,
    title: f.title,
    lead: null,
    body: `<p>${f.text}</p>`,
    text: f.text,
    published_at: f.day === null ? null : `2026-11-${String(f.day).padStart(2, '0')}T09:00:00.000Z`,
    published_offset: f.day === null ? null : 180,
    updated_at: null,
    fetched_at: f.day === null ? '2026-11-28T20:00:00.000Z' : `2026-11-${String(f.day).padStart(2, '0')}T09:05:00.000Z`,
    authors: [],
    image: null,
    lang: 'ar',
  }));
  const results = await store.insertArticles(articles);
  for (const [i, f] of fixtures.entries()) {
    const id = results[i]!.id;
    ids.set(f.key, id);
    const tags: ArticleTag[] = f.tags.map(([key, name], rank) => ({ key, name, type: key.startsWith('city:') || key.startsWith('place:') || key.startsWith('country:') ? 'place' : 'other', weight: 1 / (rank + 1) }));
    await store.setArticleTags(id, tags, 1);
  }
  return ids;
}

/**
 * `count` reports about water in the dams over two months, 36 minutes apart and oldest first (as a
 * crawler stores them), some saying it more often, in longer or shorter texts: more matches for one
 * broad word than a ranking window holds.
 */
export function waterReports(count: number): NewArticle[] {
  const filler = 'وقال المسؤول إن الحكومة تتابع الوضع عن كثب وتعمل مع الجهات المعنية';
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2026, 8, 20) + i * 36 * 60_000).toISOString();
    const title = i % 7 === 0 ? `أزمة المياه في المحافظة ${i}` : `تقرير رقم ${i} عن الطقس`;
    const text = `${'تراجعت كميات المياه في السدود. '.repeat(1 + (i % 4))}${`${filler}. `.repeat(i % 9)}`;
    return {
      external_id: null, url: `https://www.alrai.com/water/${i}`, source_id: null, title, lead: null, body: `<p>${text}</p>`, text,
      published_at: at, published_offset: 180, updated_at: null, fetched_at: at, authors: [], image: null, lang: 'ar',
    };
  });
}
