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
];
