// Spellings the gazetteer knowingly gives to more than one entry, or that are also ordinary words.
// Both are data the tagger needs: it tags these only when the article's context picks one reading
// (the country or organization named nearby, sports words around a club name). The tests fail on
// any spelling shared by two entries that is not listed here.

/** A printed form that belongs to several entries. */
export interface AmbiguousForm {
  form: string;
  ids: readonly string[];
  why: string;
  /** Harakat that settle the sense when the page prints them: a mark sequence → the id it means. */
  marked?: readonly { readonly marks: string; readonly id: string }[];
}

/** A printed form of an entity that is also an everyday Arabic word. */
export interface CommonWordForm {
  form: string;
  /** What the word means when it is not the entity. */
  meaning: string;
}

export const AMBIGUOUS: readonly AmbiguousForm[] = [
  {
    form: 'عمان',
    ids: ['country:OM', 'city:amman'],
    why: 'عُمان (Oman) and عمّان (Amman) differ only in harakat, which most pages omit and normalization removes',
    // Jordanian datelines often keep the shadda (عمّان - بترا); Omani pages sometimes the damma.
    marked: [
      { marks: 'مّ', id: 'city:amman' },
      { marks: 'عُ', id: 'country:OM' },
    ],
  },
  { form: 'طرابلس', ids: ['city:tripoli', 'city:tripoli-lb'], why: 'the capital of Libya and the city in northern Lebanon' },
  {
    form: 'الكونغو',
    ids: ['country:CD', 'country:CG'],
    why: 'both Congos; the press often means the Democratic Republic, but not always',
  },
  { form: 'قنا', ids: ['city:qena', 'org:qna'], why: 'the Upper Egyptian city and the Qatar News Agency' },
  {
    form: 'السوداني',
    ids: ['country:SD', 'person:mohammed-shia-al-sudani'],
    why: 'the adjective "Sudanese" and the surname of the Iraqi prime minister',
  },
  {
    form: 'حزب العدالة والتنمية',
    ids: ['org:akp', 'org:pjd'],
    why: 'Turkey’s AKP and Morocco’s PJD have the same Arabic name',
  },
  { form: 'العدالة والتنمية', ids: ['org:akp', 'org:pjd'], why: 'short form of the same shared party name' },
  {
    form: 'الأهلي',
    ids: ['org:club-ahly-eg', 'org:club-ahli-sa', 'org:club-ahli-qa'],
    why: 'Al Ahly of Cairo, Al-Ahli of Jeddah and Al-Ahli of Doha are all called الأهلي at home',
  },
  {
    form: 'أوبك',
    ids: ['org:opec', 'org:opec-plus'],
    why: 'the tokenizer drops the "+" of أوبك+, so both match the same token; the tagger must look at the raw text after it',
  },
  { form: 'الهلال', ids: ['org:club-hilal-sa', 'org:club-hilal-sd'], why: 'Al-Hilal of Riyadh and Al-Hilal of Omdurman' },
];

export const COMMON_WORD_VARIANTS: readonly CommonWordForm[] = [
  // Places
  { form: 'مالي', meaning: 'financial; my money' },
  { form: 'بنين', meaning: 'boys (مدرسة بنين)' },
  { form: 'العين', meaning: 'the eye; the spring' },
  { form: 'العيون', meaning: 'the eyes' },
  { form: 'صور', meaning: 'pictures' },
  { form: 'حمص', meaning: 'chickpeas' },
  { form: 'تدمر', meaning: 'destroys (verb)' },
  { form: 'الرمادي', meaning: 'grey' },
  { form: 'الزاوية', meaning: 'the corner, the angle' },
  { form: 'العقبة', meaning: 'the obstacle' },
  { form: 'الزرقاء', meaning: 'blue (feminine)' },
  { form: 'الأبيض', meaning: 'white' },
  { form: 'الجنينة', meaning: 'the little garden' },
  { form: 'مشهد', meaning: 'scene' },
  { form: 'قم', meaning: 'stand up (imperative)' },
  { form: 'الرقة', meaning: 'tenderness, thinness' },
  { form: 'جدة', meaning: 'grandmother' },
  { form: 'جنين', meaning: 'fetus' },
  { form: 'الضفة', meaning: 'the bank of a river' },
  { form: 'الخليج', meaning: 'any gulf or bay' },
  { form: 'المتوسط', meaning: 'average, medium' },
  { form: 'الأقصى', meaning: 'the farthest; the maximum (الحد الأقصى)' },
  { form: 'الأناضول', meaning: 'Anatolia, the region (also the news agency)' },
  { form: 'ينبع', meaning: 'springs from (verb)' },
  { form: 'الجوف', meaning: 'the hollow, the interior' },
  { form: 'حائل', meaning: 'obstacle, barrier' },
  // Organizations
  { form: 'الأهلي', meaning: 'civil, national (السلم الأهلي، البنك الأهلي)' },
  { form: 'الهلال', meaning: 'the crescent' },
  { form: 'النصر', meaning: 'victory' },
  { form: 'الاتحاد', meaning: 'union, federation' },
  { form: 'الرجاء', meaning: 'please; hope' },
  { form: 'المريخ', meaning: 'Mars' },
  { form: 'الوحدات', meaning: 'units' },
  { form: 'فتح', meaning: 'opened; conquest' },
  { form: 'القاعدة', meaning: 'the base; the rule' },
  { form: 'الدولة الإسلامية', meaning: 'an Islamic state, the concept' },
  { form: 'الإخوان', meaning: 'the brothers' },
  { form: 'الجمعية العامة', meaning: 'any general assembly (of a company, a union)' },
  { form: 'الفيدرالي', meaning: 'federal' },
  { form: 'وام', meaning: 'وأم "and a mother" once hamza is normalized' },
  { form: 'واع', meaning: 'aware' },
  // People
  { form: 'الشرع', meaning: 'Islamic law' },
  { form: 'البرهان', meaning: 'proof' },
  { form: 'ماسك', meaning: 'holding; mask' },
  { form: 'لولا', meaning: 'were it not for' },
  { form: 'درعا', meaning: 'a shield, accusative (درعا تذكاريا)' },
];

/** A printed form of an entity that is the ordinary word when one of `next` follows it. */
export interface OrdinaryPhrase {
  form: string;
  next: readonly string[];
  meaning: string;
}

export const ORDINARY_PHRASES: readonly OrdinaryPhrase[] = [
  { form: 'مسقط', next: ['رأس', 'رأسه', 'رأسها', 'رأسي', 'رأسهم', 'الرأس'], meaning: 'مسقط رأسه: his birthplace, not Muscat' },
];

/**
 * Entities printed without the article only: a person's foreign surname (مودي; المؤدي "leading
 * to" folds to the same letters once hamza is normalized) and names like فتح, whose definite
 * form is another thing (الفتح, the Saudi club; the conquest). People are all bare-only unless a
 * spelling of theirs has the article (السيسي); these are the others.
 */
export const BARE_ONLY_IDS: readonly string[] = ['org:fatah'];
