// Cities and regions elsewhere that Arabic news names without their country, and the regions it
// uses as shorthand (الشرق الأوسط، القرن الأفريقي، المغرب العربي).
import { place } from './build.ts';
import type { GazetteerEntry } from './types.ts';

const city = (slug: string, name: string, code: string, variants: string[] = []) =>
  place('city', slug, name, `country:${code}`, variants);
const region = (slug: string, name: string, parent: string | undefined, variants: string[] = []) =>
  place('region', slug, name, parent, variants);

export const WORLD_PLACES: readonly GazetteerEntry[] = [
  city('new-york', 'نيويورك', 'US'),
  city('los-angeles', 'لوس أنجلوس', 'US', ['لوس أنجليس']),
  city('chicago', 'شيكاغو', 'US'),
  city('miami', 'ميامي', 'US'),
  city('geneva', 'جنيف', 'CH'),
  city('davos', 'دافوس', 'CH'),
  // Seat of the ICJ and the ICC; the capital of the Netherlands is Amsterdam.
  city('the-hague', 'لاهاي', 'NL'),
  city('munich', 'ميونخ', 'DE', ['ميونيخ']),
  city('hamburg', 'هامبورغ', 'DE'),
  city('frankfurt', 'فرانكفورت', 'DE'),
  city('marseille', 'مرسيليا', 'FR', ['مارسيليا']),
  city('manchester', 'مانشستر', 'GB'),
  city('milan', 'ميلانو', 'IT'),
  city('shanghai', 'شنغهاي', 'CN'),
  city('taipei', 'تايبيه', 'TW'),
  city('mumbai', 'مومباي', 'IN'),
  city('karachi', 'كراتشي', 'PK'),
  city('lahore', 'لاهور', 'PK'),
  city('lagos', 'لاغوس', 'NG'),
  city('johannesburg', 'جوهانسبرغ', 'ZA'),
  city('cape-town', 'كيب تاون', 'ZA'),
  city('dar-es-salaam', 'دار السلام', 'TZ'),
  city('abidjan', 'أبيدجان', 'CI'),
  city('goma', 'غوما', 'CD'),
  city('sydney', 'سيدني', 'AU'),
  city('toronto', 'تورونتو', 'CA'),
  city('sao-paulo', 'ساو باولو', 'BR'),
  city('rio-de-janeiro', 'ريو دي جانيرو', 'BR'),
  region('kashmir', 'كشمير', undefined, ['إقليم كشمير']),
  region('xinjiang', 'شينجيانغ', 'country:CN', ['إقليم شينجيانغ', 'سنجان']),
  region('tibet', 'التبت', 'country:CN'),
  region('tigray', 'تيغراي', 'country:ET', ['إقليم تيغراي']),
  // Continents and the regions the press uses as shorthand.
  region('middle-east', 'الشرق الأوسط', undefined, ['منطقة الشرق الأوسط']),
  region('gulf-region', 'منطقة الخليج', undefined, ['الخليج', 'دول الخليج', 'دول الخليج العربي']),
  region('levant', 'بلاد الشام', undefined, ['الشام', 'المشرق العربي']),
  region('maghreb', 'المغرب العربي', undefined, ['منطقة المغرب العربي', 'المغرب الكبير']),
  region('north-africa', 'شمال أفريقيا', undefined, ['شمال إفريقيا']),
  region('horn-of-africa', 'القرن الأفريقي', undefined, ['القرن الإفريقي', 'منطقة القرن الأفريقي']),
  region('sahel', 'منطقة الساحل', undefined, ['الساحل الأفريقي', 'منطقة الساحل والصحراء']),
  region('sahara', 'الصحراء الكبرى', undefined),
  region('arab-world', 'العالم العربي', undefined, ['الوطن العربي']),
  region('caucasus', 'القوقاز', undefined, ['منطقة القوقاز']),
  region('south-caucasus', 'جنوب القوقاز', 'region:caucasus'),
  region('central-asia', 'آسيا الوسطى', undefined),
  region('balkans', 'البلقان', undefined, ['منطقة البلقان']),
  region('europe', 'أوروبا', undefined, ['أوربا', 'القارة الأوروبية', 'القارة العجوز']),
  region('asia', 'آسيا', undefined, ['القارة الآسيوية']),
  region('africa', 'أفريقيا', undefined, ['إفريقيا', 'القارة الأفريقية', 'القارة السمراء']),
  region('latin-america', 'أمريكا اللاتينية', undefined, ['أميركا اللاتينية']),
  region('south-america', 'أمريكا الجنوبية', undefined, ['أميركا الجنوبية']),
  region('north-america', 'أمريكا الشمالية', undefined, ['أميركا الشمالية']),
];
