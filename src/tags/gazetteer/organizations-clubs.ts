// Football clubs of the Arab leagues, and the few foreign ones the sports pages follow. Club names
// are the hardest entries in the gazetteer: الأهلي is a club in Egypt, Saudi Arabia and Qatar, and
// الهلال، النصر، الاتحاد، الرجاء، المريخ are everyday words. Each club has its own id and country;
// bare names shared by clubs are in AMBIGUOUS, and those that are ordinary words in
// COMMON_WORD_VARIANTS, so the tagger needs sports context (نادي، فريق، الدوري، مباراة) first.
import { org } from './build.ts';
import type { GazetteerEntry } from './types.ts';

const club = (slug: string, name: string, code: string, variants: string[] = []) =>
  org(`club-${slug}`, name, 'football-club', `country:${code}`, variants);

export const CLUBS: readonly GazetteerEntry[] = [
  // Egypt
  club('ahly-eg', 'الأهلي', 'EG', ['النادي الأهلي', 'الأهلي المصري', 'النادي الأهلي المصري']),
  club('zamalek', 'الزمالك', 'EG', ['نادي الزمالك']),
  club('pyramids', 'بيراميدز', 'EG', ['نادي بيراميدز']),
  club('ismaily', 'الإسماعيلي', 'EG', ['النادي الإسماعيلي']),
  // Bare المصري is the adjective "Egyptian".
  club('al-masry', 'المصري البورسعيدي', 'EG', ['النادي المصري']),
  club('ittihad-alexandria', 'الاتحاد السكندري', 'EG'),
  // Saudi Arabia
  club('ahli-sa', 'الأهلي السعودي', 'SA', ['الأهلي', 'أهلي جدة', 'النادي الأهلي السعودي']),
  club('hilal-sa', 'الهلال السعودي', 'SA', ['الهلال', 'نادي الهلال']),
  club('nassr', 'النصر السعودي', 'SA', ['النصر', 'نادي النصر']),
  club('ittihad-sa', 'الاتحاد السعودي', 'SA', ['الاتحاد', 'نادي الاتحاد', 'اتحاد جدة']),
  club('shabab-sa', 'الشباب السعودي', 'SA', ['نادي الشباب']),
  club('ettifaq', 'الاتفاق السعودي', 'SA', ['نادي الاتفاق']),
  club('qadsiah-sa', 'القادسية السعودي', 'SA'),
  // Gulf. العين and الشارقة bare are the cities.
  club('ahli-qa', 'الأهلي القطري', 'QA', ['الأهلي']),
  club('sadd', 'السد القطري', 'QA', ['نادي السد']),
  club('duhail', 'الدحيل', 'QA', ['نادي الدحيل']),
  club('rayyan', 'الريان', 'QA', ['نادي الريان']),
  club('al-ain', 'نادي العين', 'AE', ['العين الإماراتي']),
  club('sharjah', 'نادي الشارقة', 'AE', ['الشارقة الإماراتي']),
  club('shabab-al-ahli', 'شباب الأهلي', 'AE', ['شباب الأهلي دبي']),
  club('qadsia-kw', 'القادسية الكويتي', 'KW'),
  club('kuwait-sc', 'نادي الكويت', 'KW'),
  // Levant and Iraq
  club('faisaly-jo', 'الفيصلي الأردني', 'JO', ['الفيصلي']),
  club('wehdat', 'نادي الوحدات', 'JO', ['الوحدات']),
  club('ahed', 'نادي العهد', 'LB', ['العهد اللبناني']),
  club('zawraa', 'الزوراء', 'IQ', ['نادي الزوراء']),
  club('air-force-iq', 'نادي القوة الجوية', 'IQ'),
  // Maghreb
  club('wydad', 'الوداد الرياضي', 'MA', ['الوداد', 'الوداد البيضاوي', 'نادي الوداد']),
  club('raja', 'الرجاء الرياضي', 'MA', ['الرجاء', 'الرجاء البيضاوي', 'نادي الرجاء']),
  club('far-rabat', 'الجيش الملكي', 'MA', ['نادي الجيش الملكي']),
  club('rs-berkane', 'نهضة بركان', 'MA'),
  club('esperance', 'الترجي الرياضي التونسي', 'TN', ['الترجي', 'الترجي التونسي']),
  club('etoile-sahel', 'النجم الساحلي', 'TN'),
  club('club-africain', 'النادي الأفريقي', 'TN', ['النادي الإفريقي']),
  club('cs-sfaxien', 'النادي الصفاقسي', 'TN', ['الصفاقسي']),
  club('mc-alger', 'مولودية الجزائر', 'DZ'),
  club('js-kabylie', 'شبيبة القبائل', 'DZ'),
  club('es-setif', 'وفاق سطيف', 'DZ'),
  club('cr-belouizdad', 'شباب بلوزداد', 'DZ'),
  club('usm-alger', 'اتحاد العاصمة', 'DZ'),
  club('ahly-tripoli', 'أهلي طرابلس', 'LY', ['الأهلي طرابلس']),
  club('ahly-benghazi', 'أهلي بنغازي', 'LY', ['الأهلي بنغازي']),
  // Sudan
  club('hilal-sd', 'الهلال السوداني', 'SD', ['الهلال', 'هلال أم درمان']),
  club('merrikh', 'المريخ السوداني', 'SD', ['المريخ']),
  // Europe and beyond. Bare برشلونة and ليفربول are left to the clubs: the sports pages name
  // them far more often than the cities, which are not in the gazetteer.
  club('real-madrid', 'ريال مدريد', 'ES'),
  club('barcelona', 'برشلونة', 'ES', ['نادي برشلونة']),
  club('man-city', 'مانشستر سيتي', 'GB'),
  club('man-united', 'مانشستر يونايتد', 'GB'),
  club('liverpool', 'ليفربول', 'GB'),
  club('arsenal', 'أرسنال', 'GB', ['آرسنال']),
  club('chelsea', 'تشيلسي', 'GB'),
  club('psg', 'باريس سان جيرمان', 'FR'),
  club('bayern', 'بايرن ميونخ', 'DE', ['بايرن ميونيخ']),
  club('juventus', 'يوفنتوس', 'IT'),
  club('inter-miami', 'إنتر ميامي', 'US'),
];
