// The gazetteer: every entity the tagger can recognise, as maintained data. To add one, put it in
// the file for its kind and run gazetteer.test.ts: a spelling another entry already uses fails the
// test until it is dropped or recorded, with the reason, in ambiguous.ts.
import { COUNTRIES } from './countries.ts';
import { ORGANIZATIONS } from './organizations.ts';
import { PEOPLE } from './people.ts';
import { PLACES } from './places.ts';
import type { GazetteerEntry } from './types.ts';

export type { EntityType, GazetteerEntry } from './types.ts';
export {
  AMBIGUOUS, BARE_ONLY_IDS, COMMON_WORD_VARIANTS, ORDINARY_PHRASES, type AmbiguousForm, type CommonWordForm, type OrdinaryPhrase,
} from './ambiguous.ts';

/** All entries: countries and capitals, places, organizations, people. */
export const GAZETTEER: readonly GazetteerEntry[] = [...COUNTRIES, ...PLACES, ...ORGANIZATIONS, ...PEOPLE];

const BY_ID = new Map(GAZETTEER.map((entry) => [entry.id, entry]));

/** The entry with this id, or undefined. */
export function entryById(id: string): GazetteerEntry | undefined {
  return BY_ID.get(id);
}
