// The API described as data (OpenAPI 3.1, whose schemas are JSON Schema 2020-12), served at
// /api/v1/openapi.json. openapi.test.ts checks that every /api/v1 route is here and that real
// responses carry every field marked required, so the document cannot drift far from the code.
import { SECTIONS } from '../../categories/sections.ts';
import { STORY_SORTS } from './stories.ts';
import { API_MAX_LIMIT } from './params.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const nullableStr = (description?: string): Schema => ({ type: ['string', 'null'], ...(description ? { description } : {}) });
const instant = (description: string, nullable = false): Schema => ({ type: nullable ? ['string', 'null'] : 'string', format: 'date-time', description });
const int = (description?: string): Schema => ({ type: 'integer', ...(description ? { description } : {}) });
const nullableInt = (description?: string): Schema => ({ type: ['integer', 'null'], ...(description ? { description } : {}) });
const arrayOf = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) });
/** An object whose every listed property is required: our responses always carry every field (null when unknown). */
const object = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  required: Object.keys(properties),
  properties,
});

const TAG_TYPES = ['person', 'place', 'organization', 'other', 'keyword'];

const articleProperties: Record<string, Schema> = {
  id: int(),
  external_id: nullableStr('The id an import gave the article; `marsad export` gives it back unchanged.'),
  url: str('The original article on its outlet’s site.'),
  title: str(),
  lead: nullableStr(),
  source: nullableStr('The outlet’s name.'),
  source_id: nullableInt(),
  published_at: instant('When the outlet published it (UTC); null when the page gave no date.', true),
  updated_at: instant('When the outlet last updated it, if it said.', true),
  fetched_at: instant('When Marsad fetched it.'),
  authors: arrayOf(str()),
  image: nullableStr(),
  lang: nullableStr(),
  story_id: nullableInt('The story the article belongs to, once clustered.'),
  duplicate_of: nullableInt('When this is a syndicated copy: the id of the original.'),
  category: { ...nullableStr('Its section, when its outlet says.'), enum: [...SECTIONS.map((s) => s.key), null] },
};

const tagProperties: Record<string, Schema> = {
  key: str('Stable key (`country:AZ`, `person:…`, or the keyword itself); percent-encode it in paths.'),
  name: str('Canonical Arabic name.'),
  type: { type: 'string', enum: TAG_TYPES },
};

const storyProperties: Record<string, Schema> = {
  id: int(),
  headline: str(),
  headline_article_id: nullableInt(),
  first_seen: instant('Its first article’s time.'),
  last_seen: instant('Its latest article’s time.'),
  article_count: int('Articles, syndicated copies included.'),
  outlet_count: int(),
  outlets: arrayOf(object({ id: nullableInt(), name: str() }), 'In the order they first reported it.'),
  entities: arrayOf(object({ key: str(), name: nullableStr(), type: { type: ['string', 'null'], enum: [...TAG_TYPES, null] }, weight: { type: 'number' } }), 'Main entities, most central first.'),
  updated_at: instant('When the story was last changed.'),
};

const schemas: Record<string, Schema> = {
  Error: object({ error: object({ code: str('Stable, for programs: `bad_limit`, `bad_cursor`, `bad_sort`, `bad_filter`, `bad_source_id`, `not_found`, `internal`, or a search query error.'), message: str('For the person writing the client.') }) }),
  Article: object(articleProperties, 'An article in a list.'),
  ArticleDetail: object({
    ...articleProperties,
    body: str('Sanitized HTML of the main text.'),
    text: str('Plain text, paragraphs separated by blank lines.'),
    published_offset: nullableInt('Minutes east of UTC the page printed its date in.'),
    tags: arrayOf(object({ ...tagProperties, weight: { type: 'number', description: '1 for the top tag, less for the rest.' } }), 'By rank.'),
    related: arrayOf(ref('Article'), '“Read also”: the headline article of each related story, best first.'),
    agency: { oneOf: [object({ code: str(), name: str() }), { type: 'null' }], description: 'The wire agency the text credits.' },
  }),
  Tag: object(tagProperties),
  Story: object(storyProperties),
  StoryDetail: object({ ...storyProperties, articles: arrayOf(ref('Article'), 'The timeline, oldest first, copies included.') }),
  Source: object({
    id: int(),
    name: str(),
    url: str('The feed or sitemap polled.'),
    home_url: nullableStr(),
    kind: { type: 'string', enum: ['feed', 'sitemap', 'import'] },
    country: nullableStr(),
    lang: nullableStr(),
    paused: { type: 'boolean' },
    poll_interval: int('Seconds between polls.'),
    next_poll_at: instant('When it is next due.'),
    last_polled_at: instant('The last poll, null before the first.', true),
    last_status: nullableStr('`ok`, `not-modified`, or an error code (`timeout`, `http-status`, …).'),
    last_error: nullableStr(),
    consecutive_failures: int(),
    created_at: instant('When it was added.'),
    article_count: int('Articles stored from it.'),
  }),
  ArticlePage: object({ items: arrayOf(ref('Article')), next_cursor: nullableStr('Pass as `cursor` for the next page; null on the last.') }),
  StoryPage: object({ items: arrayOf(ref('Story')), next_cursor: nullableStr(), sort: { type: 'string', enum: [...STORY_SORTS] } }),
  TagArticles: object({ tag: ref('Tag'), total: int('All its articles.'), items: arrayOf(ref('Article')), next_cursor: nullableStr() }),
  SourceList: object({ items: arrayOf(ref('Source')) }),
  SearchResults: object({
    items: arrayOf(object({
      id: int(),
      title: str(),
      url: str(),
      source: nullableStr(),
      source_id: nullableInt(),
      published_at: instant('', true),
      story_id: nullableInt(),
      snippet: arrayOf(object({ text: str(), hit: { type: 'boolean' } }), 'The excerpt as runs; `hit` runs are the query’s words.'),
      copies: int('Syndicated copies folded under this result.'),
    })),
    next_cursor: nullableStr(),
    total: int('Matching originals, copies folded.'),
    sort: { type: 'string', enum: ['relevance', 'date'] },
    facets: object({
      sources: arrayOf(object({ source_id: nullableInt(), name: nullableStr(), count: int() })),
      days: arrayOf(object({ day: str('YYYY-MM-DD in the site’s time zone.'), count: int() })),
      approximate: { type: 'boolean', description: 'True when the counts are of a sample (the newest matches of a broad query); `total` is exact.' },
    }),
    notices: arrayOf(object({ code: str(), message: str() }), 'What the query parser ignored or repaired.'),
  }),
};

const parameters: Record<string, Schema> = {
  limit: { name: 'limit', in: 'query', description: `Items per page, 1–${API_MAX_LIMIT}.`, schema: { type: 'integer', minimum: 1, maximum: API_MAX_LIMIT } },
  cursor: { name: 'cursor', in: 'query', description: 'The previous page’s `next_cursor`, as given (opaque).', schema: { type: 'string' } },
  id: { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } },
};

const p = (name: string): Schema => ({ $ref: `#/components/parameters/${name}` });
const json = (schema: Schema, description: string): Schema => ({
  description,
  headers: { ETag: { description: 'Weak validator; send it back in If-None-Match for a 304.', schema: { type: 'string' } } },
  content: { 'application/json': { schema } },
});
const error = (description: string): Schema => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const NOT_MODIFIED = { description: 'Not modified: If-None-Match named the current ETag. No body.' };

function get(summary: string, params: Schema[], ok: Schema, errors: Record<string, string>): Schema {
  const responses: Record<string, Schema> = { '200': ok, '304': NOT_MODIFIED };
  for (const [status, description] of Object.entries(errors)) responses[status] = error(description);
  return { get: { summary, parameters: params, responses } };
}

/** The OpenAPI 3.1 document. */
export const OPENAPI: Schema = {
  openapi: '3.1.0',
  info: {
    title: 'Marsad API',
    version: '1',
    description:
      'Read-only JSON over Arabic news: articles, stories (the same event across outlets), tags, sources and search. ' +
      'Lists page with `limit` and an opaque `cursor` (`next_cursor` is null on the last page). Errors are ' +
      '`{ "error": { "code", "message" } }`: 400 for a bad parameter, 404 for an unknown id. Responses carry a weak ' +
      'ETag (If-None-Match gives a 304) and allow any origin (CORS, GET only). Times are ISO 8601 in UTC.',
    license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
  },
  paths: {
    '/api/v1/articles': get(
      'Latest articles, newest first (undated ones by fetch time).',
      [p('limit'), p('cursor'),
        { name: 'source_id', in: 'query', description: 'Only this source’s articles.', schema: { type: 'integer' } },
        { name: 'tag', in: 'query', description: 'Only articles with this tag key; not with source_id.', schema: { type: 'string' } },
        { name: 'category', in: 'query', description: 'Only articles of this section; with source_id, that source’s; not with tag.', schema: { type: 'string', enum: SECTIONS.map((s) => s.key) } }],
      json(ref('ArticlePage'), 'A page of articles.'),
      { '400': 'A bad limit, cursor, source_id or category, or tag with source_id or category.', '404': 'No such source or tag.' },
    ),
    '/api/v1/articles/{id}': get('One article with its text, tags, story and related articles.', [p('id')], json(ref('ArticleDetail'), 'The article.'), { '404': 'No such article.' }),
    '/api/v1/stories': get(
      'Stories: the home page’s ranking (outlets and freshness) or the latest.',
      [p('limit'), p('cursor'), { name: 'sort', in: 'query', description: '`rank` (default) or `latest` (by last article seen).', schema: { type: 'string', enum: [...STORY_SORTS], default: 'rank' } }],
      json(ref('StoryPage'), 'A page of stories.'),
      { '400': 'A bad limit, cursor or sort.' },
    ),
    '/api/v1/stories/{id}': get('One story with every outlet’s article on a timeline.', [p('id')], json(ref('StoryDetail'), 'The story.'), { '404': 'No such story.' }),
    '/api/v1/tags/{key}': get(
      'A tag and its articles, newest first.',
      [{ name: 'key', in: 'path', required: true, description: 'The tag key, percent-encoded.', schema: { type: 'string' } }, p('limit'), p('cursor')],
      json(ref('TagArticles'), 'The tag and a page of its articles.'),
      { '400': 'A bad limit or cursor.', '404': 'No such tag.' },
    ),
    '/api/v1/sources': get('Every source with its health.', [], json(ref('SourceList'), 'The sources.'), {}),
    '/api/v1/sources/{id}': get('One source with its health.', [p('id')], json(ref('Source'), 'The source.'), { '404': 'No such source.' }),
    '/api/v1/search': get(
      'Full-text search in the site’s query language (words, "phrases", -exclusion, OR, source:, tag:, from:, to:).',
      [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }, p('limit'), p('cursor'),
        { name: 'sort', in: 'query', schema: { type: 'string', enum: ['relevance', 'date'], default: 'relevance' } }],
      json(ref('SearchResults'), 'A page of results with facets.'),
      { '400': 'A query that cannot run (its code says why), or a bad limit, cursor or sort.' },
    ),
    '/api/v1/openapi.json': {
      get: { summary: 'This document.', responses: { '200': { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } }, '304': NOT_MODIFIED } },
    },
  },
  components: { schemas, parameters },
};
