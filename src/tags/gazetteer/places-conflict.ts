// Places of the conflicts that fill the front pages: Palestine and Israel, Lebanon's border, Iran,
// Ukraine and Russia, the South Caucasus. Parents follow the internationally recognised borders
// (the Golan → Syria, Crimea → Ukraine, Karabakh → Azerbaijan); where that itself is the dispute
// (Jerusalem, the Shebaa Farms, Kashmir) the entry has no parent.
import { place } from './build.ts';
import type { GazetteerEntry } from './types.ts';

const city = (slug: string, name: string, code: string, variants: string[] = []) =>
  place('city', slug, name, `country:${code}`, variants);
const region = (slug: string, name: string, code: string, variants: string[] = []) =>
  place('region', slug, name, `country:${code}`, variants);
const inGaza = (slug: string, name: string, variants: string[] = []) =>
  place('city', slug, name, 'region:gaza-strip', variants);

export const CONFLICT_PLACES: readonly GazetteerEntry[] = [
  // Palestine. The press says غزة for the whole Strip far more often than for the city, so bare
  // غزة belongs to the Strip and the city is only "مدينة غزة".
  region('gaza-strip', 'قطاع غزة', 'PS', ['غزة']),
  inGaza('gaza-city', 'مدينة غزة'),
  inGaza('khan-younis', 'خان يونس', ['خانيونس']),
  // One entry for Rafah: the Egyptian town of the same name is rarely news on its own.
  inGaza('rafah', 'رفح', ['رفح الفلسطينية']),
  inGaza('deir-al-balah', 'دير البلح'),
  inGaza('jabalia', 'جباليا', ['مخيم جباليا']),
  inGaza('beit-lahia', 'بيت لاهيا'),
  inGaza('beit-hanoun', 'بيت حانون'),
  inGaza('nuseirat', 'النصيرات', ['مخيم النصيرات']),
  place('crossing', 'rafah-crossing', 'معبر رفح', 'region:gaza-strip', ['معبر رفح البري']),
  place('crossing', 'kerem-shalom', 'معبر كرم أبو سالم', 'region:gaza-strip', ['كرم أبو سالم', 'كرم شالوم']),
  region('west-bank', 'الضفة الغربية', 'PS', ['الضفة', 'الضفة الغربية المحتلة']),
  place('city', 'jerusalem', 'القدس', undefined, ['القدس الشرقية', 'القدس المحتلة', 'بيت المقدس']),
  city('ramallah', 'رام الله', 'PS'),
  city('nablus', 'نابلس', 'PS'),
  city('jenin', 'جنين', 'PS', ['مخيم جنين']),
  city('hebron', 'الخليل', 'PS'),
  city('bethlehem', 'بيت لحم', 'PS'),
  city('tulkarm', 'طولكرم', 'PS', ['مخيم طولكرم']),
  city('jericho', 'أريحا', 'PS'),
  city('qalqilya', 'قلقيلية', 'PS'),
  place('landmark', 'al-aqsa', 'المسجد الأقصى', 'city:jerusalem', ['الأقصى', 'الحرم القدسي', 'الحرم القدسي الشريف']),
  // Israel
  city('tel-aviv', 'تل أبيب', 'IL'),
  city('haifa', 'حيفا', 'IL'),
  city('ashkelon', 'عسقلان', 'IL'),
  city('ashdod', 'أسدود', 'IL'),
  city('eilat', 'إيلات', 'IL', ['أم الرشراش']),
  city('sderot', 'سديروت', 'IL'),
  city('beersheba', 'بئر السبع', 'IL'),
  city('acre', 'عكا', 'IL'),
  city('jaffa', 'يافا', 'IL'),
  city('nazareth', 'الناصرة', 'IL'),
  region('negev', 'النقب', 'IL', ['صحراء النقب']),
  region('galilee', 'الجليل', 'IL', ['الجليل الأعلى', 'الجليل الغربي']),
  region('golan', 'الجولان', 'SY', ['هضبة الجولان', 'مرتفعات الجولان', 'الجولان السوري المحتل', 'الجولان المحتل']),
  place('region', 'shebaa-farms', 'مزارع شبعا', undefined),
  // Iran
  city('isfahan', 'أصفهان', 'IR'),
  city('mashhad', 'مشهد', 'IR'),
  city('tabriz', 'تبريز', 'IR'),
  city('shiraz', 'شيراز', 'IR'),
  city('qom', 'قم', 'IR'),
  city('bandar-abbas', 'بندر عباس', 'IR'),
  city('bushehr', 'بوشهر', 'IR'),
  city('natanz', 'نطنز', 'IR', ['منشأة نطنز']),
  city('fordow', 'فوردو', 'IR', ['منشأة فوردو']),
  city('ahvaz', 'الأهواز', 'IR', ['الأحواز']),
  // Turkey
  city('istanbul', 'إسطنبول', 'TR', ['اسطنبول', 'إستانبول', 'استنبول']),
  city('izmir', 'إزمير', 'TR'),
  city('gaziantep', 'غازي عنتاب', 'TR'),
  city('diyarbakir', 'ديار بكر', 'TR'),
  city('adana', 'أضنة', 'TR'),
  city('konya', 'قونية', 'TR'),
  city('kahramanmaras', 'كهرمان مرعش', 'TR'),
  region('hatay', 'هاتاي', 'TR', ['ولاية هاتاي']),
  // Russia
  city('saint-petersburg', 'سانت بطرسبرغ', 'RU', ['سان بطرسبرغ', 'سانت بطرسبورغ', 'بطرسبورغ']),
  city('kursk', 'كورسك', 'RU', ['مقاطعة كورسك']),
  city('belgorod', 'بيلغورود', 'RU', ['بيلجورود', 'مقاطعة بيلغورود', 'مقاطعة بيلجورود']),
  city('bryansk', 'بريانسك', 'RU'),
  city('kaliningrad', 'كالينينغراد', 'RU'),
  city('sochi', 'سوتشي', 'RU'),
  city('kazan', 'قازان', 'RU', ['كازان']),
  region('chechnya', 'الشيشان', 'RU', ['جمهورية الشيشان']),
  region('dagestan', 'داغستان', 'RU'),
  // Ukraine
  city('kharkiv', 'خاركيف', 'UA', ['خاركوف']),
  city('odesa', 'أوديسا', 'UA'),
  city('kherson', 'خيرسون', 'UA'),
  city('zaporizhzhia', 'زابوريجيا', 'UA', ['زابوروجيا', 'زاباروجيا']),
  city('donetsk', 'دونيتسك', 'UA'),
  city('luhansk', 'لوغانسك', 'UA', ['لوهانسك', 'لوجانسك']),
  city('mariupol', 'ماريوبول', 'UA'),
  city('bakhmut', 'باخموت', 'UA', ['أرتيوموفسك']),
  city('avdiivka', 'أفدييفكا', 'UA'),
  city('pokrovsk', 'بوكروفسك', 'UA'),
  city('dnipro', 'دنيبرو', 'UA'),
  city('lviv', 'لفيف', 'UA'),
  region('donbas', 'دونباس', 'UA', ['إقليم دونباس', 'حوض دونباس']),
  region('crimea', 'شبه جزيرة القرم', 'UA', ['القرم', 'جزيرة القرم']),
  place('city', 'sevastopol', 'سيفاستوبول', 'region:crimea'),
  place('landmark', 'zaporizhzhia-npp', 'محطة زابوريجيا النووية', 'city:zaporizhzhia', ['محطة زابوريجيا للطاقة النووية']),
  // South Caucasus. Stepanakert is Khankendi in Azerbaijani usage since 2023; both name one city.
  region('karabakh', 'قره باغ', 'AZ', [
    'قرة باغ',
    'ناغورني قره باغ',
    'ناغورني قرة باغ',
    'ناغورنو قره باغ',
    'ناغورنو كاراباخ',
    'ناغورني كاراباخ',
    'كاراباخ',
    'قره باخ',
    'إقليم قره باغ',
  ]),
  place('city', 'stepanakert', 'ستيباناكرت', 'region:karabakh', ['ستيباناكيرت', 'خانكندي', 'خان كندي']),
  place('city', 'shusha', 'شوشا', 'region:karabakh', ['شوشي']),
  region('lachin-corridor', 'ممر لاتشين', 'AZ', ['ممر لاشين', 'لاتشين']),
  region('nakhchivan', 'ناخيتشيفان', 'AZ', ['نخجوان', 'ناختشيفان']),
  region('zangezur-corridor', 'ممر زنغزور', 'AM', ['زنغزور', 'ممر زانجيزور']),
  region('abkhazia', 'أبخازيا', 'GE'),
  region('south-ossetia', 'أوسيتيا الجنوبية', 'GE'),
];
