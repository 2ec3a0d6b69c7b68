// International and regional organizations, and the UN bodies the press names on their own. Short
// forms (الصحة العالمية، العدل الدولية) are how headlines name them once the context is set.
import { org } from './build.ts';
import type { GazetteerEntry } from './types.ts';

const intl = (slug: string, name: string, variants: string[] = [], parent?: string) =>
  org(slug, name, 'international-org', parent, variants);
const un = (slug: string, name: string, variants: string[] = []) => intl(slug, name, variants, 'org:un');

export const INTERNATIONAL_ORGS: readonly GazetteerEntry[] = [
  intl('un', 'الأمم المتحدة', ['منظمة الأمم المتحدة', 'هيئة الأمم المتحدة'], undefined),
  // "مجلس الأمن القومي" (a national security council) is a longer, different phrase.
  un('un-security-council', 'مجلس الأمن', ['مجلس الأمن الدولي', 'مجلس الأمن التابع للأمم المتحدة']),
  un('un-general-assembly', 'الجمعية العامة للأمم المتحدة', ['الجمعية العامة']),
  un('un-human-rights-council', 'مجلس حقوق الإنسان', ['مجلس حقوق الإنسان التابع للأمم المتحدة', 'مجلس حقوق الإنسان الأممي']),
  un('who', 'منظمة الصحة العالمية', ['الصحة العالمية']),
  un('unicef', 'اليونيسف', ['يونيسف', 'اليونيسيف', 'منظمة الأمم المتحدة للطفولة']),
  un('unrwa', 'الأونروا', [
    'أونروا',
    'وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين',
    'وكالة غوث وتشغيل اللاجئين الفلسطينيين',
    'وكالة الغوث',
  ]),
  un('unhcr', 'مفوضية الأمم المتحدة لشؤون اللاجئين', ['مفوضية اللاجئين', 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين']),
  un('ohchr', 'مفوضية الأمم المتحدة السامية لحقوق الإنسان', ['المفوضية السامية لحقوق الإنسان']),
  un('wfp', 'برنامج الأغذية العالمي'),
  // No bare الفاو: it is also Iraq's al-Faw peninsula and port.
  un('fao', 'منظمة الأغذية والزراعة', ['منظمة الفاو', 'منظمة الأغذية والزراعة للأمم المتحدة']),
  un('unesco', 'اليونسكو', ['يونسكو', 'منظمة الأمم المتحدة للتربية والعلم والثقافة']),
  un('ilo', 'منظمة العمل الدولية'),
  un('ocha', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية', ['أوتشا']),
  un('undp', 'برنامج الأمم المتحدة الإنمائي'),
  un('icj', 'محكمة العدل الدولية', ['العدل الدولية']),
  un('iaea', 'الوكالة الدولية للطاقة الذرية', ['وكالة الطاقة الذرية']),
  un('iom', 'المنظمة الدولية للهجرة'),
  intl('icc', 'المحكمة الجنائية الدولية', ['الجنائية الدولية']),
  intl('imf', 'صندوق النقد الدولي', ['صندوق النقد']),
  intl('world-bank', 'البنك الدولي', ['مجموعة البنك الدولي']),
  intl('wto', 'منظمة التجارة العالمية'),
  intl('eu', 'الاتحاد الأوروبي', ['الاتحاد الأوربي']),
  intl('european-commission', 'المفوضية الأوروبية', [], 'org:eu'),
  intl('european-parliament', 'البرلمان الأوروبي', [], 'org:eu'),
  intl('european-council', 'المجلس الأوروبي', [], 'org:eu'),
  intl('arab-league', 'جامعة الدول العربية', ['الجامعة العربية']),
  intl('arab-parliament', 'البرلمان العربي', [], 'org:arab-league'),
  intl('nato', 'حلف شمال الأطلسي', ['الناتو', 'ناتو', 'حلف الناتو', 'حلف الأطلسي', 'الحلف الأطلسي', 'منظمة حلف شمال الأطلسي']),
  // In Gulf outlets bare "مجلس التعاون" is always this one.
  intl('gcc', 'مجلس التعاون الخليجي', ['مجلس التعاون لدول الخليج العربية', 'مجلس التعاون']),
  // أوبك+ is a distinct grouping (OPEC plus Russia and others); src/arabic's tokenizer drops the
  // "+", so the two share a token and are in AMBIGUOUS.
  intl('opec', 'أوبك', ['منظمة أوبك', 'منظمة الدول المصدرة للنفط']),
  intl('opec-plus', 'أوبك+', ['أوبك بلس', 'تحالف أوبك+', 'مجموعة أوبك+']),
  intl('oic', 'منظمة التعاون الإسلامي'),
  intl('african-union', 'الاتحاد الأفريقي', ['الاتحاد الإفريقي']),
  intl('icrc', 'اللجنة الدولية للصليب الأحمر', ['الصليب الأحمر', 'الصليب الأحمر الدولي']),
  intl('palestine-red-crescent', 'جمعية الهلال الأحمر الفلسطيني', ['الهلال الأحمر الفلسطيني'], 'country:PS'),
  intl('interpol', 'الإنتربول', ['منظمة الشرطة الجنائية الدولية']),
  intl('opcw', 'منظمة حظر الأسلحة الكيميائية'),
  intl('osce', 'منظمة الأمن والتعاون في أوروبا'),
  intl('g20', 'مجموعة العشرين', ['قمة العشرين']),
  intl('g7', 'مجموعة السبع', ['مجموعة الدول السبع', 'مجموعة السبع الكبار']),
  intl('brics', 'بريكس', ['مجموعة بريكس']),
  intl('sco', 'منظمة شنغهاي للتعاون'),
  intl('asean', 'رابطة دول جنوب شرق آسيا', ['آسيان']),
  intl('csto', 'منظمة معاهدة الأمن الجماعي'),
  intl('eaeu', 'الاتحاد الاقتصادي الأوراسي'),
  intl('cis', 'رابطة الدول المستقلة'),
  intl('arab-maghreb-union', 'اتحاد المغرب العربي'),
  intl('isdb', 'البنك الإسلامي للتنمية'),
  intl('arab-monetary-fund', 'صندوق النقد العربي'),
  intl('icesco', 'الإيسيسكو', ['منظمة العالم الإسلامي للتربية والعلوم والثقافة']),
  intl('alecso', 'الألكسو', ['المنظمة العربية للتربية والثقافة والعلوم']),
  intl('wef', 'المنتدى الاقتصادي العالمي', ['منتدى دافوس']),
  // Non-governmental organizations quoted in conflict coverage.
  org('amnesty', 'منظمة العفو الدولية', 'ngo', undefined, ['العفو الدولية']),
  org('hrw', 'هيومن رايتس ووتش', 'ngo', undefined, ['منظمة هيومن رايتس ووتش']),
  org('msf', 'أطباء بلا حدود', 'ngo', undefined, ['منظمة أطباء بلا حدود']),
  org('rsf', 'مراسلون بلا حدود', 'ngo', undefined, ['منظمة مراسلون بلا حدود']),
  // Sport's governing bodies. No bare كاف for CAF: it is "enough".
  org('fifa', 'الاتحاد الدولي لكرة القدم', 'sports-body', undefined, ['فيفا', 'الفيفا']),
  org('afc', 'الاتحاد الآسيوي لكرة القدم', 'sports-body', undefined, ['الاتحاد الآسيوي']),
  org('caf', 'الاتحاد الأفريقي لكرة القدم', 'sports-body', undefined, ['الاتحاد الإفريقي لكرة القدم', 'الكاف']),
  org('uefa', 'الاتحاد الأوروبي لكرة القدم', 'sports-body', undefined, ['يويفا', 'اليويفا']),
  org('ioc', 'اللجنة الأولمبية الدولية', 'sports-body', undefined),
];
