// Ministries, generated from two tables: the press names them "وزارة الخارجية الروسية" and, more and
// more, just "الخارجية الروسية", so each gets both forms for every spelling of the adjective. A bare
// "الخارجية" is never listed: which state's ministry it is depends on the article.
import { org } from './build.ts';
import type { GazetteerEntry } from './types.ts';

const PORTFOLIOS = [
  { slug: 'foreign', noun: 'الخارجية' },
  { slug: 'defense', noun: 'الدفاع' },
  { slug: 'interior', noun: 'الداخلية' },
  { slug: 'health', noun: 'الصحة' },
  { slug: 'finance', noun: 'المالية' },
] as const;

type Portfolio = (typeof PORTFOLIOS)[number]['slug'];

/** States whose ministries the press names, with the feminine nisba that qualifies وزارة. */
const STATES: readonly (readonly [code: string, ...adjectives: string[]])[] = [
  // The 22 Arab League members.
  ['EG', 'المصرية'],
  ['SA', 'السعودية'],
  ['AE', 'الإماراتية'],
  ['QA', 'القطرية'],
  ['KW', 'الكويتية'],
  ['BH', 'البحرينية'],
  ['OM', 'العمانية'],
  ['YE', 'اليمنية'],
  ['IQ', 'العراقية'],
  ['SY', 'السورية'],
  ['LB', 'اللبنانية'],
  ['JO', 'الأردنية'],
  ['PS', 'الفلسطينية'],
  ['SD', 'السودانية'],
  ['LY', 'الليبية'],
  ['TN', 'التونسية'],
  ['DZ', 'الجزائرية'],
  ['MA', 'المغربية'],
  ['MR', 'الموريتانية'],
  ['SO', 'الصومالية'],
  ['DJ', 'الجيبوتية'],
  ['KM', 'القمرية'],
  // The powers whose ministries make Arabic headlines.
  ['RU', 'الروسية'],
  ['US', 'الأمريكية', 'الأميركية'],
  ['GB', 'البريطانية'],
  ['FR', 'الفرنسية'],
  ['TR', 'التركية'],
  ['IR', 'الإيرانية'],
  ['IL', 'الإسرائيلية'],
  ['UA', 'الأوكرانية'],
  ['CN', 'الصينية'],
  ['DE', 'الألمانية'],
];

/**
 * Where a state's ministry has its own name. The US and UK finance ministries are their treasuries;
 * the Pentagon stands for the US defense department, which since September 2025 also uses the
 * secondary name "Department of War".
 */
const OVERRIDES: Partial<Record<string, Partial<Record<Portfolio, { name?: string; extra: string[] }>>>> = {
  US: {
    defense: { extra: ['البنتاغون', 'البنتاجون', 'وزارة الحرب الأمريكية', 'وزارة الحرب الأميركية'] },
    finance: {
      name: 'وزارة الخزانة الأمريكية',
      extra: ['وزارة الخزانة الأميركية', 'الخزانة الأمريكية', 'الخزانة الأميركية'],
    },
  },
  GB: { finance: { name: 'وزارة الخزانة البريطانية', extra: ['الخزانة البريطانية'] } },
};

function ministry(code: string, adjectives: readonly string[], slug: Portfolio, noun: string): GazetteerEntry {
  const generated = adjectives.flatMap((adj) => [`وزارة ${noun} ${adj}`, `${noun} ${adj}`]);
  const override = OVERRIDES[code]?.[slug];
  const name = override?.name ?? generated[0]!;
  const variants = [...generated, ...(override?.extra ?? [])].filter((v) => v !== name);
  return org(`ministry-${slug}-${code.toLowerCase()}`, name, 'ministry', `country:${code}`, variants);
}

export const MINISTRIES: readonly GazetteerEntry[] = [
  ...STATES.flatMap(([code, ...adjectives]) =>
    PORTFOLIOS.map(({ slug, noun }) => ministry(code, adjectives, slug, noun)),
  ),
  // The Gaza health ministry's casualty figures are quoted daily under this name, apart from the
  // Palestinian Authority's ministry in Ramallah.
  org('ministry-health-gaza', 'وزارة الصحة في غزة', 'ministry', 'region:gaza-strip', [
    'وزارة الصحة في قطاع غزة',
    'وزارة الصحة بغزة',
    'الصحة في غزة',
  ]),
];
