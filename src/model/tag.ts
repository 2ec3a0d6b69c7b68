/** What a tag names: an entity's type, or 'keyword' for a topic rather than an entity. */
export type TagType = 'person' | 'place' | 'organization' | 'other' | 'keyword';

/** The subject of a tag page. `key` is the tagger's stable id ('country:AZ') and the page's URL key. */
export interface TagInfo {
  key: string;
  /** Canonical Arabic name, whatever spelling the article used. */
  name: string;
  type: TagType;
}

/** A tag on one article, with how much the article is about it (1 for its top tag, less for the rest). */
export interface ArticleTag extends TagInfo {
  weight: number;
}
