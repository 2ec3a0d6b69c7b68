// Asian states outside the Arab League (Turkey, Iran and Israel included), with their dependencies.
import { nisba, type CountryRow } from './build.ts';

export const ASIA_COUNTRIES: readonly CountryRow[] = [
  { code: 'AF', name: 'أفغانستان', adjectives: [...nisba('أفغاني'), 'أفغان'], capital: ['kabul', 'كابل'] },
  { code: 'BD', name: 'بنغلاديش', variants: ['بنجلاديش', 'بنغلادش'], adjectives: nisba('بنغلاديشي'), capital: ['dhaka', 'دكا', 'داكا'] },
  { code: 'BN', name: 'بروناي', capital: ['bandar-seri-begawan', 'بندر سري بكاوان'] },
  { code: 'BT', name: 'بوتان', capital: ['thimphu', 'تيمفو'] },
  { code: 'CN', name: 'الصين', variants: ['جمهورية الصين الشعبية'], adjectives: nisba('صيني'), capital: ['beijing', 'بكين'] },
  { code: 'ID', name: 'إندونيسيا', adjectives: nisba('إندونيسي'), capital: ['jakarta', 'جاكرتا'] },
  // دولة الاحتلال and الكيان الصهيوني are how several Arab outlets name Israel; tagging them as
  // the state merges them into one neutral tag. Bare الاحتلال ("the occupation") is too general.
  // No capital entry: Jerusalem's status is disputed; it and Tel Aviv are in places.ts, unparented.
  {
    code: 'IL',
    name: 'إسرائيل',
    variants: ['دولة إسرائيل', 'دولة الاحتلال', 'دولة الاحتلال الإسرائيلي', 'الكيان الصهيوني', 'الكيان الإسرائيلي'],
    adjectives: nisba('إسرائيلي'),
  },
  { code: 'IN', name: 'الهند', adjectives: [...nisba('هندي'), 'هنود'], capital: ['new-delhi', 'نيودلهي', 'نيو دلهي'] },
  {
    code: 'IR',
    name: 'إيران',
    variants: ['الجمهورية الإسلامية الإيرانية', 'الجمهورية الإسلامية في إيران'],
    adjectives: nisba('إيراني'),
    capital: ['tehran', 'طهران'],
  },
  { code: 'JP', name: 'اليابان', adjectives: nisba('ياباني'), capital: ['tokyo', 'طوكيو'] },
  { code: 'KG', name: 'قيرغيزستان', variants: ['قرغيزستان'], adjectives: nisba('قيرغيزي'), capital: ['bishkek', 'بشكيك'] },
  { code: 'KH', name: 'كمبوديا', adjectives: nisba('كمبودي'), capital: ['phnom-penh', 'بنوم بنه'] },
  // Bare كوري could be either Korea, so only the two-word adjectives are listed.
  {
    code: 'KP',
    name: 'كوريا الشمالية',
    variants: ['جمهورية كوريا الشعبية الديمقراطية', 'كوريا الديمقراطية'],
    adjectives: nisba('كوري شمالي'),
    capital: ['pyongyang', 'بيونغ يانغ', 'بيونغيانغ'],
  },
  { code: 'KR', name: 'كوريا الجنوبية', variants: ['جمهورية كوريا'], adjectives: nisba('كوري جنوبي'), capital: ['seoul', 'سيول'] },
  { code: 'KZ', name: 'كازاخستان', adjectives: nisba('كازاخستاني', 'كازاخي'), capital: ['astana', 'أستانا'] },
  { code: 'LA', name: 'لاوس', capital: ['vientiane', 'فيينتيان'] },
  { code: 'LK', name: 'سريلانكا', variants: ['سري لانكا'], adjectives: nisba('سريلانكي'), capital: ['colombo', 'كولومبو'] },
  // CLDR prints "ميانمار (بورما)"; the two names are listed apart.
  { code: 'MM', name: 'ميانمار', variants: ['بورما'], capital: ['naypyidaw', 'نايبيداو', 'نايبيتاو'] },
  { code: 'MN', name: 'منغوليا', adjectives: nisba('منغولي'), capital: ['ulaanbaatar', 'أولان باتور'] },
  // No capital entry: Malé is ماليه, which normalizes to مالية ("financial", وزارة المالية).
  { code: 'MV', name: 'جزر المالديف', variants: ['المالديف'] },
  { code: 'MY', name: 'ماليزيا', adjectives: nisba('ماليزي'), capital: ['kuala-lumpur', 'كوالالمبور', 'كوالا لمبور'] },
  { code: 'NP', name: 'نيبال', adjectives: nisba('نيبالي'), capital: ['kathmandu', 'كاتماندو'] },
  { code: 'PH', name: 'الفلبين', variants: ['الفليبين'], adjectives: nisba('فلبيني'), capital: ['manila', 'مانيلا'] },
  { code: 'PK', name: 'باكستان', adjectives: nisba('باكستاني'), capital: ['islamabad', 'إسلام آباد', 'إسلام أباد'] },
  { code: 'SG', name: 'سنغافورة', adjectives: nisba('سنغافوري') },
  { code: 'TH', name: 'تايلاند', adjectives: nisba('تايلاندي'), capital: ['bangkok', 'بانكوك'] },
  { code: 'TJ', name: 'طاجيكستان', adjectives: nisba('طاجيكي'), capital: ['dushanbe', 'دوشنبه'] },
  // CLDR prints "تيمور - ليشتي"; the press writes تيمور الشرقية.
  { code: 'TL', name: 'تيمور الشرقية', variants: ['تيمور ليشتي'], capital: ['dili', 'ديلي'] },
  // No تركماني: in Arabic news it mostly means Iraq's Turkmen, not Turkmenistan.
  { code: 'TM', name: 'تركمانستان', capital: ['ashgabat', 'عشق آباد', 'عشق أباد'] },
  { code: 'TR', name: 'تركيا', variants: ['الجمهورية التركية'], adjectives: [...nisba('تركي'), 'أتراك'], capital: ['ankara', 'أنقرة'] },
  { code: 'UZ', name: 'أوزبكستان', adjectives: nisba('أوزبكي'), capital: ['tashkent', 'طشقند'] },
  { code: 'VN', name: 'فيتنام', adjectives: nisba('فيتنامي'), capital: ['hanoi', 'هانوي'] },

  // Status disputed: recorded as a territory without a parent rather than taking a side.
  { code: 'TW', name: 'تايوان', subtype: 'territory', adjectives: nisba('تايواني') },
  // CLDR's long forms ("هونغ كونغ الصينية (منطقة إدارية خاصة)") are not what the press prints.
  { code: 'HK', name: 'هونغ كونغ', variants: ['هونج كونج'], subtype: 'territory', parent: 'CN' },
  { code: 'MO', name: 'ماكاو', variants: ['مكاو'], subtype: 'territory', parent: 'CN' },
  { code: 'IO', name: 'الإقليم البريطاني في المحيط الهندي', variants: ['أرخبيل تشاغوس', 'جزر تشاغوس'], subtype: 'territory', parent: 'GB' },
  { code: 'CC', name: 'جزر كوكوس', variants: ['جزر كوكوس كيلينغ'], subtype: 'territory', parent: 'AU' },
  { code: 'CX', name: 'جزيرة كريسماس', subtype: 'territory', parent: 'AU' },
];
