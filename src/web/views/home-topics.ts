// "By category" on the home page. Articles carry no outlet category, so the home page groups the
// latest news by the topics the tagger found in it: the tags shared by the most recent articles,
// chosen greedily so that each topic brings articles the ones before it did not show.
import type { ArticleHeadline, ArticleTag } from '../../model/index.ts';

/** Topics shown on the home page. */
export const TOPICS_SHOWN = 4;
/** Articles listed under each topic. */
export const TOPIC_ARTICLES = 4;
/** A topic needs this many recent articles, or it is one outlet's single item, not a theme. */
const TOPIC_MIN_ARTICLES = 2;

export interface Topic {
  tag: Pick<ArticleTag, 'key' | 'name' | 'type'>;
  articles: ArticleHeadline[];
}

/** Topics of `articles` (newest first), from each article's tags. Pure. */
export function groupByTopic(articles: readonly ArticleHeadline[], tags: ReadonlyMap<number, readonly ArticleTag[]>): Topic[] {
  const byKey = new Map<string, { tag: ArticleTag; articles: ArticleHeadline[] }>();
  for (const a of articles) {
    for (const t of tags.get(a.id) ?? []) {
      const entry = byKey.get(t.key) ?? { tag: t, articles: [] };
      entry.articles.push(a);
      byKey.set(t.key, entry);
    }
  }
  const shown = new Set<number>();
  const topics: Topic[] = [];
  while (topics.length < TOPICS_SHOWN) {
    let best: { tag: ArticleTag; fresh: ArticleHeadline[] } | null = null;
    for (const entry of byKey.values()) {
      // Fresh articles can only be fewer than all of them: skip tags that cannot beat the best.
      if (entry.articles.length < TOPIC_MIN_ARTICLES || (best && entry.articles.length <= best.fresh.length)) continue;
      const fresh = entry.articles.filter((a) => !shown.has(a.id));
      if (fresh.length >= TOPIC_MIN_ARTICLES && (!best || fresh.length > best.fresh.length)) best = { tag: entry.tag, fresh };
    }
    if (!best) break;
    byKey.delete(best.tag.key);
    const listed = best.fresh.slice(0, TOPIC_ARTICLES);
    for (const a of listed) shown.add(a.id);
    topics.push({ tag: { key: best.tag.key, name: best.tag.name, type: best.tag.type }, articles: listed });
  }
  return topics;
}
