// Leaders and officials of the Arab states, as of late 2025. The subtype is the role that made the
// person newsworthy; roles change, so it is a hint for the tagger, never shown as current fact.
// Surnames alone are listed only where they point to one person in the news (السيسي، تبون); common
// given names and words (عباس، سعيد، الأسد "the lion") need the full name.
import { person } from './build.ts';
import type { GazetteerEntry } from './types.ts';

const of = (code: string) => `country:${code}`;

export const ARAB_PEOPLE: readonly GazetteerEntry[] = [
  // Egypt
  person('abdel-fattah-el-sisi', 'عبد الفتاح السيسي', 'head-of-state', of('EG'), ['السيسي', 'عبدالفتاح السيسي']),
  person('mostafa-madbouly', 'مصطفى مدبولي', 'head-of-government', of('EG'), ['مدبولي']),
  person('badr-abdelatty', 'بدر عبد العاطي', 'foreign-minister', of('EG'), ['بدر عبدالعاطي', 'عبد العاطي']),
  person('ahmed-el-tayeb', 'أحمد الطيب', 'religious-leader', of('EG'), ['شيخ الأزهر أحمد الطيب', 'الإمام الأكبر أحمد الطيب']),
  person('pope-tawadros', 'البابا تواضروس الثاني', 'religious-leader', of('EG'), ['البابا تواضروس', 'تواضروس الثاني']),
  // Saudi Arabia. خادم الحرمين الشريفين is the king's official title, printed in place of his name.
  person('king-salman', 'الملك سلمان بن عبد العزيز', 'head-of-state', of('SA'), [
    'الملك سلمان',
    'سلمان بن عبد العزيز',
    'سلمان بن عبدالعزيز',
    'خادم الحرمين الشريفين',
  ]),
  person('mohammed-bin-salman', 'محمد بن سلمان', 'crown-prince', of('SA'), ['الأمير محمد بن سلمان', 'بن سلمان', 'محمد بن سلمان آل سعود']),
  person('faisal-bin-farhan', 'فيصل بن فرحان', 'foreign-minister', of('SA'), ['الأمير فيصل بن فرحان', 'فيصل بن فرحان آل سعود']),
  person('khalid-bin-salman', 'خالد بن سلمان', 'defense-minister', of('SA'), ['الأمير خالد بن سلمان']),
  // United Arab Emirates
  person('mohamed-bin-zayed', 'محمد بن زايد', 'head-of-state', of('AE'), ['الشيخ محمد بن زايد', 'محمد بن زايد آل نهيان']),
  person('mohammed-bin-rashid', 'محمد بن راشد', 'head-of-government', of('AE'), ['الشيخ محمد بن راشد', 'محمد بن راشد آل مكتوم']),
  person('abdullah-bin-zayed', 'عبد الله بن زايد', 'foreign-minister', of('AE'), ['عبدالله بن زايد', 'الشيخ عبد الله بن زايد', 'عبد الله بن زايد آل نهيان']),
  // Qatar
  person('tamim-bin-hamad', 'تميم بن حمد', 'head-of-state', of('QA'), ['الشيخ تميم بن حمد', 'تميم بن حمد آل ثاني']),
  person('mohammed-bin-abdulrahman', 'محمد بن عبد الرحمن آل ثاني', 'head-of-government', of('QA'), [
    'محمد بن عبدالرحمن آل ثاني',
    'الشيخ محمد بن عبد الرحمن',
  ]),
  person('majed-al-ansari', 'ماجد الأنصاري', 'spokesperson', of('QA')),
  // Kuwait
  person('mishal-al-ahmad', 'مشعل الأحمد الجابر الصباح', 'head-of-state', of('KW'), ['الشيخ مشعل الأحمد', 'مشعل الأحمد']),
  person('ahmad-abdullah-al-sabah', 'أحمد عبد الله الأحمد الصباح', 'head-of-government', of('KW'), ['أحمد عبدالله الأحمد الصباح', 'الشيخ أحمد عبد الله الأحمد']),
  // Bahrain and Oman
  person('hamad-bin-isa', 'حمد بن عيسى آل خليفة', 'head-of-state', of('BH'), ['الملك حمد بن عيسى', 'حمد بن عيسى']),
  person('salman-bin-hamad', 'سلمان بن حمد آل خليفة', 'head-of-government', of('BH'), ['الأمير سلمان بن حمد', 'سلمان بن حمد']),
  person('haitham-bin-tariq', 'هيثم بن طارق', 'head-of-state', of('OM'), ['السلطان هيثم بن طارق', 'هيثم بن طارق آل سعيد']),
  person('badr-albusaidi', 'بدر البوسعيدي', 'foreign-minister', of('OM'), ['بدر بن حمد البوسعيدي', 'البوسعيدي']),
  // Jordan
  person('abdullah-ii', 'الملك عبد الله الثاني', 'head-of-state', of('JO'), ['عبد الله الثاني', 'عبدالله الثاني', 'الملك عبدالله الثاني']),
  person('crown-prince-hussein', 'الأمير الحسين بن عبد الله الثاني', 'crown-prince', of('JO'), ['الحسين بن عبد الله الثاني', 'الأمير الحسين بن عبدالله']),
  person('jafar-hassan', 'جعفر حسان', 'head-of-government', of('JO')),
  person('ayman-safadi', 'أيمن الصفدي', 'foreign-minister', of('JO'), ['الصفدي']),
  // Lebanon
  person('joseph-aoun', 'جوزيف عون', 'head-of-state', of('LB'), ['العماد جوزيف عون']),
  person('nawaf-salam', 'نواف سلام', 'head-of-government', of('LB')),
  person('najib-mikati', 'نجيب ميقاتي', 'former-head-of-government', of('LB'), ['ميقاتي']),
  person('nabih-berri', 'نبيه بري', 'speaker', of('LB')),
  person('hassan-nasrallah', 'حسن نصر الله', 'militant-leader', 'org:hezbollah', ['حسن نصرالله', 'نصر الله', 'نصرالله']),
  person('naim-qassem', 'نعيم قاسم', 'militant-leader', 'org:hezbollah', ['الشيخ نعيم قاسم']),
  // Syria
  person('ahmed-al-sharaa', 'أحمد الشرع', 'head-of-state', of('SY'), ['الشرع', 'أبو محمد الجولاني', 'الجولاني']),
  person('asaad-al-shaibani', 'أسعد الشيباني', 'foreign-minister', of('SY'), ['أسعد حسن الشيباني', 'الشيباني']),
  person('bashar-al-assad', 'بشار الأسد', 'former-head-of-state', of('SY'), ['بشار حافظ الأسد']),
  // Iraq. السوداني is also the adjective "Sudanese"; see AMBIGUOUS.
  person('mohammed-shia-al-sudani', 'محمد شياع السوداني', 'head-of-government', of('IQ'), ['السوداني', 'شياع السوداني']),
  person('abdul-latif-rashid', 'عبد اللطيف رشيد', 'head-of-state', of('IQ'), ['عبداللطيف رشيد', 'عبد اللطيف جمال رشيد']),
  person('fuad-hussein', 'فؤاد حسين', 'foreign-minister', of('IQ')),
  person('masoud-barzani', 'مسعود بارزاني', 'political-leader', of('IQ'), ['مسعود البارزاني']),
  person('nechirvan-barzani', 'نيجيرفان بارزاني', 'regional-leader', 'region:kurdistan-region', ['نيجيرفان البارزاني']),
  person('muqtada-al-sadr', 'مقتدى الصدر', 'political-leader', of('IQ'), ['السيد مقتدى الصدر']),
  // Yemen
  person('rashad-al-alimi', 'رشاد العليمي', 'head-of-state', of('YE'), ['رشاد محمد العليمي', 'العليمي']),
  person('abdul-malik-al-houthi', 'عبد الملك الحوثي', 'militant-leader', 'org:houthis', ['عبدالملك الحوثي', 'عبد الملك بدر الدين الحوثي']),
  // Libya
  person('mohamed-al-menfi', 'محمد المنفي', 'head-of-state', of('LY')),
  person('abdul-hamid-dbeibah', 'عبد الحميد الدبيبة', 'head-of-government', of('LY'), ['عبدالحميد الدبيبة', 'الدبيبة']),
  person('khalifa-haftar', 'خليفة حفتر', 'military-leader', 'org:lna', ['حفتر', 'المشير خليفة حفتر']),
  // Maghreb
  person('kais-saied', 'قيس سعيد', 'head-of-state', of('TN'), ['قيس سعيّد']),
  person('abdelmadjid-tebboune', 'عبد المجيد تبون', 'head-of-state', of('DZ'), ['عبدالمجيد تبون', 'تبون']),
  person('ahmed-attaf', 'أحمد عطاف', 'foreign-minister', of('DZ'), ['عطاف']),
  person('mohammed-vi', 'الملك محمد السادس', 'head-of-state', of('MA'), ['محمد السادس']),
  person('aziz-akhannouch', 'عزيز أخنوش', 'head-of-government', of('MA'), ['أخنوش']),
  person('nasser-bourita', 'ناصر بوريطة', 'foreign-minister', of('MA'), ['بوريطة']),
  person('mohamed-ould-ghazouani', 'محمد ولد الشيخ الغزواني', 'head-of-state', of('MR'), ['محمد ولد الغزواني', 'ولد الغزواني', 'الغزواني']),
  // Sudan, Somalia, Djibouti, Comoros
  person('abdel-fattah-al-burhan', 'عبد الفتاح البرهان', 'head-of-state', of('SD'), ['عبدالفتاح البرهان', 'البرهان']),
  person('hemedti', 'محمد حمدان دقلو', 'militant-leader', 'org:rsf-sudan', ['حميدتي', 'دقلو']),
  person('kamil-idris', 'كامل إدريس', 'head-of-government', of('SD')),
  person('hassan-sheikh-mohamud', 'حسن شيخ محمود', 'head-of-state', of('SO')),
  person('ismail-omar-guelleh', 'إسماعيل عمر جيله', 'head-of-state', of('DJ')),
  person('azali-assoumani', 'غزالي عثماني', 'head-of-state', of('KM')),
  // Palestine
  person('mahmoud-abbas', 'محمود عباس', 'head-of-state', of('PS'), ['أبو مازن']),
  person('hussein-al-sheikh', 'حسين الشيخ', 'official', of('PS')),
  person('ismail-haniyeh', 'إسماعيل هنية', 'militant-leader', 'org:hamas', ['هنية']),
  person('yahya-sinwar', 'يحيى السنوار', 'militant-leader', 'org:hamas'),
  person('khalil-al-hayya', 'خليل الحية', 'militant-leader', 'org:hamas'),
  // Heads of Arab organizations.
  person('ahmed-aboul-gheit', 'أحمد أبو الغيط', 'intl-official', 'org:arab-league', ['أبو الغيط']),
  person('jasem-albudaiwi', 'جاسم البديوي', 'intl-official', 'org:gcc', ['جاسم محمد البديوي', 'البديوي']),
  person('hissein-brahim-taha', 'حسين إبراهيم طه', 'intl-official', 'org:oic'),
];
