// News agencies and outlets. Agencies matter twice: as entities quoted in the text ("بحسب رويترز")
// and as the wire a syndicated copy came from. Abbreviations are the ones printed in datelines.
// No bare بنا (BNA), وال (LANA) or وات (TAP): they are ordinary words or word fragments.
import { org } from './build.ts';
import type { GazetteerEntry } from './types.ts';

const agency = (slug: string, name: string, code: string, variants: string[] = []) =>
  org(slug, name, 'news-agency', `country:${code}`, variants);
const media = (slug: string, name: string, code: string, variants: string[] = []) =>
  org(slug, name, 'media', `country:${code}`, variants);

export const MEDIA_ORGS: readonly GazetteerEntry[] = [
  agency('spa', 'وكالة الأنباء السعودية', 'SA', ['واس']),
  agency('wam', 'وكالة أنباء الإمارات', 'AE', ['وام']),
  // قنا is also the Egyptian city of Qena; see AMBIGUOUS.
  agency('qna', 'وكالة الأنباء القطرية', 'QA', ['قنا']),
  agency('kuna', 'وكالة الأنباء الكويتية', 'KW', ['كونا']),
  agency('petra', 'وكالة الأنباء الأردنية', 'JO', ['بترا', 'وكالة الأنباء الأردنية بترا']),
  agency('sana', 'الوكالة العربية السورية للأنباء', 'SY', ['سانا']),
  agency('mena', 'وكالة أنباء الشرق الأوسط', 'EG', ['مينا', 'أ ش أ']),
  agency('aps', 'وكالة الأنباء الجزائرية', 'DZ', ['واج']),
  agency('map', 'وكالة المغرب العربي للأنباء', 'MA', ['لاماب']),
  agency('tap', 'وكالة تونس أفريقيا للأنباء', 'TN', ['وكالة تونس إفريقيا للأنباء']),
  agency('ina', 'وكالة الأنباء العراقية', 'IQ', ['واع']),
  agency('ona', 'وكالة الأنباء العمانية', 'OM'),
  agency('bna', 'وكالة أنباء البحرين', 'BH'),
  agency('wafa', 'وكالة الأنباء والمعلومات الفلسطينية', 'PS', ['وفا', 'وكالة وفا']),
  agency('nna', 'الوكالة الوطنية للإعلام', 'LB'),
  agency('saba', 'وكالة الأنباء اليمنية سبأ', 'YE', ['وكالة سبأ', 'سبأ']),
  agency('suna', 'وكالة السودان للأنباء', 'SD', ['سونا']),
  agency('lana', 'وكالة الأنباء الليبية', 'LY'),
  agency('afp', 'وكالة الصحافة الفرنسية', 'FR', ['فرانس برس', 'وكالة فرانس برس', 'أ ف ب', 'أ.ف.ب']),
  agency('reuters', 'رويترز', 'GB', ['وكالة رويترز']),
  agency('ap', 'أسوشيتد برس', 'US', ['وكالة أسوشيتد برس', 'أسوشيتيد برس', 'أسوشيتد بريس']),
  agency('anadolu', 'وكالة الأناضول', 'TR', ['الأناضول']),
  agency('sputnik', 'سبوتنيك', 'RU', ['وكالة سبوتنيك']),
  agency('tass', 'وكالة تاس', 'RU', ['تاس', 'إيتار تاس']),
  // Reuters' Arabic service calls RIA "وكالة الإعلام الروسية"; the example page uses both names.
  agency('ria-novosti', 'ريا نوفوستي', 'RU', ['نوفوستي', 'وكالة ريا نوفوستي', 'وكالة الإعلام الروسية']),
  agency('interfax', 'إنترفاكس', 'RU', ['وكالة إنترفاكس']),
  agency('irna', 'وكالة الجمهورية الإسلامية للأنباء', 'IR', ['إرنا', 'وكالة إرنا']),
  agency('fars', 'وكالة فارس', 'IR', ['وكالة أنباء فارس']),
  agency('tasnim', 'وكالة تسنيم', 'IR', ['تسنيم']),
  agency('xinhua', 'وكالة أنباء الصين الجديدة', 'CN', ['شينخوا', 'وكالة شينخوا']),
  agency('dpa', 'وكالة الأنباء الألمانية', 'DE', ['د ب أ']),
  agency('bloomberg', 'بلومبرغ', 'US', ['بلومبيرغ', 'بلومبرج', 'وكالة بلومبرغ']),
  // Broadcasters. No bare الجزيرة ("the island"), العربية ("Arabic"), الحرة ("free") or الميادين
  // ("squares", and a Syrian town): only the forms that cannot mean anything else.
  media('al-jazeera', 'قناة الجزيرة', 'QA', ['شبكة الجزيرة', 'الجزيرة نت', 'الجزيرة مباشر']),
  media('al-arabiya', 'قناة العربية', 'SA', ['العربية نت']),
  media('al-hadath', 'قناة الحدث', 'SA'),
  media('sky-news-arabia', 'سكاي نيوز عربية', 'AE'),
  media('al-qahera-news', 'القاهرة الإخبارية', 'EG', ['قناة القاهرة الإخبارية']),
  media('al-mayadeen', 'قناة الميادين', 'LB'),
  media('al-manar', 'قناة المنار', 'LB'),
  media('alhurra', 'قناة الحرة', 'US'),
  media('bbc', 'بي بي سي', 'GB', ['بي بي سي عربي', 'هيئة الإذاعة البريطانية']),
  media('cnn', 'سي إن إن', 'US', ['شبكة سي إن إن', 'سي ان ان']),
  media('fox-news', 'فوكس نيوز', 'US'),
  media('rt', 'روسيا اليوم', 'RU', ['آر تي', 'قناة روسيا اليوم', 'آر تي عربي']),
  media('france24', 'فرانس 24', 'FR', ['فرانس24']),
  // Newspapers and sites. صحيفة الشرق الأوسط never gets the bare name: that is the region.
  media('al-ahram', 'الأهرام', 'EG', ['صحيفة الأهرام', 'جريدة الأهرام', 'بوابة الأهرام']),
  media('youm7', 'اليوم السابع', 'EG'),
  media('al-bawaba-news', 'البوابة نيوز', 'EG'),
  media('masrawy', 'مصراوي', 'EG'),
  media('asharq-al-awsat', 'صحيفة الشرق الأوسط', 'SA', ['جريدة الشرق الأوسط']),
  media('al-quds-al-arabi', 'القدس العربي', 'GB', ['صحيفة القدس العربي']),
  media('nyt', 'نيويورك تايمز', 'US', ['صحيفة نيويورك تايمز']),
  media('washington-post', 'واشنطن بوست', 'US', ['صحيفة واشنطن بوست']),
  media('wsj', 'وول ستريت جورنال', 'US', ['صحيفة وول ستريت جورنال']),
  media('axios', 'أكسيوس', 'US', ['موقع أكسيوس']),
  media('politico', 'بوليتيكو', 'US'),
  media('guardian', 'الغارديان', 'GB', ['الجارديان', 'صحيفة الغارديان']),
  media('financial-times', 'فايننشال تايمز', 'GB', ['فاينانشيال تايمز', 'فايننشيال تايمز']),
  media('le-monde', 'لوموند', 'FR', ['صحيفة لوموند']),
  media('haaretz', 'هآرتس', 'IL', ['صحيفة هآرتس']),
  media('yedioth-ahronoth', 'يديعوت أحرونوت', 'IL', ['يديعوت']),
  media('times-of-israel', 'تايمز أوف إسرائيل', 'IL'),
];
