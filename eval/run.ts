import { readFileSync, readdirSync } from 'node:fs';
import { evalClustering } from './clustering.ts';
import { evalDedup } from './dedup.ts';
import { evalExtract } from './extract.ts';
import { evalFeeds } from './feeds.ts';
import { evalNer } from './ner.ts';
import { evalSearch } from './search.ts';
import { evalStemmers } from './stemmers.ts';
import { evalTagPrecision } from './tag-precision.ts';

/**
 * `npm run eval`: every quality figure, next to its pinned floor. The tests in eval/*.test.ts fail
 * when a figure drops below its floor; lowering a floor is a deliberate, explained commit.
 */
const floorsDir = new URL('./floors/', import.meta.url);
const floors: Record<string, unknown> = {};
for (const f of readdirSync(floorsDir)) if (f.endsWith('.json')) floors[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(new URL(f, floorsDir), 'utf8'));

const feeds = await evalFeeds();
const extract = await evalExtract();
const stemmers = await evalStemmers();
const search = await evalSearch();
const ner = await evalNer();
const dedup = await evalDedup();
const clustering = await evalClustering();
const tagPrecision = await evalTagPrecision();
const summary = {
  feeds: feeds && { pass_rate: feeds.pass_rate, passed: feeds.passed, total: feeds.total, by_field: feeds.by_field },
  extract: extract && {
    arabic: { f1: extract.arabic.f1, title_exact: extract.arabic.title_exact, date_accuracy: extract.arabic.date_accuracy, pages: extract.arabic.pages },
    readability: { f1: extract.readability.f1, title_exact: extract.readability.title_exact, pages: extract.readability.pages },
  },
  stemmers: stemmers && stemmers.analyzers,
  search: search && { articles: search.articles, queries: search.queries, analyzers: search.analyzers, postgres_error: search.postgres_error },
  ner,
  dedup,
  clustering,
  tag_precision: tagPrecision && { ...tagPrecision, pending: tagPrecision.pending.length },
  floors,
};
console.log(JSON.stringify(summary, null, 2));
