// Organizations: international bodies, ministries, state and political bodies, armed groups,
// media, central banks, companies and football clubs.
import { CLUBS } from './organizations-clubs.ts';
import { ECONOMY_ORGS } from './organizations-economy.ts';
import { INTERNATIONAL_ORGS } from './organizations-international.ts';
import { MEDIA_ORGS } from './organizations-media.ts';
import { MINISTRIES } from './organizations-ministries.ts';
import { POLITICAL_ORGS } from './organizations-political.ts';
import type { GazetteerEntry } from './types.ts';

export const ORGANIZATIONS: readonly GazetteerEntry[] = [
  ...INTERNATIONAL_ORGS,
  ...MINISTRIES,
  ...POLITICAL_ORGS,
  ...MEDIA_ORGS,
  ...ECONOMY_ORGS,
  ...CLUBS,
];
