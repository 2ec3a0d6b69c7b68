// Every ISO 3166-1 country and territory, each followed by its capital. The base names are CLDR's
// Arabic names, read once at authoring time with
//   new Intl.DisplayNames(['ar'], { type: 'region' }).of(code)   (Node 20, ICU 78.2, CLDR 48)
// and written out as data so tagging never depends on the ICU a deployment ships with. Where the
// press prints something else (فلسطين for "الأراضي الفلسطينية", بريطانيا for "المملكة المتحدة"),
// that is the name and CLDR's form is a variant; CLDR_FORMS_NOT_PRINTED lists the few dropped.
import { countryEntries } from './build.ts';
import { AFRICA_COUNTRIES } from './countries-africa.ts';
import { AMERICAS_COUNTRIES, OCEANIA_COUNTRIES } from './countries-americas.ts';
import { ARAB_COUNTRIES } from './countries-arab.ts';
import { ASIA_COUNTRIES } from './countries-asia.ts';
import { EUROPE_COUNTRIES } from './countries-europe.ts';
import type { GazetteerEntry } from './types.ts';

/** The 249 officially assigned ISO 3166-1 alpha-2 codes. */
export const ISO_3166_ALPHA2: readonly string[] = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU
NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE
VG VI VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

/** Codes outside ISO 3166-1 that the press still treats as countries: XK (Kosovo), as CLDR does. */
export const USER_ASSIGNED_CODES: readonly string[] = ['XK'];

/**
 * CLDR names deliberately not listed, because no outlet prints them that way: they carry CLDR's
 * disambiguating punctuation. The forms the press uses are listed instead.
 */
export const CLDR_FORMS_NOT_PRINTED: readonly string[] = [
  'الكونغو - كينشاسا',
  'الكونغو - برازافيل',
  'ميانمار (بورما)',
  'تيمور - ليشتي',
  'جزر كوكوس (كيلينغ)',
  'هونغ كونغ الصينية (منطقة إدارية خاصة)',
  'منطقة ماكاو الإدارية الخاصة',
];

/** Countries and territories (subtype 'country' | 'territory') and capitals (subtype 'capital'). */
export const COUNTRIES: readonly GazetteerEntry[] = countryEntries([
  ...ARAB_COUNTRIES,
  ...EUROPE_COUNTRIES,
  ...ASIA_COUNTRIES,
  ...AFRICA_COUNTRIES,
  ...AMERICAS_COUNTRIES,
  ...OCEANIA_COUNTRIES,
]);
