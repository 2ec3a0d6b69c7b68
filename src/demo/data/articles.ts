/** The demo newsroom's articles: fourteen fictional events, each covered by several invented outlets. */

import type { DemoArticle } from './types.ts';
import { AMMAN_WATER_SUMMIT } from './events/amman-water-summit.ts';
import { MOROCCO_AZILAL_EARTHQUAKE } from './events/morocco-azilal-earthquake.ts';
import { CBE_RATE_DECISION } from './events/cbe-rate-decision.ts';
import { RIYADH_DUBAI_RAIL } from './events/riyadh-dubai-rail.ts';
import { SOUTH_IRAQ_FLOODS } from './events/south-iraq-floods.ts';
import { CAIRO_BOOK_FAIR_PREVIEW } from './events/cairo-book-fair-preview.ts';
import { YEMEN_MEASLES_CAMPAIGN } from './events/yemen-measles-campaign.ts';
import { GULF_STARTUP_FUNDING } from './events/gulf-startup-funding.ts';
import { LEBANON_ELECTRICITY_PLAN } from './events/lebanon-electricity-plan.ts';
import { PALESTINE_OLIVE_HARVEST } from './events/palestine-olive-harvest.ts';
import { ARAB_CLUB_CUP_WYDAD_ZAMALEK } from './events/arab-club-cup-wydad-zamalek.ts';
import { ARAB_CLUB_CUP_QUWA_ESPERANCE } from './events/arab-club-cup-quwa-esperance.ts';
import { OMAN_FM_RED_SEA_NAVIGATION } from './events/oman-fm-red-sea-navigation.ts';
import { OMAN_FM_FOOD_SECURITY } from './events/oman-fm-food-security.ts';

export const ARTICLES: DemoArticle[] = [
  ...AMMAN_WATER_SUMMIT,
  ...MOROCCO_AZILAL_EARTHQUAKE,
  ...CBE_RATE_DECISION,
  ...RIYADH_DUBAI_RAIL,
  ...SOUTH_IRAQ_FLOODS,
  ...CAIRO_BOOK_FAIR_PREVIEW,
  ...YEMEN_MEASLES_CAMPAIGN,
  ...GULF_STARTUP_FUNDING,
  ...LEBANON_ELECTRICITY_PLAN,
  ...PALESTINE_OLIVE_HARVEST,
  ...ARAB_CLUB_CUP_WYDAD_ZAMALEK,
  ...ARAB_CLUB_CUP_QUWA_ESPERANCE,
  ...OMAN_FM_RED_SEA_NAVIGATION,
  ...OMAN_FM_FOOD_SECURITY,
];
