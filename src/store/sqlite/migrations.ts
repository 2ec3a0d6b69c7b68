/**
 * A new analyzer (SEARCH_INDEX_VERSION) writes every row of the search index again: into a new,
 * empty table, by backfillSearchIndex at open. Deleting the old rows one by one instead would leave
 * the table's row count and column totals, which bm25() weighs by and a contentless table does not
 * lower on a delete, twice what they are.
 */
const RECREATE_SEARCH_INDEX = `
  DROP TABLE article_search;
  CREATE VIRTUAL TABLE article_search USING fts5(
    title_stems, title_surface, stems, surface,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
  );
  UPDATE articles SET search_version = NULL WHERE search_version IS NOT NULL;
  `;

/**
 * The SQLite schema, one entry per version. A database records the last applied version in
 * `PRAGMA user_version`; each migration runs in a transaction with the version bump, so a crash
 * halfway leaves the previous version intact. Never edit an entry that has shipped: append one.
 */
export const MIGRATIONS: string[] = [
  // 1: sources, articles, links seen in feeds.
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    url TEXT NOT NULL UNIQUE,
    home_url TEXT,
    kind TEXT NOT NULL DEFAULT 'feed',
    country TEXT,
    lang TEXT,
    paused INTEGER NOT NULL DEFAULT 0,
    poll_interval INTEGER NOT NULL DEFAULT 900,
    next_poll_at TEXT NOT NULL,
    last_polled_at TEXT,
    last_status TEXT,
    last_error TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    last_modified TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX sources_due ON sources (next_poll_at) WHERE paused = 0 AND kind <> 'import';
  CREATE INDEX sources_name ON sources (name);

  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    external_id TEXT,
    url TEXT NOT NULL UNIQUE,
    source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    lead TEXT,
    body TEXT NOT NULL,
    text TEXT NOT NULL,
    published_at TEXT,
    published_offset INTEGER,
    updated_at TEXT,
    fetched_at TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',
    image TEXT,
    lang TEXT,
    story_id INTEGER,
    duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL
  );
  CREATE INDEX articles_latest ON articles (published_at DESC, id DESC);
  CREATE INDEX articles_source_latest ON articles (source_id, published_at DESC, id DESC);
  CREATE INDEX articles_external ON articles (external_id);

  CREATE TABLE links (
    url TEXT PRIMARY KEY,
    source_id INTEGER REFERENCES sources (id) ON DELETE CASCADE,
    article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    tries INTEGER NOT NULL DEFAULT 1,
    last_at TEXT NOT NULL
  );
  `,

  // 2: tags and the articles that carry them. article_tags repeats the article's date (published, or
  // fetched when it has none: the order of latestArticles) so that a tag page is one range scan of
  // article_tags_latest. articles.tags_version is the tagger version that tagged it, NULL for never.
  `
  CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL
  );

  CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    weight REAL NOT NULL,
    rank INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (article_id, tag_id)
  ) WITHOUT ROWID;
  CREATE INDEX article_tags_latest ON article_tags (tag_id, published_at DESC, article_id DESC);

  ALTER TABLE articles ADD COLUMN tags_version INTEGER;
  CREATE INDEX articles_tags_version ON articles (tags_version, id);
  `,

  // 3: full-text search (src/search/fts5.ts has the plan; sqlite/search.ts fills and reads it). The
  // title has its own columns so bm25() can weight it. Contentless: articles.text holds the text, and
  // rowid is articles.id. articles.search_version records which analyzer indexed a row, NULL for
  // none: a migration cannot run the TypeScript analyzer, so rows that predate this one are indexed
  // at open, in batches (backfillSearchIndex). The trigger keeps a deleted article out of results.
  // articles_duplicate_of counts each result's folded copies. articles_search_meta covers what a
  // search reads of every match (copy or not, outlet, date): those columns sit after title, body and
  // text in the row, so reading them from the table walks each article's overflow pages, which made
  // facets over a broad query several times slower.
  `
  CREATE VIRTUAL TABLE article_search USING fts5(
    title_stems, title_surface, stems, surface,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
  );
  ALTER TABLE articles ADD COLUMN search_version INTEGER;
  CREATE INDEX articles_search_version ON articles (search_version, id);
  CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
  CREATE INDEX articles_search_meta ON articles (id, duplicate_of, source_id, published_at, fetched_at);
  CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = old.id;
  END;
  `,

  // 4: stories (src/store/sqlite/stories.ts). A story row keeps what the clusterer decides (headline,
  // main entities as JSON [{key, weight}]) and what the articles table can recount at any time
  // (first/last seen, article and outlet counts, copies included). article_fingerprints keeps the
  // MinHash signature (src/stories/fingerprint.ts) and the wire credit of each article, so a restart
  // rebuilds the near-duplicate index without re-reading texts. article_related holds "read also":
  // stories chosen when the article arrived; the reverse edges (later stories that chose this one)
  // are read through article_related_story. articles_story_pending finds the articles not yet in a
  // story, oldest first, for the backlog after an import or an upgrade.
  `
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    headline TEXT NOT NULL,
    headline_article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    article_count INTEGER NOT NULL DEFAULT 0,
    outlet_count INTEGER NOT NULL DEFAULT 0,
    entities TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL
  );
  CREATE INDEX stories_latest ON stories (last_seen DESC, id DESC);

  CREATE INDEX articles_story ON articles (story_id, published_at) WHERE story_id IS NOT NULL;
  CREATE INDEX articles_story_pending ON articles (COALESCE(published_at, fetched_at), id) WHERE story_id IS NULL;
  CREATE INDEX articles_story_time ON articles (COALESCE(published_at, fetched_at), id) WHERE story_id IS NOT NULL;

  CREATE TABLE article_fingerprints (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    fingerprint BLOB NOT NULL,
    published_at TEXT NOT NULL,
    agency TEXT
  );
  CREATE INDEX article_fingerprints_time ON article_fingerprints (published_at);

  CREATE TABLE article_related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (article_id, story_id)
  ) WITHOUT ROWID;
  CREATE INDEX article_related_story ON article_related (story_id);
  `,

  // 5: source leases (sqlite/leases.ts): the worker polling a source and until when its claim holds.
  // A claim past lease_until is void, so a worker that died mid-poll costs its sources one lease.
  `
  ALTER TABLE sources ADD COLUMN lease_owner TEXT;
  ALTER TABLE sources ADD COLUMN lease_until TEXT;
  `,

  // 6: lists sort by the date a reader sees, COALESCE(published_at, fetched_at); indexes on
  // published_at alone made every home and source page sort the whole table (~90 ms at 31k articles).
  `
  DROP INDEX articles_latest;
  DROP INDEX articles_source_latest;
  CREATE INDEX articles_latest ON articles (COALESCE(published_at, fetched_at) DESC, id DESC);
  CREATE INDEX articles_source_latest ON articles (source_id, COALESCE(published_at, fetched_at) DESC, id DESC);
  `,

  // 7: an article's section on the site (src/categories), when its outlet says; each section page
  // lists its articles newest first along articles_category_latest.
  `
  ALTER TABLE articles ADD COLUMN category TEXT;
  CREATE INDEX articles_category_latest ON articles (category, COALESCE(published_at, fetched_at) DESC, id DESC) WHERE category IS NOT NULL;
  `,

  // 8: the index of SEARCH_INDEX_VERSION 2 writes surface tokens marked (src/search/fts5.ts).
  RECREATE_SEARCH_INDEX,

  // 9: SEARCH_INDEX_VERSION 3, the stemmer's قانونا.
  RECREATE_SEARCH_INDEX,
];
