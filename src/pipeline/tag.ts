import type { Logger } from '../log/index.ts';
import type { ArticleTag } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { TAGGER_VERSION, tagArticle } from '../tags/index.ts';

/** What the tagger reads of an article. */
export interface TaggableArticle {
  title: string;
  lead: string | null;
  text: string;
}

/** The tagging stage: an article's tags as the store keeps them (the tag's id is its page key). Pure. */
export function tagsFor(article: TaggableArticle): ArticleTag[] {
  return tagArticle({ title: article.title, lead: article.lead, text: article.text })
    .map((t) => ({ key: t.id, name: t.name, type: t.type, weight: t.weight }));
}

/**
 * Tag a stored article and save its tags. A tagger failure is logged and leaves the article untagged
 * (the backfill tries it again later); it never costs the article itself. True when tags were saved.
 */
export async function tagStoredArticle(store: Store, id: number, article: TaggableArticle, log: Logger): Promise<boolean> {
  let tags: ArticleTag[];
  try {
    tags = tagsFor(article);
  } catch (err) {
    log('warn', 'tagging_failed', { article_id: id, error: (err as Error).message });
    return false;
  }
  return store.setArticleTags(id, tags, TAGGER_VERSION);
}
