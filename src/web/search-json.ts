// The JSON shape of a search, shared by /api/v1/search and `marsad search --json` so the two agree.
import type { SearchResults, SnippetSegment } from '../store/store.ts';

export interface SearchItemJson {
  id: number;
  title: string;
  /** The original article on its outlet's site. */
  url: string;
  source: string | null;
  source_id: number | null;
  published_at: string | null;
  story_id: number | null;
  /** The excerpt as runs of text; `hit` runs are the query's words. */
  snippet: SnippetSegment[];
  /** Syndicated copies folded under this result. */
  copies: number;
}

export interface SearchJson {
  items: SearchItemJson[];
  next_cursor: string | null;
  total: number;
  sort: SearchResults['sort'];
  facets: SearchResults['facets'];
  notices: Array<{ code: string; message: string }>;
}

export function searchJson(results: SearchResults): SearchJson {
  return {
    items: results.items.map(({ article: a, copies, snippet }) => ({
      id: a.id,
      title: a.title,
      url: a.url,
      source: a.source_name,
      source_id: a.source_id,
      published_at: a.published_at,
      story_id: a.story_id,
      snippet,
      copies,
    })),
    next_cursor: results.next_cursor,
    total: results.total,
    sort: results.sort,
    facets: results.facets,
    notices: results.notices.map((n) => ({ code: n.code, message: `${n.ar} — ${n.en}` })),
  };
}
