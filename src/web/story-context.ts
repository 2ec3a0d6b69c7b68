import type { ArticleHeadline } from '../model/index.ts';
import type { ArticleContext, ContextArticle, Store } from '../store/store.ts';

/** What an article page shows of its story: coverage entries (the story page has them all) and "read also". */
export const ARTICLE_CONTEXT = { coverage: 12, related: 5, days: 7 } as const;

/** What an article page shows of its story: other outlets' versions, related stories, its original. */
export interface ArticleStoryContext {
  /** The same story, other articles (copies of it included), oldest first. */
  coverage: ArticleHeadline[];
  /** "Read also": the headline article of each related story, best first. */
  related: ArticleHeadline[];
  /** When the article is a syndicated copy: its original and the agency the text credits. */
  copyOf: { original: ArticleHeadline; agency: ArticleContext['agency'] } | null;
  story: ArticleContext['story'];
}

export async function storyContext(store: Store, article: ContextArticle): Promise<ArticleStoryContext> {
  const { story, coverage, related, original, agency } = await store.articleContext(article, ARTICLE_CONTEXT);
  return { coverage, related, copyOf: original ? { original, agency } : null, story };
}
