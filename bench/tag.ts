/**
 * Tagger throughput on SaudiNewsNet: `tagArticle` (gazetteer entities, names found from context,
 * keyphrases, salience) on title + body, in its own process so the peak memory is the tagger's. The
 * `analyze` benchmark, in the same run, gives the analyzer alone, Snowball and a whitespace split:
 * the tagger's cost reads against those.
 */
import { tagArticle } from '../src/tags/index.ts';
import { readArticles, sharedPath } from './shared-data.ts';

const SMALL_ARTICLES = 500;
const WARMUP_ARTICLES = 300;

export async function benchTag(opts: { small: boolean }) {
  const corpus = sharedPath('corpus/saudinewsnet/articles.jsonl.gz');
  if (!corpus) return { skipped: 'corpus/saudinewsnet is not in ../shared' };
  const articles = await readArticles(corpus, opts.small ? SMALL_ARTICLES : Infinity);
  const mb = articles.reduce((sum, a) => sum + Buffer.byteLength(a.body) + Buffer.byteLength(a.title), 0) / 1e6;
  const rssBefore = process.memoryUsage().rss;
  for (const a of articles.slice(0, WARMUP_ARTICLES)) tagArticle({ title: a.title, text: a.body });
  let tags = 0;
  const byType: Record<string, number> = {};
  const start = process.hrtime.bigint();
  for (const a of articles) {
    for (const tag of tagArticle({ title: a.title, text: a.body })) {
      tags++;
      byType[tag.type] = (byType[tag.type] ?? 0) + 1;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    corpus: 'saudinewsnet',
    articles: articles.length,
    mb: +mb.toFixed(1),
    seconds: +seconds.toFixed(3),
    articles_per_s: Math.round(articles.length / seconds),
    mb_per_s: +(mb / seconds).toFixed(2),
    tags_per_article: +(tags / articles.length).toFixed(2),
    tags_by_type: byType,
    rss_growth_mb: Math.round((process.memoryUsage().rss - rssBefore) / 1e6),
  };
}
