/**
 * Queries for the stemmer evaluation (eval/stemmers.ts). Each query is written the way a reader might
 * type it, which is usually not how the articles print the word (مفاوضات for والمفاوضات, روسيا for
 * الروسية, مستشفي for مستشفى, no hamza where the papers write one).
 *
 * `concepts` lists, per query word, the forms a human accepts as "the same thing": singular, dual,
 * plural (broken plurals too, although no light stemmer can reach them), feminine, the nisba adjective
 * of a place, and spelling variants (أميركا / أمريكا, مسئول / مسؤول). Forms are written bare; the
 * evaluation adds what any reader accepts on every noun: the clitics و ف ب ك ل with or without the
 * article, attached pronouns, the dual, accusative tanween and the construct plural (مواطني) — see
 * `surfaceVariants` in stemmers.ts. Forms that a reader would not
 * accept stay out even when they share letters (إمارة is not الإمارات, سعود is not السعودية,
 * تدريب is not مدرب). A query of several words is relevant when every word's concept occurs.
 */
export interface StemmerQuery {
  query: string;
  kind: 'place' | 'person' | 'organization' | 'topic';
  concepts: string[][];
}

export const STEMMER_QUERIES: StemmerQuery[] = [
  // Places and their people; queries in a form other than the papers' usual one.
  { query: 'روسيا', kind: 'place', concepts: [['روسيا', 'روسي', 'روسية', 'روس', 'روسيين', 'روسيون']] },
  { query: 'ارمينيا', kind: 'place', concepts: [['أرمينيا', 'أرميني', 'أرمينية', 'أرمن', 'أرمني', 'أرمنية']] },
  { query: 'مصري', kind: 'place', concepts: [['مصر', 'مصري', 'مصرية', 'مصريين', 'مصريون']] },
  { query: 'السورية', kind: 'place', concepts: [['سوريا', 'سورية', 'سوري', 'سوريين', 'سوريون']] },
  { query: 'اللبناني', kind: 'place', concepts: [['لبنان', 'لبناني', 'لبنانية', 'لبنانيين', 'لبنانيون']] },
  { query: 'الاردنيه', kind: 'place', concepts: [['أردن', 'أردني', 'أردنية', 'أردنيين', 'أردنيون']] },
  { query: 'عراقي', kind: 'place', concepts: [['عراق', 'عراقي', 'عراقية', 'عراقيين', 'عراقيون']] },
  { query: 'سعوديين', kind: 'place', concepts: [['سعودية', 'سعودي', 'سعوديين', 'سعوديون', 'سعوديات']] },
  { query: 'الايرانيه', kind: 'place', concepts: [['إيران', 'إيراني', 'إيرانية', 'إيرانيين', 'إيرانيون']] },
  { query: 'التركي', kind: 'place', concepts: [['تركيا', 'تركي', 'تركية', 'أتراك']] },
  { query: 'يمني', kind: 'place', concepts: [['يمن', 'يمني', 'يمنية', 'يمنيين', 'يمنيون']] },
  { query: 'كويتي', kind: 'place', concepts: [['كويت', 'كويتي', 'كويتية', 'كويتيين', 'كويتيون']] },
  { query: 'القطريه', kind: 'place', concepts: [['قطر', 'قطري', 'قطرية', 'قطريين', 'قطريون']] },
  { query: 'اماراتي', kind: 'place', concepts: [['إمارات', 'إماراتي', 'إماراتية', 'إماراتيين', 'إماراتيون']] },
  { query: 'فلسطينيين', kind: 'place', concepts: [['فلسطين', 'فلسطيني', 'فلسطينية', 'فلسطينيين', 'فلسطينيون']] },
  { query: 'الاسرائيلي', kind: 'place', concepts: [['إسرائيل', 'إسرائيلي', 'إسرائيلية', 'إسرائيليين', 'إسرائيليون']] },
  { query: 'امريكا', kind: 'place', concepts: [['أمريكا', 'أمريكي', 'أمريكية', 'أمريكيين', 'أمريكيون', 'أمريكان', 'أميركا', 'أميركي', 'أميركية', 'أميركيين', 'أميركيون']] },
  { query: 'الفرنسيه', kind: 'place', concepts: [['فرنسا', 'فرنسي', 'فرنسية', 'فرنسيين', 'فرنسيون']] },
  { query: 'بريطانيا', kind: 'place', concepts: [['بريطانيا', 'بريطاني', 'بريطانية', 'بريطانيين', 'بريطانيون']] },
  { query: 'المانيا', kind: 'place', concepts: [['ألمانيا', 'ألماني', 'ألمانية', 'ألمان']] },
  { query: 'صيني', kind: 'place', concepts: [['صين', 'صيني', 'صينية', 'صينيين', 'صينيون']] },
  { query: 'يابانيه', kind: 'place', concepts: [['يابان', 'ياباني', 'يابانية', 'يابانيين', 'يابانيون']] },
  { query: 'باكستاني', kind: 'place', concepts: [['باكستان', 'باكستاني', 'باكستانية', 'باكستانيين', 'باكستانيون']] },
  { query: 'افغانستان', kind: 'place', concepts: [['أفغانستان', 'أفغاني', 'أفغانية', 'أفغان']] },
  { query: 'الليبيه', kind: 'place', concepts: [['ليبيا', 'ليبي', 'ليبية', 'ليبيين', 'ليبيون']] },
  { query: 'تونسي', kind: 'place', concepts: [['تونس', 'تونسي', 'تونسية', 'تونسيين', 'تونسيون']] },
  { query: 'جزائري', kind: 'place', concepts: [['جزائر', 'جزائري', 'جزائرية', 'جزائريين', 'جزائريون']] },
  { query: 'سوداني', kind: 'place', concepts: [['سودان', 'سوداني', 'سودانية', 'سودانيين', 'سودانيون']] },
  { query: 'الاوروبيه', kind: 'place', concepts: [['أوروبا', 'أوروبي', 'أوروبية', 'أوروبيين', 'أوروبيون']] },
  { query: 'افريقي', kind: 'place', concepts: [['أفريقيا', 'أفريقي', 'أفريقية', 'إفريقيا', 'إفريقي', 'إفريقية', 'أفارقة']] },
  { query: 'خليجي', kind: 'place', concepts: [['خليج', 'خليجي', 'خليجية', 'خليجيين', 'خليجيون']] },
  { query: 'عربيه', kind: 'place', concepts: [['عرب', 'عربي', 'عربية', 'عربيين']] },
  { query: 'مكه', kind: 'place', concepts: [['مكة']] },
  { query: 'بيروت', kind: 'place', concepts: [['بيروت']] },
  // People: hamza and clitics vary, names do not inflect.
  { query: 'اوباما', kind: 'person', concepts: [['أوباما']] },
  { query: 'اردوغان', kind: 'person', concepts: [['أردوغان']] },
  { query: 'الحوثي', kind: 'person', concepts: [['حوثي', 'حوثيين', 'حوثيون', 'حوثية']] },
  // Organizations: several words, each with its own forms.
  { query: 'الامم المتحده', kind: 'organization', concepts: [['أمم'], ['متحدة']] },
  { query: 'مجلس التعاون', kind: 'organization', concepts: [['مجلس'], ['تعاون']] },
  { query: 'الاتحاد الاوروبي', kind: 'organization', concepts: [['اتحاد'], ['أوروبي', 'أوروبية', 'أوروبا']] },
  { query: 'وزاره الصحه', kind: 'organization', concepts: [['وزارة', 'وزارات'], ['صحة', 'صحي', 'صحية']] },
  { query: 'الحرمين الشريفين', kind: 'organization', concepts: [['حرمين', 'حرم'], ['شريفين', 'شريف']] },
  { query: 'عاصفه الحزم', kind: 'topic', concepts: [['عاصفة'], ['حزم']] },
  { query: 'ارامكو', kind: 'organization', concepts: [['أرامكو']] },
  // Topics.
  { query: 'مفاوضات', kind: 'topic', concepts: [['مفاوضات', 'مفاوضة', 'مفاوض', 'مفاوضين', 'مفاوضون']] },
  { query: 'مستشفي', kind: 'topic', concepts: [['مستشفى', 'مستشفيات']] },
  { query: 'مدرسه', kind: 'topic', concepts: [['مدرسة', 'مدارس', 'مدرسي', 'مدرسية']] },
  { query: 'مسؤولين', kind: 'topic', concepts: [['مسؤول', 'مسؤولة', 'مسؤولين', 'مسؤولون', 'مسئول', 'مسئولة', 'مسئولين', 'مسئولون']] },
  { query: 'مواطنين', kind: 'topic', concepts: [['مواطن', 'مواطنة', 'مواطنين', 'مواطنون']] },
  { query: 'انتخابات', kind: 'topic', concepts: [['انتخابات', 'انتخاب', 'انتخابي', 'انتخابية']] },
  { query: 'اتفاقيه نوويه', kind: 'topic', concepts: [['اتفاق', 'اتفاقية', 'اتفاقيات', 'اتفاقات'], ['نووي', 'نووية']] },
  { query: 'الوزير', kind: 'topic', concepts: [['وزير', 'وزيرة', 'وزراء', 'وزيرين']] },
  { query: 'طائرات', kind: 'topic', concepts: [['طائرة', 'طائرات']] },
  { query: 'صاروخ', kind: 'topic', concepts: [['صاروخ', 'صواريخ', 'صاروخي', 'صاروخية']] },
  { query: 'تفجيرات', kind: 'topic', concepts: [['تفجير', 'تفجيرات', 'تفجيري', 'تفجيرية']] },
  { query: 'ارهابيين', kind: 'topic', concepts: [['إرهاب', 'إرهابي', 'إرهابية', 'إرهابيين', 'إرهابيون']] },
  { query: 'اقتصادي', kind: 'topic', concepts: [['اقتصاد', 'اقتصادي', 'اقتصادية', 'اقتصاديين', 'اقتصاديون']] },
  { query: 'النفطيه', kind: 'topic', concepts: [['نفط', 'نفطي', 'نفطية']] },
  { query: 'سياحي', kind: 'topic', concepts: [['سياحة', 'سياحي', 'سياحية', 'سياح']] },
  { query: 'جامعات', kind: 'topic', concepts: [['جامعة', 'جامعات', 'جامعي', 'جامعية']] },
  { query: 'شركات', kind: 'topic', concepts: [['شركة', 'شركات', 'شركتين']] },
  { query: 'مدربين', kind: 'topic', concepts: [['مدرب', 'مدربين', 'مدربون', 'مدربة']] },
  { query: 'لاعبين', kind: 'topic', concepts: [['لاعب', 'لاعبين', 'لاعبون', 'لاعبة']] },
  { query: 'مباريات', kind: 'topic', concepts: [['مباراة', 'مباريات', 'مباراتين']] },
  { query: 'الكهربائيه', kind: 'topic', concepts: [['كهرباء', 'كهربائي', 'كهربائية']] },
  { query: 'مطارات', kind: 'topic', concepts: [['مطار', 'مطارات']] },
  { query: 'سيارات', kind: 'topic', concepts: [['سيارة', 'سيارات']] },
  { query: 'قوات', kind: 'topic', concepts: [['قوات']] },
  { query: 'تحالف', kind: 'topic', concepts: [['تحالف', 'تحالفات']] },
  { query: 'مساعده', kind: 'topic', concepts: [['مساعدة', 'مساعدات']] },
  { query: 'لاجئ', kind: 'topic', concepts: [['لاجئ', 'لاجئين', 'لاجئون', 'لاجئة']] },
  { query: 'للسلام', kind: 'topic', concepts: [['سلام']] },
  { query: 'الشرطه', kind: 'topic', concepts: [['شرطة', 'شرطي', 'شرطيين']] },
  { query: 'مهرجانات', kind: 'topic', concepts: [['مهرجان', 'مهرجانات']] },
  { query: 'سعر', kind: 'topic', concepts: [['سعر', 'أسعار']] },
  { query: 'حرائق', kind: 'topic', concepts: [['حريق', 'حرائق']] },
  { query: 'اصابات', kind: 'topic', concepts: [['إصابة', 'إصابات']] },
  { query: 'غاره', kind: 'topic', concepts: [['غارة', 'غارات']] },
  { query: 'تنظيمات', kind: 'topic', concepts: [['تنظيم', 'تنظيمات']] },
  { query: 'مقاتل', kind: 'topic', concepts: [['مقاتل', 'مقاتلين', 'مقاتلون', 'مقاتلة']] },
  { query: 'العسكريين', kind: 'topic', concepts: [['عسكري', 'عسكرية', 'عسكريين', 'عسكريون']] },
  { query: 'ميزانيات', kind: 'topic', concepts: [['ميزانية', 'ميزانيات']] },
  { query: 'استثمارات', kind: 'topic', concepts: [['استثمار', 'استثمارات', 'استثماري', 'استثمارية']] },
  { query: 'حجاج', kind: 'topic', concepts: [['حجاج', 'حاج']] },
  { query: 'امطار', kind: 'topic', concepts: [['مطر', 'أمطار']] },
  { query: 'مشروعات', kind: 'topic', concepts: [['مشروع', 'مشروعات', 'مشاريع']] },
  { query: 'محكمه', kind: 'topic', concepts: [['محكمة', 'محاكم']] },
  { query: 'المعلمين', kind: 'topic', concepts: [['معلم', 'معلمة', 'معلمين', 'معلمون', 'معلمات']] },
  { query: 'بالطلاب', kind: 'topic', concepts: [['طالب', 'طالبة', 'طلاب', 'طالبات', 'طلبة']] },
];
