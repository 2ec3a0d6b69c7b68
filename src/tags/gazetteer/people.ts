// People: heads of state and government, foreign ministers, heads of international bodies, and
// others who are news on their own.
import { ARAB_PEOPLE } from './people-arab.ts';
import { WORLD_PEOPLE } from './people-world.ts';
import type { GazetteerEntry } from './types.ts';

export const PEOPLE: readonly GazetteerEntry[] = [...ARAB_PEOPLE, ...WORLD_PEOPLE];
