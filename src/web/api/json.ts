// The JSON shapes of the API: snake_case, as in `marsad export`, with the same field names as
// /api/v1/search's items (search-json.ts) so one client type reads both. openapi.ts documents them.
import type { Article, ArticleTag, Source, Story, TagInfo, WireCredit } from '../../model/index.ts';

export interface ArticleJson {
  id: number;
  /** The id an import gave it; comes back unchanged from `marsad export`. */
  external_id: string | null;
  /** The original article on its outlet's site. */
  url: string;
  title: string;
  lead: string | null;
  source: string | null;
  source_id: number | null;
  published_at: string | null;
  updated_at: string | null;
  fetched_at: string;
  authors: string[];
  image: string | null;
  lang: string | null;
  story_id: number | null;
  /** The original, when this article is a syndicated copy of it. */
  duplicate_of: number | null;
  /** Its section (politics, economy, sports…), when its outlet says. */
  category: string | null;
}

export interface TagJson {
  key: string;
  name: string;
  type: TagInfo['type'];
}

export interface ArticleDetailJson extends ArticleJson {
  /** Sanitized HTML of the main text. */
  body: string;
  text: string;
  /** Offset in minutes east of UTC the page printed its date in. */
  published_offset: number | null;
  tags: Array<TagJson & { weight: number }>;
  /** "Read also": the headline article of each related story, best first. */
  related: ArticleJson[];
  /** The wire agency the text credits, when one was recognised. */
  agency: WireCredit | null;
}

export interface StoryJson {
  id: number;
  headline: string;
  headline_article_id: number | null;
  first_seen: string;
  last_seen: string;
  article_count: number;
  outlet_count: number;
  outlets: Array<{ id: number | null; name: string }>;
  entities: Array<{ key: string; name: string | null; type: TagInfo['type'] | null; weight: number }>;
  updated_at: string;
}

export interface SourceJson {
  id: number;
  name: string;
  url: string;
  home_url: string | null;
  kind: Source['kind'];
  country: string | null;
  lang: string | null;
  paused: boolean;
  poll_interval: number;
  next_poll_at: string;
  last_polled_at: string | null;
  last_status: string | null;
  last_error: string | null;
  consecutive_failures: number;
  created_at: string;
  article_count: number;
}

export function articleJson(a: Article): ArticleJson {
  return {
    id: a.id,
    external_id: a.external_id,
    url: a.url,
    title: a.title,
    lead: a.lead,
    source: a.source_name,
    source_id: a.source_id,
    published_at: a.published_at,
    updated_at: a.updated_at,
    fetched_at: a.fetched_at,
    authors: a.authors,
    image: a.image,
    lang: a.lang,
    story_id: a.story_id,
    duplicate_of: a.duplicate_of,
    category: a.category,
  };
}

export function articleDetailJson(a: Article, extra: { tags: ArticleTag[]; related: Article[]; agency: WireCredit | null }): ArticleDetailJson {
  return {
    ...articleJson(a),
    body: a.body,
    text: a.text,
    published_offset: a.published_offset,
    tags: extra.tags.map((t) => ({ key: t.key, name: t.name, type: t.type, weight: t.weight })),
    related: extra.related.map(articleJson),
    agency: extra.agency,
  };
}

export function tagJson(t: TagInfo): TagJson {
  return { key: t.key, name: t.name, type: t.type };
}

export function storyJson(s: Story): StoryJson {
  return {
    id: s.id,
    headline: s.headline,
    headline_article_id: s.headline_article_id,
    first_seen: s.first_seen,
    last_seen: s.last_seen,
    article_count: s.article_count,
    outlet_count: s.outlet_count,
    outlets: s.outlets.map((o) => ({ id: o.id, name: o.name })),
    entities: s.entities.map((e) => ({ key: e.key, name: e.name ?? null, type: e.type ?? null, weight: e.weight })),
    updated_at: s.updated_at,
  };
}

/** A source and its health. HTTP validators (etag, last_modified) are the crawler's business, not shown. */
export function sourceJson(s: Source, articleCount: number): SourceJson {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    home_url: s.home_url,
    kind: s.kind,
    country: s.country,
    lang: s.lang,
    paused: s.paused,
    poll_interval: s.poll_interval,
    next_poll_at: s.next_poll_at,
    last_polled_at: s.last_polled_at,
    last_status: s.last_status,
    last_error: s.last_error,
    consecutive_failures: s.consecutive_failures,
    created_at: s.created_at,
    article_count: articleCount,
  };
}
