// What a reader sees of the stories, by URL, so that two stores that placed the same articles can be
// compared whatever ids they gave them. Used by the arrival-order tests.
import type { Article } from '../src/model/index.ts';
import type { Store } from '../src/store/store.ts';

/**
 * "Read also" stories compared per article. The page shows five; the store breaks a tie at the fifth
 * place by story id, which differs between stores, so the lists are compared whole instead.
 */
const RELATED_COMPARED = 100;

/**
 * Each article's story (its members), the original it copies and its "read also" stories with their
 * scores; each story's headline. Sorted lines, one per article and one per story.
 */
export async function readerView(store: Store): Promise<string[]> {
  const articles: Article[] = [];
  for await (const a of store.iterateArticles()) articles.push(a);
  const urlOf = new Map(articles.map((a) => [a.id, a.url]));
  const members = new Map<number, string[]>();
  for (const a of articles) {
    const story = a.story_id ?? -a.id;
    members.set(story, [...(members.get(story) ?? []), a.url]);
  }
  const storyKey = (id: number) => `[${(members.get(id) ?? [`story ${id} has no articles`]).sort().join(' ')}]`;
  const view: string[] = [];
  for (const a of articles) {
    const related = (await store.relatedForArticle(a.id, RELATED_COMPARED))
      .map((r) => ({ key: storyKey(r.story.id), score: r.score.toFixed(4) }))
      // Best first; stories that tie are ordered by id, which differs between stores.
      .sort((x, y) => Number(y.score) - Number(x.score) || (x.key < y.key ? -1 : 1))
      .map((r) => `${r.key} ${r.score}`);
    view.push(`${a.url} in ${storyKey(a.story_id ?? -a.id)}; copy of ${a.duplicate_of === null ? 'none' : urlOf.get(a.duplicate_of)}; read also ${related.join(', ')}`);
  }
  for (const id of members.keys()) view.push(`${storyKey(id)} headed ${id > 0 ? (await store.getStory(id))?.headline : 'no story'}`);
  return view.sort();
}

/** Stories and syndicated copies found, for messages. */
export async function storyCounts(store: Store): Promise<{ stories: number; copies: number }> {
  const stories = new Set<number | null>();
  let copies = 0;
  for await (const a of store.iterateArticles()) {
    stories.add(a.story_id);
    if (a.duplicate_of !== null) copies++;
  }
  return { stories: stories.size, copies };
}
