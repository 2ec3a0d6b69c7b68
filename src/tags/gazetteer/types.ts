/** Coarse kind of a named entity; the tagger shows people, places and organizations differently. */
export type EntityType = 'person' | 'place' | 'organization' | 'other';

/** One entity the tagger can recognise, with every spelling the press prints for it. */
export interface GazetteerEntry {
  /** Stable ASCII id: 'country:AZ', 'city:stepanakert', 'org:arab-league', 'person:ilham-aliyev'. */
  id: string;
  /** Canonical Arabic display name, as a reader expects it (أذربيجان، قره باغ، جامعة الدول العربية). */
  name: string;
  type: EntityType;
  /** 'country' | 'territory' | 'capital' | 'city' | 'region' | 'international-org' | 'ministry' | … */
  subtype?: string;
  /** Other spellings as printed: transliterations, long and short official names, abbreviations. */
  variants: string[];
  /** Nisba forms that imply the entity (روسي، الروسية، الروس) and are tagged as it. */
  adjectives?: string[];
  /** ISO 3166-1 alpha-2 for countries and territories. */
  code?: string;
  /**
   * Id of the containing entity: city → country, ministry → country, UN agency → UN. For a person,
   * the state or organization they serve (or served), which helps the tagger resolve context.
   */
  parent?: string;
}
