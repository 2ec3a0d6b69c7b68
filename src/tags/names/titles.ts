// Words that announce a name: titles and roles before a person (الرئيس، وزير الخارجية، الشيخ),
// heads before an organization (شركة، حزب، جامعة) or a place (مدينة، محافظة), and the verbs of
// reported speech (قال X إن). Masculine forms; feminines are derived where the rule is regular.

/**
 * Titles and roles printed before a person's name. Used with the article (الرئيس X) they take the
 * name directly or after adjectives (الرئيس الروسي فلاديمير بوتين); without it (وزير، رئيس) they
 * are the first half of a construct and need a complement before the name (وزير الخارجية X,
 * رئيس وزراء إسرائيل X). The feminine in ة is added for each.
 */
export const PERSON_TITLES = [
  'رئيس', 'وزير', 'ملك', 'أمير', 'ولي', 'شيخ', 'سيد', 'دكتور', 'لواء', 'عميد', 'عقيد', 'مستشار',
  'نائب', 'سفير', 'متحدث', 'ناطق', 'مدير', 'أمين', 'مبعوث', 'مراسل', 'كاتب', 'لاعب', 'مدرب', 'نجم',
  'قائد', 'زعيم', 'عاهل', 'إمام', 'مرشد', 'محامي', 'محامي', 'قاضي', 'جنرال', 'مشير', 'رائد', 'نقيب',
  'مقدم', 'أدميرال', 'بابا', 'مطران', 'بطريرك', 'كاردينال', 'حاخام', 'فنان', 'ممثل', 'مخرج', 'مطرب',
  'شاعر', 'روائي', 'صحفي', 'صحافي', 'باحث', 'خبير', 'محلل', 'ناشط', 'معارض', 'مواطن', 'طبيب',
  'مهندس', 'أستاذ', 'حاج', 'سلطان', 'مفوض', 'منسق', 'مندوب', 'مدعي', 'عضو', 'محافظ', 'وكيل',
  'رئيسة', 'مفتي', 'داعية', 'الشهيد', 'الأسير', 'الراحل', 'الفقيد', 'الشاب', 'الطفل', 'الطفلة',
  'الفريق', 'المهاجم', 'الحارس', 'المدافع', 'الظهير', 'الجناح', 'الأب', 'القس', 'المطربة', 'الملحن',
  'المذيع', 'الإعلامي', 'الداعية', 'السناتور', 'السيناتور', 'النائبة', 'البروفيسور', 'رجل', 'سيدة',
  'المتهم', 'المرشح', 'الأديب', 'الكاتبة', 'الفنانة', 'الممثلة', 'المغني', 'المغنية', 'الزعيم',
  'سكرتير', 'مساعد', 'الكابتن', 'البديل', 'المحرر', 'الموفد', 'المنسق', 'الرئيس',
];

/** Abbreviated titles written with a dot: د. (doctor), م. (engineer, in Egypt), أ. (professor). */
export const ABBREVIATED_TITLES = ['د', 'م', 'أ', 'ا'];

/**
 * Titles after which an unknown word is too often not a name (الفريق "the team", الشاب "the young
 * man", مواطن "a citizen", رجل "a man"): they count only before a known given name or a name
 * confirmed elsewhere in the article.
 */
export const WEAK_TITLES = [
  'الفريق', 'الشاب', 'الطفل', 'الطفلة', 'مواطن', 'رجل', 'سيدة', 'نجم', 'كاتب', 'خبير', 'محلل', 'ناشط',
  'معارض', 'باحث', 'صحفي', 'صحافي', 'طبيب', 'مهندس', 'أستاذ', 'حاج', 'عضو', 'المتهم', 'الأسير',
  'الشهيد', 'الراحل', 'الفقيد', 'مرشح', 'المرشح', 'الجناح', 'المدافع', 'الحارس', 'الظهير', 'المهاجم',
  'ممثل', 'مقدم', 'رائد', 'نقيب', 'بابا', 'أب', 'فنان', 'مطرب', 'شاعر', 'مذيع', 'إعلامي', 'سيد',
];

/**
 * Words a construct title takes before the name without an article (وزير خارجية روسيا، رئيس وزراء
 * إسرائيل، مدير مكتب الرئيس). With the article, any word may stand there (وزير الخارجية).
 */
export const TITLE_COMPLEMENTS = [
  'خارجية', 'داخلية', 'دفاع', 'مالية', 'اقتصاد', 'وزراء', 'حكومة', 'مجلس', 'إدارة', 'هيئة', 'أركان',
  'جهاز', 'شؤون', 'لشؤون', 'دولة', 'عدل', 'صحة', 'تعليم', 'نفط', 'طاقة', 'إعلام', 'ثقافة', 'زراعة',
  'مكتب', 'عام', 'أول', 'باسم', 'لدى', 'حزب', 'حركة', 'جمهورية', 'بلدية', 'لجنة', 'شرطة', 'جيش',
  'قوات', 'منظمة', 'مؤسسة', 'شركة', 'نادي', 'منتخب', 'فريق', 'جامعة', 'كلية', 'مركز', 'مجموعة',
  'استخبارات', 'مخابرات', 'أمن', 'تنفيذي', 'سابق', 'أسبق', 'الأعمال', 'الدين', 'الدولة', 'مساعد',
  'تحرير', 'قسم', 'وحدة', 'برنامج', 'صندوق', 'بنك', 'هيئة', 'اتحاد', 'رابطة', 'نقابة', 'غرفة',
];

/**
 * Heads of organization names: شركة تسلا، حزب البعث، جامعة الملك سعود، بنك الرياض. `definite`
 * says whether a bare definite word after the head is usually a name (حزب العمال، نادي الزمالك)
 * rather than a generic body (مجلس الوزراء، هيئة الأركان, which then need a second mention).
 */
export const ORG_HEADS: readonly { word: string; definite: boolean }[] = [
  { word: 'شركة', definite: false }, { word: 'مجموعة', definite: false }, { word: 'هيئة', definite: false },
  { word: 'مؤسسة', definite: false }, { word: 'جمعية', definite: true }, { word: 'جامعة', definite: false },
  { word: 'بنك', definite: false }, { word: 'مصرف', definite: false }, { word: 'صندوق', definite: false },
  { word: 'حزب', definite: true }, { word: 'حركة', definite: false }, { word: 'جبهة', definite: false },
  { word: 'نادي', definite: true }, { word: 'منظمة', definite: false }, { word: 'وكالة', definite: false },
  { word: 'صحيفة', definite: true }, { word: 'قناة', definite: true }, { word: 'مستشفى', definite: false },
  { word: 'مجلس', definite: false }, { word: 'تنظيم', definite: false }, { word: 'ميليشيا', definite: false },
  { word: 'مليشيا', definite: false }, { word: 'مجلة', definite: true }, { word: 'إذاعة', definite: false },
  { word: 'معهد', definite: false }, { word: 'مطار', definite: false }, { word: 'كتائب', definite: true },
];

/** Heads of place names: مدينة الرقة، بلدة بيت حانون، مخيم جباليا، محافظة الأنبار. */
export const PLACE_HEADS: readonly { word: string; definite: boolean }[] = [
  { word: 'مدينة', definite: true }, { word: 'بلدة', definite: true }, { word: 'قرية', definite: true },
  { word: 'محافظة', definite: true }, { word: 'مخيم', definite: true }, { word: 'ولاية', definite: false },
  { word: 'مقاطعة', definite: false }, { word: 'إقليم', definite: false }, { word: 'جزيرة', definite: true },
  { word: 'ناحية', definite: true }, { word: 'حي', definite: true }, { word: 'ميناء', definite: true },
];

/**
 * Definite adjectives that belong to an organization's name after a place or person (بنك قطر
 * الوطني، مستشفى الملك فيصل التخصصي، جامعة القاهرة الأهلية) rather than describing it.
 */
export const ORG_NAME_ADJECTIVES = [
  'الوطني', 'الوطنية', 'الإسلامي', 'الإسلامية', 'الدولي', 'الدولية', 'الأهلي', 'الأهلية', 'العربي',
  'العربية', 'التجاري', 'التجارية', 'المركزي', 'التخصصي', 'الجامعي', 'الجديدة', 'الأمريكية', 'الخيرية',
  'العام', 'العامة', 'المتحدة', 'الكبرى', 'المفتوحة', 'للتنمية', 'للاستثمار',
];

/**
 * Definite words that complete a head generically, naming a kind of body and not one body:
 * مجلس الوزراء، هيئة الأركان، شركة الكهرباء، حركة المرور. Never the name of a discovered entity.
 */
export const GENERIC_COMPLEMENTS = [
  'الوزراء', 'النواب', 'الشيوخ', 'الشورى', 'الإدارة', 'الأمناء', 'الأمن', 'الأركان', 'الدولة', 'الشعب',
  'الأمة', 'الحكومة', 'المدينة', 'الحي', 'القرية', 'الطلاب', 'الطلبة', 'العمل', 'المرور', 'الملاحة',
  'التجارة', 'النزوح', 'الكهرباء', 'المياه', 'الاتصالات', 'الطيران', 'التأمين', 'الاستثمار', 'القتال',
  'المواجهة', 'الاحتجاج', 'الاحتجاجات', 'الأسعار', 'السوق', 'الأسواق', 'البلاد', 'المنطقة', 'العالم',
  'الدول', 'القوات', 'الجيش', 'الحرب', 'السلام', 'الإعلام', 'الصحة', 'التعليم', 'النقل', 'المحافظة',
  'الإقليم', 'الولاية', 'المقاطعة', 'البلدة', 'الجامعة', 'الشركة', 'الحزب', 'الحركة', 'المجلس', 'البنك',
  'الصندوق', 'الأول', 'الثاني', 'الثالث', 'الأخير', 'الأخيرة', 'نفسه', 'نفسها', 'ذاته', 'ذاتها',
  'الحالي', 'الحالية', 'المقبل', 'المقبلة', 'الماضي', 'الماضية', 'الجديد', 'الجديدة', 'المعنية',
  'المختصة', 'المعني', 'المختص', 'المدنية', 'العسكرية', 'السياسية', 'الاقتصادية', 'الأعلى', 'العليا',
  'المحلي', 'المحلية', 'الإقليمية', 'الرسمية', 'الخاصة', 'العامة', 'الكبرى', 'الصغرى', 'الوطنية',
  'القاضي', 'الفلاحين', 'الأطباء', 'المحامين', 'الصحفيين', 'المعلمين', 'المهندسين', 'العمال',
];

/**
 * Verbs of reported speech before a subject: وقال X إن، أكد X أن، صرح X. A name found only this
 * way is weak: it needs a second mention or a stronger sighting in the same article.
 */
export const SPEECH_VERBS = [
  'قال', 'قالت', 'أكد', 'أكدت', 'صرح', 'صرحت', 'أضاف', 'أضافت', 'أوضح', 'أوضحت', 'أشار', 'أشارت',
  'كشف', 'كشفت', 'ذكر', 'ذكرت', 'شدد', 'شددت', 'أعلن', 'أعلنت', 'اعتبر', 'اعتبرت', 'رأى', 'رأت',
  'نفى', 'نفت', 'أفاد', 'أفادت', 'تابع', 'تابعت', 'أردف', 'أردفت', 'لفت', 'لفتت', 'حذر', 'حذرت',
];

/** Words that follow the name in reported speech: X إن، X أن، X في تصريح، X لـ… */
export const SPEECH_FOLLOWERS = ['إن', 'أن', 'ان', 'في', 'خلال', 'لوكالة', 'لصحيفة', 'لقناة', 'عبر', 'أمس', 'اليوم'];
