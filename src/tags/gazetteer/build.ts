// Small constructors for the data files. They only expand compact rows into GazetteerEntry objects;
// every name they produce is written out literally in the data files or derived by a rule stated here.
import type { GazetteerEntry } from './types.ts';

/**
 * Nisba adjectives from their masculine singular: روسي → روسي، روسية، روسيون، روسيين. Multi-word
 * stems inflect every word that ends in ي (كوري شمالي → كورية شمالية), leaving nouns like جنوب alone.
 * Broken plurals (روس، أتراك، ألمان) are irregular and go in by hand next to the call.
 */
export function nisba(...stems: string[]): string[] {
  const inflect = (stem: string, suffix: string) =>
    stem
      .split(' ')
      .map((word) => (word.endsWith('ي') ? word + suffix : word))
      .join(' ');
  return stems.flatMap((stem) => [stem, inflect(stem, 'ة'), inflect(stem, 'ون'), inflect(stem, 'ين')]);
}

/** A capital as [id slug, name, ...variants]. */
export type CapitalRow = readonly [slug: string, name: string, ...variants: string[]];

export interface CountryRow {
  /** ISO 3166-1 alpha-2 (or a user-assigned code the press needs, see USER_ASSIGNED_CODES). */
  code: string;
  name: string;
  variants?: string[];
  adjectives?: string[];
  /** Defaults to 'country'; 'territory' for dependencies and places whose status is disputed. */
  subtype?: 'country' | 'territory';
  /** Code of the administering state, for territories. */
  parent?: string;
  capital?: CapitalRow;
}

/** Expand country rows into the country entry followed by its capital entry, if any. */
export function countryEntries(rows: readonly CountryRow[]): GazetteerEntry[] {
  return rows.flatMap((row) => {
    const id = `country:${row.code}`;
    const country: GazetteerEntry = {
      id,
      name: row.name,
      type: 'place',
      subtype: row.subtype ?? 'country',
      variants: row.variants ?? [],
      code: row.code,
    };
    if (row.adjectives) country.adjectives = row.adjectives;
    if (row.parent) country.parent = `country:${row.parent}`;
    if (!row.capital) return [country];
    const [slug, name, ...variants] = row.capital;
    const capital: GazetteerEntry = { id: `city:${slug}`, name, type: 'place', subtype: 'capital', variants, parent: id };
    return [country, capital];
  });
}

/** A place below the country level: place('city', 'aleppo', 'حلب', 'country:SY'). */
export function place(
  kind: 'city' | 'region' | 'water' | 'landmark' | 'crossing',
  slug: string,
  name: string,
  parent: string | undefined,
  variants: string[] = [],
): GazetteerEntry {
  const entry: GazetteerEntry = { id: `${kind}:${slug}`, name, type: 'place', subtype: kind, variants };
  if (parent) entry.parent = parent;
  return entry;
}

/** An organization: org('arab-league', 'جامعة الدول العربية', 'international-org', undefined, [...]). */
export function org(
  slug: string,
  name: string,
  subtype: string,
  parent: string | undefined,
  variants: string[] = [],
  adjectives?: string[],
): GazetteerEntry {
  const entry: GazetteerEntry = { id: `org:${slug}`, name, type: 'organization', subtype, variants };
  if (parent) entry.parent = parent;
  if (adjectives) entry.adjectives = adjectives;
  return entry;
}

/** A person: person('vladimir-putin', 'فلاديمير بوتين', 'head-of-state', 'country:RU', ['بوتين']). */
export function person(
  slug: string,
  name: string,
  role: string,
  parent: string | undefined,
  variants: string[] = [],
): GazetteerEntry {
  const entry: GazetteerEntry = { id: `person:${slug}`, name, type: 'person', subtype: role, variants };
  if (parent) entry.parent = parent;
  return entry;
}
