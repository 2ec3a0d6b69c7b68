// How much an article is about each entity it names. Deliberately simple and explainable: a reader
// judges a tag list by "is this what the article is about?", and the strongest signals for that are
// where an entity is named (the title and lead are the editor's own summary) and how often.

/** Where in the article a mention sits. */
export type Zone = 'title' | 'lead' | 'body';

/** One resolved mention, as salience needs it. */
export interface PlacedMention {
  id: string;
  zone: Zone;
  /** Offset of the mention in the whole article (title, lead, body in order), from 0 to 1. */
  position: number;
}

export interface Salience {
  id: string;
  score: number;
  /** Position of the first mention, 0..1: breaks ties so the story's subject comes first. */
  first: number;
}

/** A title mention is worth three body mentions and a lead mention two: both are the editor's summary. */
export const ZONE_WEIGHT: Readonly<Record<Zone, number>> = { title: 3, lead: 2, body: 1 };
/**
 * Up to one extra mention for being named early: an entity first named in the opening line beats
 * one named as often but only at the end (a closing "وفق ما أوردته وكالة ...").
 */
export const EARLY_BONUS = 1;

/**
 * Entities ranked by score, highest first; ties go to the earlier first mention. One row per id.
 *
 * No rule promotes or demotes parents: a country named only as the home of a tagged city or
 * ministry is not added, and a country that is named ranks on its own mentions. When a specific
 * entity (ستيباناكرت) is weaker than its country it ranks below it, and when it is stronger it
 * ranks above, so a parent never pushes out a child the article talks about more.
 */
export function rankBySalience(mentions: readonly PlacedMention[]): Salience[] {
  const byId = new Map<string, Salience>();
  for (const m of mentions) {
    let row = byId.get(m.id);
    if (!row) byId.set(m.id, (row = { id: m.id, score: 0, first: m.position }));
    row.score += ZONE_WEIGHT[m.zone];
    row.first = Math.min(row.first, m.position);
  }
  for (const row of byId.values()) row.score += EARLY_BONUS * (1 - row.first);
  return [...byId.values()].sort((a, b) => b.score - a.score || a.first - b.first);
}
