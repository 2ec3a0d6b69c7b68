/** What the extractor returns for one HTML page. Instants are ISO 8601 in UTC. */
export interface ExtractedArticle {
  title: string | null;
  published_at: string | null;
  /** Offset in minutes east of UTC that the page printed, when it printed one. */
  published_offset: number | null;
  updated_at: string | null;
  authors: string[];
  lead: string | null;
  /** Sanitized HTML of the main text. */
  body: string;
  /** Plain text paragraphs of the main text, in order. */
  paragraphs: string[];
  canonical_url: string | null;
  image: string | null;
  lang: string | null;
  dir: 'rtl' | 'ltr' | null;
  /** The outlet's name as the page states it (og:site_name, JSON-LD publisher…). */
  source: string | null;
  /**
   * The sections the page files the article under, as the outlet names them, most specific first:
   * article:section, JSON-LD articleSection, then the breadcrumb trail from its end.
   */
  sections: string[];
}

/** An article as stored. */
export interface Article {
  id: number;
  /** Identifier given by an import; comes back unchanged from export. */
  external_id: string | null;
  url: string;
  source_id: number | null;
  source_name: string | null;
  title: string;
  lead: string | null;
  body: string;
  text: string;
  published_at: string | null;
  published_offset: number | null;
  updated_at: string | null;
  fetched_at: string;
  authors: string[];
  image: string | null;
  lang: string | null;
  story_id: number | null;
  duplicate_of: number | null;
  /** Its section on our site (src/categories: politics, economy, sports…), when its outlet says. */
  category: string | null;
}

/** An article as a list shows it (headline, lead, outlet, time, image, story): without its text. */
export type ArticleHeadline = Pick<Article, 'id' | 'url' | 'source_id' | 'source_name' | 'title' | 'lead' | 'published_at' | 'fetched_at' | 'image' | 'story_id' | 'duplicate_of' | 'category'>;

/** What the pipeline hands the store to insert. */
export type NewArticle = Omit<Article, 'id' | 'story_id' | 'duplicate_of' | 'source_name' | 'category'> & {
  /** Its section (src/categories), when known; none is stored as null. */
  category?: string | null;
};
