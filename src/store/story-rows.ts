// A story row becomes a Story the same way on both backends; only how each reads the row, its tag
// names and its outlets differs.
import type { Story, StoryEntity, StoryOutlet, TagInfo } from '../model/index.ts';

/** The columns of a stories row that pass into a Story unchanged. */
export type StoryColumns = Pick<Story, 'id' | 'headline' | 'headline_article_id' | 'first_seen' | 'last_seen' | 'article_count' | 'outlet_count' | 'updated_at'>;

/** The well-formed entities of a stored list; a hand-edited row with bad entries loses those, not the story. */
export function storedEntities(parsed: unknown): StoryEntity[] {
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((e): e is StoryEntity => typeof e?.key === 'string' && typeof e?.weight === 'number');
}

/** A Story from its row, its entities named by the tags table, and its outlets in order of first report. */
export function assembleStory(
  row: StoryColumns,
  entities: readonly StoryEntity[],
  names: ReadonlyMap<string, TagInfo>,
  outlets: readonly { id: number | null; name: string | null }[],
): Story {
  return {
    id: row.id,
    headline: row.headline,
    headline_article_id: row.headline_article_id,
    first_seen: row.first_seen,
    last_seen: row.last_seen,
    article_count: row.article_count,
    outlet_count: row.outlet_count,
    entities: entities.map((e) => {
      const tag = names.get(e.key);
      return tag ? { key: e.key, weight: e.weight, name: tag.name, type: tag.type } : { key: e.key, weight: e.weight };
    }),
    outlets: outlets.map((o): StoryOutlet => ({ id: o.id, name: o.name ?? '' })),
    updated_at: row.updated_at,
  };
}
