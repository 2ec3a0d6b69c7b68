import type { Article, WireCredit } from '../model/index.ts';
import type { Store } from '../store/store.ts';

/** Coverage entries listed on an article page; the story page has them all. */
const COVERAGE_LIMIT = 12;

/** What an article page shows of its story: other outlets' versions, related stories, its original. */
export interface ArticleStoryContext {
  /** The same story, other articles (copies of it included), oldest first. */
  coverage: Article[];
  /** "Read also": the headline article of each related story, best first. */
  related: Article[];
  /** When the article is a syndicated copy: its original and the agency the text credits. */
  copyOf: { original: Article; agency: WireCredit | null } | null;
  story: { id: number; outlet_count: number; article_count: number } | null;
}

export async function storyContext(store: Store, article: Article): Promise<ArticleStoryContext> {
  if (article.story_id === null) return { coverage: [], related: [], copyOf: null, story: null };
  const [story, members, related, original] = await Promise.all([
    store.getStory(article.story_id),
    store.storyArticles(article.story_id),
    store.relatedForArticle(article.id),
    article.duplicate_of === null ? null : store.getArticle(article.duplicate_of),
  ]);
  let copyOf: ArticleStoryContext['copyOf'] = null;
  if (original) copyOf = { original, agency: (await store.wireCredit(article.id)) ?? (await store.wireCredit(original.id)) };
  return {
    coverage: members.filter((a) => a.id !== article.id).slice(0, COVERAGE_LIMIT),
    related: related.flatMap((r) => (r.article ? [r.article] : [])),
    copyOf,
    story: story ? { id: story.id, outlet_count: story.outlet_count, article_count: story.article_count } : null,
  };
}
