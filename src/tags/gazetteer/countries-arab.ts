// The 22 member states of the Arab League: the countries Marsad's readers read most about, so they
// carry the fullest variants (official long names as the state agencies print them) and adjectives.
import { nisba, type CountryRow } from './build.ts';

export const ARAB_COUNTRIES: readonly CountryRow[] = [
  { code: 'EG', name: 'مصر', variants: ['جمهورية مصر العربية'], adjectives: nisba('مصري'), capital: ['cairo', 'القاهرة'] },
  {
    code: 'SA',
    name: 'السعودية',
    variants: ['المملكة العربية السعودية', 'المملكة السعودية'],
    adjectives: nisba('سعودي'),
    capital: ['riyadh', 'الرياض'],
  },
  {
    code: 'AE',
    name: 'الإمارات',
    variants: ['الإمارات العربية المتحدة', 'دولة الإمارات', 'دولة الإمارات العربية المتحدة', 'الامارات'],
    adjectives: nisba('إماراتي'),
    capital: ['abu-dhabi', 'أبوظبي', 'أبو ظبي', 'ابوظبي'],
  },
  { code: 'QA', name: 'قطر', variants: ['دولة قطر'], adjectives: nisba('قطري'), capital: ['doha', 'الدوحة'] },
  // Kuwait City never gets the bare "الكويت": the press means the state by it.
  {
    code: 'KW',
    name: 'الكويت',
    variants: ['دولة الكويت'],
    adjectives: nisba('كويتي'),
    capital: ['kuwait-city', 'مدينة الكويت', 'الكويت العاصمة'],
  },
  { code: 'BH', name: 'البحرين', variants: ['مملكة البحرين'], adjectives: nisba('بحريني'), capital: ['manama', 'المنامة'] },
  // عُمان and عمّان (Amman) are the same letters once harakat go; see AMBIGUOUS.
  {
    code: 'OM',
    name: 'عُمان',
    variants: ['عمان', 'سلطنة عمان', 'سلطنة عُمان'],
    adjectives: nisba('عماني'),
    capital: ['muscat', 'مسقط'],
  },
  { code: 'YE', name: 'اليمن', variants: ['الجمهورية اليمنية'], adjectives: nisba('يمني'), capital: ['sanaa', 'صنعاء'] },
  { code: 'IQ', name: 'العراق', variants: ['جمهورية العراق'], adjectives: nisba('عراقي'), capital: ['baghdad', 'بغداد'] },
  {
    code: 'SY',
    name: 'سوريا',
    variants: ['سورية', 'الجمهورية العربية السورية'],
    adjectives: nisba('سوري'),
    capital: ['damascus', 'دمشق'],
  },
  { code: 'LB', name: 'لبنان', variants: ['الجمهورية اللبنانية'], adjectives: nisba('لبناني'), capital: ['beirut', 'بيروت'] },
  {
    code: 'JO',
    name: 'الأردن',
    variants: ['المملكة الأردنية الهاشمية', 'المملكة الأردنية'],
    adjectives: nisba('أردني'),
    capital: ['amman', 'عمّان', 'عمان'],
  },
  // CLDR's "الأراضي الفلسطينية" is kept as a variant; readers expect "فلسطين". No capital entry: the
  // declared capital (East Jerusalem) and the seat of government (Ramallah) are both in places.ts.
  {
    code: 'PS',
    name: 'فلسطين',
    variants: ['دولة فلسطين', 'الأراضي الفلسطينية', 'الأراضي الفلسطينية المحتلة'],
    adjectives: nisba('فلسطيني'),
  },
  { code: 'SD', name: 'السودان', variants: ['جمهورية السودان'], adjectives: nisba('سوداني'), capital: ['khartoum', 'الخرطوم'] },
  // Lebanon's Tripoli shares the bare name; see AMBIGUOUS.
  { code: 'LY', name: 'ليبيا', variants: ['دولة ليبيا'], adjectives: nisba('ليبي'), capital: ['tripoli', 'طرابلس', 'طرابلس الغرب'] },
  {
    code: 'TN',
    name: 'تونس',
    variants: ['الجمهورية التونسية'],
    adjectives: nisba('تونسي'),
    capital: ['tunis', 'تونس العاصمة'],
  },
  {
    code: 'DZ',
    name: 'الجزائر',
    variants: ['الجمهورية الجزائرية', 'الجمهورية الجزائرية الديمقراطية الشعبية'],
    adjectives: nisba('جزائري'),
    capital: ['algiers', 'الجزائر العاصمة'],
  },
  { code: 'MA', name: 'المغرب', variants: ['المملكة المغربية'], adjectives: nisba('مغربي'), capital: ['rabat', 'الرباط'] },
  {
    code: 'MR',
    name: 'موريتانيا',
    variants: ['الجمهورية الإسلامية الموريتانية'],
    adjectives: nisba('موريتاني'),
    capital: ['nouakchott', 'نواكشوط'],
  },
  {
    code: 'SO',
    name: 'الصومال',
    variants: ['جمهورية الصومال الفيدرالية', 'جمهورية الصومال'],
    adjectives: nisba('صومالي'),
    capital: ['mogadishu', 'مقديشو', 'مقديشيو'],
  },
  { code: 'DJ', name: 'جيبوتي', variants: ['جمهورية جيبوتي'], adjectives: nisba('جيبوتي'), capital: ['djibouti-city', 'مدينة جيبوتي'] },
  // No adjectives: the nisba قمري is also "lunar" (الشهر القمري), far more common in the press.
  { code: 'KM', name: 'جزر القمر', variants: ['القمر المتحدة', 'اتحاد جزر القمر'], capital: ['moroni', 'موروني'] },
];
