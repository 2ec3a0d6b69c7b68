// Places below the country level: cities, provinces, disputed regions, seas and rivers.
import { ARAB_PLACES } from './places-arab.ts';
import { CONFLICT_PLACES } from './places-conflict.ts';
import { WATERS } from './places-water.ts';
import { WORLD_PLACES } from './places-world.ts';
import type { GazetteerEntry } from './types.ts';

export const PLACES: readonly GazetteerEntry[] = [...ARAB_PLACES, ...CONFLICT_PLACES, ...WORLD_PLACES, ...WATERS];
